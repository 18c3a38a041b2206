/**
 * The arithmetic of one iteration, written once over flat row-major Float64Arrays and
 * shared by the pure phase functions (which allocate their outputs) and the fast trainer
 * (which reuses buffers). Why one copy: a timeline rebuilt from the trainer's keyframes must
 * match the step-through session bit for bit, so both must add and multiply in one order.
 */
import { sigmoid } from './activations';
import type { Activation, LossKind } from './types';

/** Z = W·A + b and Aout = g(Z). W: r × n, A: n × m, b: r × 1, Z and Aout: r × m. */
export function forwardLayer(
  W: Float64Array, b: Float64Array, A: Float64Array,
  r: number, n: number, m: number, g: Activation,
  Z: Float64Array, Aout: Float64Array,
): void {
  for (let i = 0; i < r; i++) {
    const row = i * m;
    Z.fill(0, row, row + m);
    for (let k = 0; k < n; k++) {
      const w = W[i * n + k];
      const src = k * m;
      for (let j = 0; j < m; j++) Z[row + j] += w * A[src + j];
    }
    const bi = b[i];
    for (let j = row; j < row + m; j++) Z[j] += bi;
  }
  applyActivation(g, Z, Aout, r * m);
}

function applyActivation(g: Activation, Z: Float64Array, A: Float64Array, length: number): void {
  switch (g) {
    case 'tanh':
      for (let j = 0; j < length; j++) A[j] = Math.tanh(Z[j]);
      return;
    case 'sigmoid':
      for (let j = 0; j < length; j++) A[j] = sigmoid(Z[j]);
      return;
    case 'relu':
      for (let j = 0; j < length; j++) A[j] = Z[j] > 0 ? Z[j] : 0;
      return;
    case 'linear':
      A.set(Z.subarray(0, length));
      return;
  }
}

/** log clamped at −100, as PyTorch's BCELoss clamps each log term. */
function clampedLog(x: number): number {
  const l = Math.log(x);
  return l > -100 ? l : -100;
}

function clampedLog1m(x: number): number {
  const l = Math.log1p(-x);
  return l > -100 ? l : -100;
}

/** L = mean over all o·m elements of the loss of A2 against Y. */
export function lossValue(kind: LossKind, A2: Float64Array, Y: Float64Array, length: number): number {
  let sum = 0;
  if (kind === 'bce') {
    // bce = −(y·log a + (1−y)·log(1−a)), each log clamped at −100
    for (let j = 0; j < length; j++) {
      const y = Y[j];
      const a = A2[j];
      sum -= y * clampedLog(a) + (1 - y) * clampedLog1m(a);
    }
  } else {
    // mse = (a − y)²
    for (let j = 0; j < length; j++) {
      const d = A2[j] - Y[j];
      sum += d * d;
    }
  }
  return sum / length;
}

/**
 * dZ2 = m·∂L/∂Z2: (A2 − Y)/o for bce with a sigmoid output, 2·(A2 − Y)⊙g2'(Z2)/o for mse.
 */
export function outputDelta(
  kind: LossKind, g2: Activation, Z2: Float64Array, A2: Float64Array, Y: Float64Array,
  o: number, length: number, dZ2: Float64Array,
): void {
  if (kind === 'bce') {
    for (let j = 0; j < length; j++) dZ2[j] = (A2[j] - Y[j]) / o;
    return;
  }
  for (let j = 0; j < length; j++) {
    const a = A2[j];
    const z = Z2[j];
    const slope = g2 === 'linear' ? 1 : g2 === 'tanh' ? 1 - a * a : g2 === 'sigmoid' ? a * (1 - a) : z > 0 ? 1 : 0;
    dZ2[j] = (2 * (a - Y[j]) * slope) / o;
  }
}

/**
 * dW = (1/m)·dZ·Aᵀ and db = (1/m)·Σ_columns dZ. dZ: r × m, A: n × m, dW: r × n, db: r × 1.
 */
export function weightGradients(
  dZ: Float64Array, A: Float64Array, r: number, n: number, m: number,
  dW: Float64Array, db: Float64Array,
): void {
  const invM = 1 / m;
  for (let i = 0; i < r; i++) {
    const row = i * m;
    for (let k = 0; k < n; k++) {
      const src = k * m;
      let s = 0;
      for (let j = 0; j < m; j++) s += dZ[row + j] * A[src + j];
      dW[i * n + k] = invM * s;
    }
    let s = 0;
    for (let j = row; j < row + m; j++) s += dZ[j];
    db[i] = invM * s;
  }
}

/**
 * dA1 = W2ᵀ·dZ2 and dZ1 = dA1 ⊙ g1'(Z1). W2: o × h, dZ2: o × m, Z1, A1, dA1, dZ1: h × m.
 */
export function hiddenDelta(
  W2: Float64Array, dZ2: Float64Array, g1: Activation, Z1: Float64Array, A1: Float64Array,
  o: number, h: number, m: number, dA1: Float64Array, dZ1: Float64Array,
): void {
  for (let k = 0; k < h; k++) {
    const row = k * m;
    dA1.fill(0, row, row + m);
    for (let i = 0; i < o; i++) {
      const w = W2[i * h + k];
      const src = i * m;
      for (let j = 0; j < m; j++) dA1[row + j] += w * dZ2[src + j];
    }
  }
  const length = h * m;
  switch (g1) {
    case 'tanh':
      for (let j = 0; j < length; j++) dZ1[j] = dA1[j] * (1 - A1[j] * A1[j]);
      return;
    case 'sigmoid':
      for (let j = 0; j < length; j++) dZ1[j] = dA1[j] * (A1[j] * (1 - A1[j]));
      return;
    case 'relu':
      for (let j = 0; j < length; j++) dZ1[j] = Z1[j] > 0 ? dA1[j] : 0;
      return;
    case 'linear':
      dZ1.set(dA1.subarray(0, length));
      return;
  }
}
