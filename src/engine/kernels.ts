/**
 * The arithmetic of one iteration, written once over flat row-major Float64Arrays and
 * shared by the pure phase functions (which allocate their outputs) and the fast trainer
 * (which reuses buffers). Why one copy: a timeline rebuilt from the trainer's keyframes must
 * match the step-through session bit for bit, so both must add and multiply in one order.
 *
 * Why the loops look the way they do (bench/engine.bench.ts measures them): each output
 * element is computed with exactly the operations, in exactly the order, of the plain
 * triple loop (a sum over k starts from 0 and adds the products in increasing k, then the
 * bias), so the numbers do not depend on which path below runs. Only the schedule differs:
 * one pass per row for inner dimensions 1–3, and otherwise four columns (or four dW entries
 * plus db) summed side by side, so that V8's code is not bound by the latency of one add
 * chain; activation switches are hoisted out of the element loops; no intermediate fills.
 * None of the kernels allocates, and lossValue is small enough to be inlined, so its
 * result is not boxed on the heap.
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
    const wi = i * n;
    const bi = b[i];
    // z = ((0 + w0·a0) + w1·a1 + … + w_{n−1}·a_{n−1}) + b, in that order on every path
    if (n === 1) {
      const w0 = W[wi];
      for (let j = 0; j < m; j++) Z[row + j] = (0 + w0 * A[j]) + bi;
    } else if (n === 2) {
      const w0 = W[wi];
      const w1 = W[wi + 1];
      for (let j = 0; j < m; j++) Z[row + j] = ((0 + w0 * A[j]) + w1 * A[m + j]) + bi;
    } else if (n === 3) {
      const w0 = W[wi];
      const w1 = W[wi + 1];
      const w2 = W[wi + 2];
      const m2 = 2 * m;
      for (let j = 0; j < m; j++) Z[row + j] = (((0 + w0 * A[j]) + w1 * A[m + j]) + w2 * A[m2 + j]) + bi;
    } else {
      // four columns at a time: four independent sums over k, each in k order
      let j = 0;
      for (; j + 4 <= m; j += 4) {
        let z0 = 0, z1 = 0, z2 = 0, z3 = 0;
        for (let k = 0, src = j; k < n; k++, src += m) {
          const w = W[wi + k];
          z0 += w * A[src];
          z1 += w * A[src + 1];
          z2 += w * A[src + 2];
          z3 += w * A[src + 3];
        }
        Z[row + j] = z0 + bi;
        Z[row + j + 1] = z1 + bi;
        Z[row + j + 2] = z2 + bi;
        Z[row + j + 3] = z3 + bi;
      }
      for (; j < m; j++) {
        let z = 0;
        for (let k = 0, src = j; k < n; k++, src += m) z += W[wi + k] * A[src];
        Z[row + j] = z + bi;
      }
    }
    if (g !== 'softmax') activate(g, Z, Aout, row, row + m);
  }
  if (g === 'softmax') softmaxColumns(Z, Aout, r, m);
}

/**
 * Aout = softmax of each column of Z (r × m), computed stably: e = exp(Z − max of the column),
 * Aout = e / Σ e, the sum over rows in increasing order (as NumPy's e.sum(axis=0)).
 */
export function softmaxColumns(Z: Float64Array, A: Float64Array, r: number, m: number): void {
  for (let j = 0; j < m; j++) {
    let max = Z[j];
    for (let i = 1, k = m + j; i < r; i++, k += m) if (Z[k] > max) max = Z[k];
    let sum = 0;
    for (let i = 0, k = j; i < r; i++, k += m) {
      const e = Math.exp(Z[k] - max);
      A[k] = e;
      sum += e;
    }
    for (let i = 0, k = j; i < r; i++, k += m) A[k] = A[k] / sum;
  }
}

/** Aout[j] = g(Z[j]) for start ≤ j < end. */
function activate(g: Activation, Z: Float64Array, A: Float64Array, start: number, end: number): void {
  switch (g) {
    case 'tanh':
      for (let j = start; j < end; j++) A[j] = Math.tanh(Z[j]);
      return;
    case 'sigmoid':
      for (let j = start; j < end; j++) A[j] = sigmoid(Z[j]);
      return;
    case 'relu':
      for (let j = start; j < end; j++) {
        const z = Z[j];
        A[j] = z > 0 ? z : 0;
      }
      return;
    case 'linear':
      for (let j = start; j < end; j++) A[j] = Z[j];
      return;
    case 'softmax':
      throw new Error('softmax is column-wise: forwardLayer applies it to whole columns');
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

/**
 * Where lossSum leaves its result. Why a module-level slot: a double returned from a call
 * V8 does not inline is boxed on the heap; lossValue below is small enough to be inlined,
 * so the fast trainer's loop allocates nothing per iteration.
 */
const lossScratch = new Float64Array(1);

/**
 * L for A2 and Y (o × m): bce and mse are the mean over all o·m elements (PyTorch's
 * reduction='mean'); ce sums −Σₖ yₖ·log aₖ over each column and takes the mean over the m
 * samples (nn.CrossEntropyLoss).
 */
export function lossValue(kind: LossKind, A2: Float64Array, Y: Float64Array, o: number, m: number): number {
  lossSum(kind, A2, Y, o * m);
  return lossScratch[0] / (kind === 'ce' ? m : o * m);
}

/** Σ of the elementwise loss, into lossScratch[0]. */
function lossSum(kind: LossKind, A2: Float64Array, Y: Float64Array, length: number): void {
  let sum = 0;
  if (kind === 'bce') {
    // bce = −(y·log a + (1−y)·log(1−a)), each log clamped at −100. Both clamped logs are
    // finite, so for y = 1 the term is exactly log a (1·l + 0·l' = l) and for y = 0 exactly
    // log(1−a) (0·l + 1·l' = l', signed zeros included): the other log need not be taken.
    for (let j = 0; j < length; j++) {
      const y = Y[j];
      const a = A2[j];
      if (y === 1) sum -= clampedLog(a);
      else if (y === 0) sum -= clampedLog1m(a);
      else sum -= y * clampedLog(a) + (1 - y) * clampedLog1m(a);
    }
  } else if (kind === 'ce') {
    // ce = −Σ y·log a with one-hot Y, log clamped at −100: a y = 0 term is exactly 0 (the
    // clamped log is finite), so only each column's true class is summed.
    for (let j = 0; j < length; j++) if (Y[j] === 1) sum -= clampedLog(A2[j]);
  } else {
    // mse = (a − y)²
    for (let j = 0; j < length; j++) {
      const d = A2[j] - Y[j];
      sum += d * d;
    }
  }
  lossScratch[0] = sum;
}

/**
 * dZ2 = m·∂L/∂Z2: (A2 − Y)/o for bce with a sigmoid output, A2 − Y for ce with a softmax output
 * (softmax's Jacobian times −Y/A2 collapses to it, since each column of Y sums to 1),
 * 2·(A2 − Y)⊙g2'(Z2)/o for mse.
 */
export function outputDelta(
  kind: LossKind, g2: Activation, Z2: Float64Array, A2: Float64Array, Y: Float64Array,
  o: number, length: number, dZ2: Float64Array,
): void {
  if (kind === 'bce') {
    for (let j = 0; j < length; j++) dZ2[j] = (A2[j] - Y[j]) / o;
    return;
  }
  if (kind === 'ce') {
    for (let j = 0; j < length; j++) dZ2[j] = A2[j] - Y[j];
    return;
  }
  switch (g2) {
    case 'linear':
      for (let j = 0; j < length; j++) dZ2[j] = (2 * (A2[j] - Y[j])) / o; // slope 1
      return;
    case 'tanh':
      for (let j = 0; j < length; j++) {
        const a = A2[j];
        dZ2[j] = (2 * (a - Y[j]) * (1 - a * a)) / o;
      }
      return;
    case 'sigmoid':
      for (let j = 0; j < length; j++) {
        const a = A2[j];
        dZ2[j] = (2 * (a - Y[j]) * (a * (1 - a))) / o;
      }
      return;
    case 'relu':
      for (let j = 0; j < length; j++) dZ2[j] = (2 * (A2[j] - Y[j]) * (Z2[j] > 0 ? 1 : 0)) / o;
      return;
    case 'softmax':
      throw new Error('softmax is paired with ce only (checkConfig)');
  }
}

/**
 * dW = (1/m)·dZ·Aᵀ and db = (1/m)·Σ_columns dZ. dZ: r × m, A: n × m, dW: r × n, db: r × 1.
 * Each sum runs over j in increasing order from 0; up to four of them (and the bias sum)
 * share one pass over the row, so their add chains overlap.
 */
export function weightGradients(
  dZ: Float64Array, A: Float64Array, r: number, n: number, m: number,
  dW: Float64Array, db: Float64Array,
): void {
  const invM = 1 / m;
  for (let i = 0; i < r; i++) {
    const row = i * m;
    const out = i * n;
    let k = 0;
    for (; k + 4 <= n; k += 4) {
      const a0 = k * m;
      const a1 = a0 + m;
      const a2 = a1 + m;
      const a3 = a2 + m;
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      for (let j = 0; j < m; j++) {
        const d = dZ[row + j];
        s0 += d * A[a0 + j];
        s1 += d * A[a1 + j];
        s2 += d * A[a2 + j];
        s3 += d * A[a3 + j];
      }
      dW[out + k] = invM * s0;
      dW[out + k + 1] = invM * s1;
      dW[out + k + 2] = invM * s2;
      dW[out + k + 3] = invM * s3;
    }
    // the remaining 0–3 columns of dW together with db
    const a0 = k * m;
    const a1 = a0 + m;
    const a2 = a1 + m;
    let s0 = 0, s1 = 0, s2 = 0, sb = 0;
    switch (n - k) {
      case 3:
        for (let j = 0; j < m; j++) {
          const d = dZ[row + j];
          s0 += d * A[a0 + j];
          s1 += d * A[a1 + j];
          s2 += d * A[a2 + j];
          sb += d;
        }
        dW[out + k + 2] = invM * s2;
        dW[out + k + 1] = invM * s1;
        dW[out + k] = invM * s0;
        break;
      case 2:
        for (let j = 0; j < m; j++) {
          const d = dZ[row + j];
          s0 += d * A[a0 + j];
          s1 += d * A[a1 + j];
          sb += d;
        }
        dW[out + k + 1] = invM * s1;
        dW[out + k] = invM * s0;
        break;
      case 1:
        for (let j = 0; j < m; j++) {
          const d = dZ[row + j];
          s0 += d * A[a0 + j];
          sb += d;
        }
        dW[out + k] = invM * s0;
        break;
      default:
        for (let j = row; j < row + m; j++) sb += dZ[j];
    }
    db[i] = invM * sb;
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
    // dA1[k][j] = (0 + W2[0][k]·dZ2[0][j]) + W2[1][k]·dZ2[1][j] + …, in that order on every path
    if (o === 1) {
      const w = W2[k];
      for (let j = 0; j < m; j++) dA1[row + j] = 0 + w * dZ2[j];
    } else {
      const w0 = W2[k];
      for (let j = 0; j < m; j++) dA1[row + j] = 0 + w0 * dZ2[j];
      for (let i = 1; i < o; i++) {
        const w = W2[i * h + k];
        const src = i * m;
        for (let j = 0; j < m; j++) dA1[row + j] += w * dZ2[src + j];
      }
    }
    hiddenSlope(g1, Z1, A1, dA1, dZ1, row, row + m);
  }
}

/** dZ1[j] = dA1[j]·g1'(Z1[j]) for start ≤ j < end (g1' from A1 as the seed writes it). */
function hiddenSlope(
  g1: Activation, Z1: Float64Array, A1: Float64Array, dA1: Float64Array, dZ1: Float64Array, start: number, end: number,
): void {
  switch (g1) {
    case 'tanh':
      for (let j = start; j < end; j++) {
        const a = A1[j];
        dZ1[j] = dA1[j] * (1 - a * a);
      }
      return;
    case 'sigmoid':
      for (let j = start; j < end; j++) {
        const a = A1[j];
        dZ1[j] = dA1[j] * (a * (1 - a));
      }
      return;
    case 'relu':
      for (let j = start; j < end; j++) dZ1[j] = Z1[j] > 0 ? dA1[j] : 0;
      return;
    case 'linear':
      for (let j = start; j < end; j++) dZ1[j] = dA1[j];
      return;
    case 'softmax':
      throw new Error('softmax is an output activation only (checkConfig)');
  }
}
