/**
 * The gradient check: one parameter's derivative of the loss by central differences, to set
 * beside backward()'s, which computes the same derivative exactly by the chain rule.
 */
import { lossValue } from './kernels';
import { checkConfig, checkInputs, checkParams, checkTargets, forwardHidden, forwardOutput } from './network';
import { checkInteger, checkNumber, fail, matrix } from './matrix';
import { PARAM_NAMES, type ParamName } from './optimizers';
import type { LossKind, Matrix, NetworkConfig, Params } from './types';

/** One entry of a parameter: W1[row][col], b1[row][0], W2[row][col] or b2[row][0]. */
export interface ParamEntry {
  readonly param: ParamName;
  readonly row: number;
  readonly col: number;
}

/** The step of the studio's gradient check, ε = 1e-5: its truncation error is of order ε² ≈ 1e-10. */
export const GRADIENT_CHECK_EPSILON = 1e-5;

/**
 * ∂L/∂w for the entry `which` by central differences on the whole batch:
 * (L(w + ε) − L(w − ε)) / 2ε, with L the loss computeLoss gives for forward(config, params, X)
 * and Y (X: inputSize × m, Y: outputSize × m). It works for every activation and loss the
 * engine accepts, since it only runs the forward pass and the loss's kernel; params are never
 * mutated.
 *
 * Why the difference is taken sample by sample: L is a mean of m per-sample losses near
 * L itself in size, so L(w + ε) and L(w − ε) agree in their first digits, and subtracting the
 * two totals would leave only the rounding of their sums (about 1e-7 relative on the
 * tutorial's W1[0][0]). Averaging the m small differences instead gives the same quantity with
 * about ten times less rounding; what remains is each sample's own rounding, divided by 2ε.
 *
 * Throws an Error naming the field and value for a bad config, params, X, Y, an unknown
 * parameter, an index out of its shape, an ε that is not a finite number > 0 or too small to
 * move w in double precision, or a loss that is not finite at w ± ε.
 */
export function numericalGradient(
  config: NetworkConfig, params: Params, X: Matrix, Y: Matrix, which: ParamEntry, epsilon = GRADIENT_CHECK_EPSILON,
): number {
  checkConfig(config);
  checkParams(config, params);
  const m = checkInputs(config, X);
  checkTargets(config, Y, m);
  const { param, row, col } = checkEntry(params, which);
  const eps = checkNumber('epsilon', epsilon, 0, Infinity, true);
  const target = params[param];
  const k = row * target.cols + col;
  const w = target.data[k];
  const up = w + eps;
  const down = w - eps;
  // w ± ε rounds to the nearest double: when ε is below w's last few digits, the step is not 2ε.
  if (!(Math.abs(up - down - 2 * eps) <= 1e-6 * 2 * eps)) {
    fail('epsilon', epsilon, `is too small to move ${param}[${row}][${col}] = ${w} in double precision (w ± ε round to values ${up - down} apart, not 2ε)`);
  }
  const A1 = forwardHidden(config, params, X).A1;
  const outputAt = (value: number) => {
    const data = target.data.slice();
    data[k] = value;
    const entry = matrix(target.rows, target.cols, data);
    const moved = { ...params, [param]: entry };
    if (param === 'W2' || param === 'b2') return forwardOutput(config, moved, A1).A2;
    // Hidden activations are elementwise (softmax is output-only), so moving W1[row][·] or b1[row]
    // moves row `row` of A1 alone: recompute that neuron, not the whole layer (a 32-neuron layer is 32 times the work).
    const one = (m: Matrix) => matrix(1, m.cols, m.data.slice(row * m.cols, (row + 1) * m.cols));
    const neuron = forwardHidden({ ...config, hiddenSize: 1 }, { ...moved, W1: one(moved.W1), b1: one(moved.b1) }, X).A1;
    const A1moved = matrix(A1.rows, A1.cols, A1.data.slice());
    A1moved.data.set(neuron.data, row * A1.cols);
    return forwardOutput(config, moved, A1moved).A2;
  };
  const difference = lossDifference(config.loss, outputAt(up), outputAt(down), Y);
  if (!Number.isFinite(difference)) {
    fail(`the loss at ${param}[${row}][${col}] ± ε`, difference, `must be finite (ε = ${epsilon} is too large for this network)`);
  }
  return difference / (2 * eps);
}

/** Checks `which` names a parameter and an index inside its shape; returns it. */
function checkEntry(params: Params, which: ParamEntry): ParamEntry {
  if (!which || typeof which !== 'object') fail('which', which, 'must be an object { param, row, col }');
  if (!PARAM_NAMES.includes(which.param)) fail('which.param', which.param, `must be one of ${PARAM_NAMES.join(', ')}`);
  const { rows, cols } = params[which.param];
  checkInteger(`which.row (a row of ${which.param}, ${rows}×${cols})`, which.row, 0, rows - 1);
  checkInteger(`which.col (a column of ${which.param}, ${rows}×${cols})`, which.col, 0, cols - 1);
  return which;
}

/**
 * L(A2⁺, Y) − L(A2⁻, Y) as the mean over samples j of the loss of column j alone: every loss the
 * engine has is the mean over the m samples of a per-sample loss (bce and mse average the
 * outputSize entries of a column, ce sums its one-hot column), so this is the same difference.
 * The kernel that computeLoss runs, called directly: the inputs were checked once, up front, and
 * 2·m checked calls cost more than the two forward passes (100 ms before V8 optimises them).
 */
function lossDifference(kind: LossKind, plus: Matrix, minus: Matrix, Y: Matrix): number {
  const { rows: o, cols: m } = Y;
  const aPlus = new Float64Array(o);
  const aMinus = new Float64Array(o);
  const y = new Float64Array(o);
  let sum = 0;
  for (let j = 0; j < m; j++) {
    for (let r = 0; r < o; r++) {
      aPlus[r] = plus.data[r * m + j];
      aMinus[r] = minus.data[r * m + j];
      y[r] = Y.data[r * m + j];
    }
    sum += lossValue(kind, aPlus, y, o, 1) - lossValue(kind, aMinus, y, o, 1);
  }
  return sum / m;
}

/**
 * |a − b| / max(|a|, |b|): how far two estimates of one number disagree, relative to the larger
 * (0 when both are 0). Throws an Error naming `a` or `b` when it is not a finite number.
 */
export function relativeError(a: number, b: number): number {
  checkNumber('a', a, -Infinity);
  checkNumber('b', b, -Infinity);
  const scale = Math.max(Math.abs(a), Math.abs(b));
  return scale === 0 ? 0 : Math.abs(a - b) / scale;
}
