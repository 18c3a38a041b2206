/** Shared engine types. Shapes use ENGINE.md notation: samples are columns. */

/** softmax is column-wise over the outputs, so it is an output activation only (checkConfig). */
export type Activation = 'tanh' | 'sigmoid' | 'relu' | 'linear' | 'softmax';
/** bce: binary cross-entropy (sigmoid); mse: mean squared error; ce: categorical cross-entropy (softmax, one-hot Y). */
export type LossKind = 'bce' | 'mse' | 'ce';

/** A dense row-major matrix of IEEE doubles. Never mutated once returned by the engine. */
export interface Matrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;
}

export interface NetworkConfig {
  inputSize: number;
  hiddenSize: number;
  outputSize: number;
  hiddenActivation: Activation;
  outputActivation: Activation;
  loss: LossKind;
}

/** W1: hiddenSize × inputSize, b1: hiddenSize × 1, W2: outputSize × hiddenSize, b2: outputSize × 1. */
export interface Params {
  W1: Matrix;
  b1: Matrix;
  W2: Matrix;
  b2: Matrix;
}

/** Z1, A1: hiddenSize × m; Z2, A2: outputSize × m. */
export interface ForwardCache {
  Z1: Matrix;
  A1: Matrix;
  Z2: Matrix;
  A2: Matrix;
}

/** dZ2: o × m, dW2: o × h, db2: o × 1, dA1, dZ1: h × m, dW1: h × n, db1: h × 1. */
export interface Gradients {
  dZ2: Matrix;
  dW2: Matrix;
  db2: Matrix;
  dA1: Matrix;
  dZ1: Matrix;
  dW1: Matrix;
  db1: Matrix;
}

/** Update rules and defaults exactly as torch.optim. */
export type OptimizerSpec =
  | { kind: 'sgd'; lr: number; momentum?: number; weightDecay?: number }
  | { kind: 'rmsprop'; lr: number; alpha?: number; eps?: number; momentum?: number; weightDecay?: number }
  | { kind: 'adam'; lr: number; beta1?: number; beta2?: number; eps?: number; weightDecay?: number };

export type OptimizerKind = OptimizerSpec['kind'];

/** Plain immutable optimizer state: the step count and named moment buffers shaped like Params. */
export interface OptimizerState {
  readonly step: number;
  readonly buffers: Readonly<Record<string, Params>>;
}

export interface Optimizer {
  step(params: Params, grads: Gradients): Params;
}

/** One training iteration, phase by phase. */
export type PhaseId = 'forward-hidden' | 'forward-output' | 'loss' | 'backward-output' | 'backward-hidden' | 'update';

/** A labelled data set, samples as columns: X is inputSize × m, Y is outputSize × m. */
export interface DataSplit {
  X: Matrix;
  Y: Matrix;
}
