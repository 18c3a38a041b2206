/**
 * The fast training path: whole iterations with every buffer allocated once and reused, so a
 * run of thousands of iterations allocates nothing per iteration (full batch; a mini-batch
 * run draws one permutation per epoch). It uses the same kernels in the same order as the
 * step-through session, so its parameters equal the session's bit for bit.
 */
import { forwardLayer, hiddenDelta, lossValue, outputDelta, weightGradients } from './kernels';
import { checkInteger, checkMatrix, fail, matrix } from './matrix';
import { checkConfig, checkInputs, checkParams, checkTargets, forward, forwardHidden, forwardOutput } from './network';
import { PARAM_NAMES, bufferNames, type ParamName, resolveOptimizerSpec, updateParameter } from './optimizers';
import { batchIndices, batchesPerEpoch, checkSetup, epochPermutation, type SessionSetup } from './session';
import type { Activation, DataSplit, Matrix, NetworkConfig, OptimizerState, Params } from './types';

/** A trainer's position: the iteration it will run next and the state it runs from. */
export interface TrainerSnapshot {
  readonly iteration: number;
  readonly params: Params;
  readonly optimizerState: OptimizerState;
}

/** Per-iteration metrics, written by Trainer.runRecorded; accuracies are NaN when the output is no classifier (classRule). */
export interface IterationMetrics {
  /** The batch loss before the update (the loss phase's value). */
  readonly trainLoss: Float64Array;
  /** Accuracy on the batch, from the same forward pass. */
  readonly trainAccuracy: Float64Array;
  /** Loss and accuracy on the test split at the iteration's (pre-update) parameters. */
  readonly testLoss: Float64Array;
  readonly testAccuracy: Float64Array;
}

export interface Trainer {
  /** Runs n iterations; the batch loss of each (before its update) goes into losses[offset + i]. */
  run(n: number, losses?: Float64Array, offset?: number): void;
  /**
   * Runs up to n iterations, writing every metric of iteration i into row offset + i of
   * `metrics` (needs options.test). Stops at the first iteration whose loss is not finite,
   * recording it but not updating from it, so the trainer stays at the diverged iteration.
   * Returns the number of rows written.
   */
  runRecorded(n: number, metrics: IterationMetrics, offset?: number): number;
  /** The current iteration, params and optimizer state, copied into fresh immutable values. */
  snapshot(): TrainerSnapshot;
}

/**
 * A trainer for `setup` starting at `start` (copied; never mutated). Throws on a bad setup or params.
 */
export function createTrainer(setup: SessionSetup, start: TrainerSnapshot, options: { test?: DataSplit } = {}): Trainer {
  checkSetup(setup);
  checkParams(setup.config, start.params);
  const spec = resolveOptimizerSpec(setup.optimizer);
  const { inputSize: n, hiddenSize: h, outputSize: o, hiddenActivation: g1, outputActivation: g2, loss } = setup.config;
  const full = setup.data;
  const B = setup.batchSize === null ? full.X.cols : Math.min(setup.batchSize, full.X.cols);
  const isFullBatch = B === full.X.cols;

  const copy = (m: Matrix) => m.data.slice();
  const params = { W1: copy(start.params.W1), b1: copy(start.params.b1), W2: copy(start.params.W2), b2: copy(start.params.b2) };
  const names = bufferNames(spec);
  const buffers = names.map((name) => {
    const b = start.optimizerState.buffers[name];
    return { W1: copy(b.W1), b1: copy(b.b1), W2: copy(b.W2), b2: copy(b.b2) };
  });
  const grads = { W1: new Float64Array(h * n), b1: new Float64Array(h), W2: new Float64Array(o * h), b2: new Float64Array(o) };
  const Xb = isFullBatch ? full.X.data : new Float64Array(n * B);
  const Yb = isFullBatch ? full.Y.data : new Float64Array(o * B);
  const Z1 = new Float64Array(h * B), A1 = new Float64Array(h * B), dA1 = new Float64Array(h * B), dZ1 = new Float64Array(h * B);
  const Z2 = new Float64Array(o * B), A2 = new Float64Array(o * B), dZ2 = new Float64Array(o * B);
  let iteration = start.iteration;
  let step = start.optimizerState.step;
  let permutation: Int32Array | undefined;
  let permutationEpoch = -1;
  const moments = Object.fromEntries(PARAM_NAMES.map((p) => [p, buffers.map((b) => b[p])])) as Record<ParamName, Float64Array[]>;

  /** Copies the batch's columns into Xb/Yb; returns its width (the last batch of an epoch may be short). */
  function gather(): number {
    if (isFullBatch) return B;
    const epoch = Math.floor(iteration / batchesPerEpoch(setup));
    if (epoch !== permutationEpoch) {
      permutation = epochPermutation(setup, epoch);
      permutationEpoch = epoch;
    }
    const indices = batchIndices(setup, iteration, permutation) as Int32Array;
    const m = full.X.cols;
    const w = indices.length;
    for (let i = 0; i < n; i++) for (let j = 0; j < w; j++) Xb[i * w + j] = full.X.data[i * m + indices[j]];
    for (let i = 0; i < o; i++) for (let j = 0; j < w; j++) Yb[i * w + j] = full.Y.data[i * m + indices[j]];
    return w;
  }

  const test = options.test;
  const mt = test ? test.X.cols : 0;
  const testZ1 = new Float64Array(h * mt), testA1 = new Float64Array(h * mt);
  const testZ2 = new Float64Array(o * mt), testA2 = new Float64Array(o * mt);
  const rule = classRule(g2);

  // Why a slot and not a return value: V8 boxes a double returned from a call it does not
  // inline, which would allocate 16 bytes every iteration of an otherwise allocation-free loop.
  const lastLoss = new Float64Array(1);

  /** One iteration; its batch loss goes to lastLoss[0]. Writes metrics row `row` when given. */
  function iterate(metrics?: IterationMetrics, row = 0): void {
    const m = gather();
    forwardLayer(params.W1, params.b1, Xb, h, n, m, g1, Z1, A1);
    forwardLayer(params.W2, params.b2, A1, o, h, m, g2, Z2, A2);
    const batchLoss = lossValue(loss, A2, Yb, o, m);
    lastLoss[0] = batchLoss;
    if (metrics) {
      metrics.trainLoss[row] = batchLoss;
      metrics.trainAccuracy[row] = rule ? accuracyOf(rule, A2, Yb, o, m) : NaN;
      if (test) {
        forwardLayer(params.W1, params.b1, test.X.data, h, n, mt, g1, testZ1, testA1);
        forwardLayer(params.W2, params.b2, testA1, o, h, mt, g2, testZ2, testA2);
        metrics.testLoss[row] = lossValue(loss, testA2, test.Y.data, o, mt);
        metrics.testAccuracy[row] = rule ? accuracyOf(rule, testA2, test.Y.data, o, mt) : NaN;
      }
      if (!Number.isFinite(batchLoss)) return;
    }
    outputDelta(loss, g2, Z2, A2, Yb, o, o * m, dZ2);
    weightGradients(dZ2, A1, o, h, m, grads.W2, grads.b2);
    hiddenDelta(params.W2, dZ2, g1, Z1, A1, o, h, m, dA1, dZ1);
    weightGradients(dZ1, Xb, h, n, m, grads.W1, grads.b1);
    step++;
    for (const p of PARAM_NAMES) updateParameter(spec, step, params[p], grads[p], moments[p], params[p]);
    iteration++;
  }

  return {
    run(count, losses, offset = 0) {
      checkInteger('iterations', count, 0, 100_000_000);
      for (let it = 0; it < count; it++) {
        iterate();
        if (losses) losses[offset + it] = lastLoss[0];
      }
    },
    runRecorded(count, metrics, offset = 0) {
      checkInteger('iterations', count, 0, 100_000_000);
      if (!test) fail('options.test', test, 'must be given to record test metrics');
      for (let it = 0; it < count; it++) {
        iterate(metrics, offset + it);
        if (!Number.isFinite(lastLoss[0])) return it + 1;
      }
      return count;
    },
    snapshot() {
      const { W1, b1, W2, b2 } = start.params;
      const out = (shape: Matrix, data: Float64Array) => matrix(shape.rows, shape.cols, data.slice());
      const asParams = (p: typeof params): Params => ({ W1: out(W1, p.W1), b1: out(b1, p.b1), W2: out(W2, p.W2), b2: out(b2, p.b2) });
      const stateBuffers: Record<string, Params> = {};
      names.forEach((name, k) => (stateBuffers[name] = asParams(buffers[k])));
      return { iteration, params: asParams(params), optimizerState: { step, buffers: stateBuffers } };
    },
  };
}

/**
 * How outputs become predicted classes: 'threshold' for a sigmoid output (each element is
 * 1 where A2 > 0.5, else 0), 'argmax' for softmax (each column's most probable row, the
 * first on a tie, as np.argmax), null for any other output (no classes: regression).
 */
export type ClassRule = 'threshold' | 'argmax';

/** The class rule of an output activation (see ClassRule). */
export function classRule(outputActivation: Activation): ClassRule | null {
  return outputActivation === 'sigmoid' ? 'threshold' : outputActivation === 'softmax' ? 'argmax' : null;
}

/** Loss and, for a classifier output (classRule), accuracy of params on X (n × m), Y (o × m). */
export function evaluate(setup: Pick<SessionSetup, 'config'>, params: Params, X: Matrix, Y: Matrix): { loss: number; accuracy: number | null } {
  checkConfig(setup.config);
  checkParams(setup.config, params);
  checkTargets(setup.config, Y, checkInputs(setup.config, X));
  const { A1 } = forwardHidden(setup.config, params, X);
  const { A2 } = forwardOutput(setup.config, params, A1);
  const rule = classRule(setup.config.outputActivation);
  return {
    loss: lossValue(setup.config.loss, A2.data, Y.data, A2.rows, A2.cols),
    accuracy: rule ? accuracy(A2, Y, rule) : null,
  };
}

/**
 * The tutorial's predict: the forward pass, then for a sigmoid output 1 where A2 > 0.5 else 0
 * (o × m); for a softmax output each column's argmax, the class index (1 × m, as
 * np.argmax(A2, axis=0)); A2 itself for any other output. Throws on bad config, params or X.
 */
export function predict(config: NetworkConfig, params: Params, X: Matrix): Matrix {
  const { A2 } = forward(config, params, X);
  const rule = classRule(config.outputActivation);
  if (rule === 'threshold') return matrix(A2.rows, A2.cols, A2.data.map((a) => (a > 0.5 ? 1 : 0)));
  if (rule === 'argmax') return matrix(1, A2.cols, Float64Array.from({ length: A2.cols }, (_, j) => argmaxColumn(A2.data, A2.rows, A2.cols, j)));
  return A2;
}

/**
 * Fraction of correct predictions of A2 against the labels Y (both o × m): with 'threshold'
 * (default) of elements where (A2 > 0.5) equals Y; with 'argmax' of columns whose argmax
 * equals Y's (one-hot Y: the true class). Throws on mismatched shapes.
 */
export function accuracy(A2: Matrix, Y: Matrix, rule: ClassRule = 'threshold'): number {
  const m = checkInteger('A2 columns (samples)', A2?.cols, 1, Number.MAX_SAFE_INTEGER);
  checkMatrix('Y', Y, A2.rows, m);
  if (rule !== 'threshold' && rule !== 'argmax') fail('rule', rule, 'must be threshold or argmax');
  return accuracyOf(rule, A2.data, Y.data, A2.rows, m);
}

/**
 * Per class k of one-hot labels Y (K × m), predicted by each column's argmax of A2 (K × m):
 * how many samples belong to k and how many of them are predicted as k (recall).
 */
export function classAccuracies(A2: Matrix, Y: Matrix): { total: number; correct: number }[] {
  const m = checkInteger('A2 columns (samples)', A2?.cols, 1, Number.MAX_SAFE_INTEGER);
  checkMatrix('Y', Y, A2.rows, m);
  const out = Array.from({ length: A2.rows }, () => ({ total: 0, correct: 0 }));
  for (let j = 0; j < m; j++) {
    const k = argmaxColumn(Y.data, Y.rows, m, j);
    out[k].total++;
    if (argmaxColumn(A2.data, A2.rows, m, j) === k) out[k].correct++;
  }
  return out;
}

/** The row of column j's largest entry: the first on a tie, as np.argmax (but unlike it, a NaN never wins). */
export function argmaxColumn(data: Float64Array, rows: number, m: number, j: number): number {
  let best = 0;
  for (let i = 1, k = m + j; i < rows; i++, k += m) if (data[k] > data[best * m + j]) best = i;
  return best;
}

function accuracyOf(rule: ClassRule, A2: Float64Array, Y: Float64Array, o: number, m: number): number {
  let correct = 0;
  if (rule === 'argmax') {
    for (let j = 0; j < m; j++) if (argmaxColumn(A2, o, m, j) === argmaxColumn(Y, o, m, j)) correct++;
    return correct / m;
  }
  const length = o * m;
  for (let k = 0; k < length; k++) if ((A2[k] > 0.5 ? 1 : 0) === Y[k]) correct++;
  return correct / length;
}
