import { OUTPUT_ACTIVATIONS, checkActivation } from './activations';
import { forwardLayer, hiddenDelta, lossValue, outputDelta, softmaxColumns, weightGradients } from './kernels';
import { checkInteger, checkMatrix, fail, matrix } from './matrix';
import type { ForwardCache, Gradients, LossKind, Matrix, NetworkConfig, Params } from './types';

/** Largest layer and batch sizes the engine accepts: beyond these a typo, not a network. */
export const LIMITS = { inputSize: 1024, hiddenSize: 1024, outputSize: 64, samples: 1_000_000 } as const;

export const LOSSES: readonly LossKind[] = ['bce', 'mse', 'ce'];

/** Returns the config if every field is valid; throws an Error naming the first bad field otherwise. */
export function checkConfig(config: NetworkConfig): NetworkConfig {
  if (!config || typeof config !== 'object') fail('config', config, 'must be an object');
  checkInteger('inputSize', config.inputSize, 1, LIMITS.inputSize);
  checkInteger('hiddenSize', config.hiddenSize, 1, LIMITS.hiddenSize);
  checkInteger('outputSize', config.outputSize, 1, LIMITS.outputSize);
  checkActivation('hiddenActivation', config.hiddenActivation);
  checkActivation('outputActivation', config.outputActivation, OUTPUT_ACTIVATIONS);
  if (!LOSSES.includes(config.loss)) fail('loss', config.loss, `must be one of ${LOSSES.join(', ')}`);
  if (config.loss === 'bce' && config.outputActivation !== 'sigmoid') {
    fail('outputActivation', config.outputActivation, 'must be sigmoid when loss is bce (cross-entropy needs outputs in (0, 1))');
  }
  if (config.loss === 'ce' && config.outputActivation !== 'softmax') {
    fail('outputActivation', config.outputActivation, 'must be softmax when loss is ce (categorical cross-entropy needs each column to be probabilities)');
  }
  if (config.outputActivation === 'softmax' && config.loss !== 'ce') {
    fail('loss', config.loss, 'must be ce when the output is softmax (softmax goes with categorical cross-entropy)');
  }
  if (config.loss === 'ce' && config.outputSize < 2) {
    fail('outputSize', config.outputSize, 'must be at least 2 for ce (softmax over one output is always 1)');
  }
  return config;
}

/** Checks params have the shapes the config implies and finite entries. */
export function checkParams(config: NetworkConfig, params: Params): Params {
  const { inputSize: n, hiddenSize: h, outputSize: o } = config;
  if (!params || typeof params !== 'object') fail('params', params, 'must be an object with W1, b1, W2, b2');
  checkMatrix('W1', params.W1, h, n);
  checkMatrix('b1', params.b1, h, 1);
  checkMatrix('W2', params.W2, o, h);
  checkMatrix('b2', params.b2, o, 1);
  return params;
}

/** Checks X is inputSize × m with 1 ≤ m ≤ LIMITS.samples; returns m. */
export function checkInputs(config: NetworkConfig, X: Matrix, field = 'X'): number {
  const m = checkInteger(`${field} columns (samples)`, (X as Matrix | undefined)?.cols, 1, LIMITS.samples);
  checkMatrix(field, X, config.inputSize, m);
  return m;
}

/** Checks Y is outputSize × m, holds only 0s and 1s for bce, and is one-hot (one 1 per column) for ce. */
export function checkTargets(config: NetworkConfig, Y: Matrix, m: number): Matrix {
  checkMatrix('Y', Y, config.outputSize, m);
  if (config.loss === 'bce' || config.loss === 'ce') {
    const k = Y.data.findIndex((y) => y !== 0 && y !== 1);
    if (k >= 0) fail(`Y[${Math.floor(k / m)}][${k % m}]`, Y.data[k], `must be 0 or 1 for ${config.loss}`);
  }
  if (config.loss === 'ce') {
    const o = config.outputSize;
    for (let j = 0; j < m; j++) {
      let ones = 0;
      for (let i = 0; i < o; i++) ones += Y.data[i * m + j];
      if (ones !== 1) {
        const column = Array.from({ length: o }, (_, i) => Y.data[i * m + j]);
        fail(`Y[:, ${j}]`, column, `must be one-hot for ce (exactly one 1, the rest 0; ${ones} ones)`);
      }
    }
  }
  return Y;
}

/** Phase forward-hidden: Z1 = W1·X + b1, A1 = g1(Z1). Z1, A1: hiddenSize × m. Inputs must be valid. */
export function forwardHidden(config: NetworkConfig, params: Params, X: Matrix): Pick<ForwardCache, 'Z1' | 'A1'> {
  const { inputSize: n, hiddenSize: h } = config;
  const m = X.cols;
  const Z1 = matrix(h, m);
  const A1 = matrix(h, m);
  forwardLayer(params.W1.data, params.b1.data, X.data, h, n, m, config.hiddenActivation, Z1.data, A1.data);
  return { Z1, A1 };
}

/**
 * softmax of each column of Z (K × m): exp(Z − the column's max) / the column's sum of those,
 * as forward computes A2 for a softmax output. Throws on a matrix with a non-finite entry.
 */
export function softmax(Z: Matrix): Matrix {
  const m = checkInteger('Z columns', (Z as Matrix | undefined)?.cols, 1, LIMITS.samples);
  checkMatrix('Z', Z, Z.rows, m);
  const A = matrix(Z.rows, m);
  softmaxColumns(Z.data, A.data, Z.rows, m);
  return A;
}

/** Phase forward-output: Z2 = W2·A1 + b2, A2 = g2(Z2). Z2, A2: outputSize × m. */
export function forwardOutput(config: NetworkConfig, params: Params, A1: Matrix): Pick<ForwardCache, 'Z2' | 'A2'> {
  const { hiddenSize: h, outputSize: o } = config;
  const m = A1.cols;
  const Z2 = matrix(o, m);
  const A2 = matrix(o, m);
  forwardLayer(params.W2.data, params.b2.data, A1.data, o, h, m, config.outputActivation, Z2.data, A2.data);
  return { Z2, A2 };
}

/** Phase backward-output: dZ2 (o × m), dW2 = (1/m)·dZ2·A1ᵀ (o × h), db2 = (1/m)·Σ dZ2 (o × 1). */
export function backwardOutput(
  config: NetworkConfig, cache: ForwardCache, Y: Matrix,
): Pick<Gradients, 'dZ2' | 'dW2' | 'db2'> {
  const { hiddenSize: h, outputSize: o } = config;
  const m = Y.cols;
  const dZ2 = matrix(o, m);
  const dW2 = matrix(o, h);
  const db2 = matrix(o, 1);
  outputDelta(config.loss, config.outputActivation, cache.Z2.data, cache.A2.data, Y.data, o, o * m, dZ2.data);
  weightGradients(dZ2.data, cache.A1.data, o, h, m, dW2.data, db2.data);
  return { dZ2, dW2, db2 };
}

/** Phase backward-hidden: dA1 = W2ᵀ·dZ2, dZ1 = dA1 ⊙ g1'(Z1) (h × m), dW1 = (1/m)·dZ1·Xᵀ (h × n), db1 (h × 1). */
export function backwardHidden(
  config: NetworkConfig, params: Params, X: Matrix, cache: ForwardCache, dZ2: Matrix,
): Pick<Gradients, 'dA1' | 'dZ1' | 'dW1' | 'db1'> {
  const { inputSize: n, hiddenSize: h, outputSize: o } = config;
  const m = X.cols;
  const dA1 = matrix(h, m);
  const dZ1 = matrix(h, m);
  const dW1 = matrix(h, n);
  const db1 = matrix(h, 1);
  hiddenDelta(params.W2.data, dZ2.data, config.hiddenActivation, cache.Z1.data, cache.A1.data, o, h, m, dA1.data, dZ1.data);
  weightGradients(dZ1.data, X.data, h, n, m, dW1.data, db1.data);
  return { dA1, dZ1, dW1, db1 };
}

/** Forward pass: Z1, A1 (h × m), Z2, A2 (o × m). Throws on a bad config, params or X. */
export function forward(config: NetworkConfig, params: Params, X: Matrix): ForwardCache {
  checkConfig(config);
  checkParams(config, params);
  checkInputs(config, X);
  const hidden = forwardHidden(config, params, X);
  return { ...hidden, ...forwardOutput(config, params, hidden.A1) };
}

/** The loss: the mean over all outputSize × m elements (bce, mse) or over the m samples (ce), as PyTorch. Throws on bad shapes. */
export function computeLoss(config: NetworkConfig, A2: Matrix, Y: Matrix): number {
  checkConfig(config);
  const m = checkInteger('A2 columns (samples)', (A2 as Matrix | undefined)?.cols, 1, LIMITS.samples);
  checkMatrix('A2', A2, config.outputSize, m);
  checkTargets(config, Y, m);
  return lossValue(config.loss, A2.data, Y.data, A2.rows, m);
}

/** All gradients of the loss, in the seed's convention (dZ = m·∂L/∂Z). Throws on bad inputs. */
export function backward(config: NetworkConfig, params: Params, X: Matrix, Y: Matrix, cache: ForwardCache): Gradients {
  checkConfig(config);
  checkParams(config, params);
  const m = checkInputs(config, X);
  checkTargets(config, Y, m);
  const { hiddenSize: h, outputSize: o } = config;
  checkMatrix('Z1', cache?.Z1, h, m);
  checkMatrix('A1', cache.A1, h, m);
  checkMatrix('Z2', cache.Z2, o, m);
  checkMatrix('A2', cache.A2, o, m);
  const out = backwardOutput(config, cache, Y);
  return { ...out, ...backwardHidden(config, params, X, cache, out.dZ2) };
}
