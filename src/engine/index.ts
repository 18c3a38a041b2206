/** The engine's public surface (ENGINE.md). Everyone outside src/engine imports from here. */
export type {
  Activation, DataSplit, ForwardCache, Gradients, LossKind, Matrix, NetworkConfig, Optimizer, OptimizerKind,
  OptimizerSpec, OptimizerState, Params, PhaseId,
} from './types';
export { ACTIVATIONS, OUTPUT_ACTIVATIONS, activate, derivative, sigmoid } from './activations';
export { checkInteger, checkNumber, fail, fromRows, get, matrix, maxAbs, pickColumns, sliceColumns, toRows, zeros } from './matrix';
export {
  LIMITS, LOSSES, backward, backwardHidden, backwardOutput, checkConfig, checkParams, computeLoss, forward,
  forwardHidden, forwardOutput, softmax,
} from './network';
export {
  OPTIMIZER_DEFAULTS, PARAM_NAMES, bufferNames, createOptimizer, initialOptimizerState, optimizerStep,
  resolveOptimizerSpec,
} from './optimizers';
export type { ParamName, ResolvedOptimizerSpec } from './optimizers';
export { numpyRandom } from './random';
export type { NumpyRandom } from './random';
export { INIT_SCHEMES, initializeParameters } from './init';
export type { InitOptions, InitScheme } from './init';
export {
  PHASES, advanceSession, batchFor, batchIndices, batchesPerEpoch, checkSetup, epochPermutation, startSession, stepSession,
} from './session';
export type { Batch, Session, SessionSetup } from './session';
export { accuracy, argmaxColumn, classAccuracies, classRule, createTrainer, evaluate, predict } from './trainer';
export type { ClassRule, IterationMetrics, Trainer, TrainerSnapshot } from './trainer';
export { forwardBuffers, forwardInto, type ForwardBuffers } from './forwardInto';
export { findOverflow } from './diagnose';
export type { Overflow } from './diagnose';
export { GRADIENT_CHECK_EPSILON, numericalGradient, relativeError } from './gradcheck';
export type { ParamEntry } from './gradcheck';
