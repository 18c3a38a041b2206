/**
 * The step-through session: one training iteration as six phases, each a pure step from one
 * immutable Session value to the next. A Session holds everything its iteration computed so
 * far, so a view can draw any phase from the value alone and a timeline can keep them all.
 */
import { backwardHidden, backwardOutput, checkConfig, checkInputs, checkParams, checkTargets, forwardHidden, forwardOutput } from './network';
import { lossValue } from './kernels';
import { checkInteger, fail, pickColumns } from './matrix';
import { initialOptimizerState, optimizerStep, resolveOptimizerSpec } from './optimizers';
import { numpyRandom } from './random';
import type { DataSplit, ForwardCache, Gradients, Matrix, NetworkConfig, OptimizerSpec, OptimizerState, Params, PhaseId } from './types';

/** The six phases of one iteration, in order. */
export const PHASES: readonly PhaseId[] = ['forward-hidden', 'forward-output', 'loss', 'backward-output', 'backward-hidden', 'update'];

/** What stays fixed across a training run. */
export interface SessionSetup {
  readonly config: NetworkConfig;
  readonly optimizer: OptimizerSpec;
  /** The training set: X inputSize × m, Y outputSize × m. */
  readonly data: DataSplit;
  /** Samples per iteration; null means the full batch (the tutorial's gradient descent). */
  readonly batchSize: number | null;
  /** Seeds each epoch's shuffle: epoch e uses np.random.seed(shuffleSeed + e); np.random.permutation(m). */
  readonly shuffleSeed: number;
}

/** The batch one iteration trains on; indices are columns of the training set (null: all of them). */
export interface Batch {
  readonly X: Matrix;
  readonly Y: Matrix;
  readonly indices: Int32Array | null;
}

/** One phase of one iteration: a plain immutable value; stepping returns a new one. */
export interface Session {
  readonly setup: SessionSetup;
  /** 0-based training iteration. */
  readonly iteration: number;
  /** The latest phase computed; its results and all earlier ones of this iteration are present. */
  readonly phase: PhaseId;
  /** The parameters this iteration's forward pass uses. */
  readonly params: Params;
  /** The optimizer state before this iteration's update. */
  readonly optimizerState: OptimizerState;
  readonly batch: Batch;
  readonly cache: Partial<ForwardCache>;
  readonly loss: number | null;
  readonly grads: Partial<Gradients>;
  /** Set by the update phase: the parameters and optimizer state the next iteration starts from. */
  readonly next: { readonly params: Params; readonly optimizerState: OptimizerState } | null;
}

/** Checks a setup completely (config, optimizer, data, batch size, seed); throws a named error. */
export function checkSetup(setup: SessionSetup): SessionSetup {
  checkConfig(setup.config);
  resolveOptimizerSpec(setup.optimizer);
  const m = checkInputs(setup.config, setup.data?.X, 'X');
  checkTargets(setup.config, setup.data.Y, m);
  if (setup.batchSize !== null) checkInteger('batchSize', setup.batchSize, 1, m);
  checkInteger('shuffleSeed', setup.shuffleSeed, 0, 2 ** 32 - 1);
  return setup;
}

/** Number of iterations in one pass over the training set. */
export function batchesPerEpoch(setup: SessionSetup): number {
  const m = setup.data.X.cols;
  return setup.batchSize === null ? 1 : Math.ceil(m / setup.batchSize);
}

/** Epoch e's sample order: np.random.seed(shuffleSeed + e); np.random.permutation(m). */
export function epochPermutation(setup: SessionSetup, epoch: number): Int32Array {
  return numpyRandom((setup.shuffleSeed + epoch) % 2 ** 32).permutation(setup.data.X.cols);
}

/**
 * The columns iteration `iteration` trains on, or null for the full batch:
 * batch b of epoch e is epochPermutation(e)[b·B : (b+1)·B].
 */
export function batchIndices(setup: SessionSetup, iteration: number, permutation?: Int32Array): Int32Array | null {
  const m = setup.data.X.cols;
  const B = setup.batchSize;
  if (B === null || B >= m) return null;
  const perEpoch = Math.ceil(m / B);
  const b = iteration % perEpoch;
  const perm = permutation ?? epochPermutation(setup, Math.floor(iteration / perEpoch));
  return perm.subarray(b * B, Math.min(m, (b + 1) * B));
}

/** The batch for an iteration: the training set itself when full-batch. */
export function batchFor(setup: SessionSetup, iteration: number): Batch {
  const indices = batchIndices(setup, iteration);
  if (!indices) return { X: setup.data.X, Y: setup.data.Y, indices: null };
  return { X: pickColumns(setup.data.X, indices), Y: pickColumns(setup.data.Y, indices), indices };
}

/**
 * A session at `iteration` with its first phase (forward-hidden) computed, starting from
 * `params` and `optimizerState` (default: the optimizer's initial state). Throws on bad input.
 */
export function startSession(
  setup: SessionSetup, params: Params, optimizerState?: OptimizerState, iteration = 0,
): Session {
  checkSetup(setup);
  checkParams(setup.config, params);
  checkInteger('iteration', iteration, 0, Number.MAX_SAFE_INTEGER);
  return startIteration(setup, iteration, params, optimizerState ?? initialOptimizerState(setup.optimizer, params));
}

/** The next phase: the same iteration's next phase, or forward-hidden of the next iteration after update. */
export function stepSession(s: Session): Session {
  const { config, optimizer } = s.setup;
  switch (s.phase) {
    case 'forward-hidden':
      return { ...s, phase: 'forward-output', cache: { ...s.cache, ...forwardOutput(config, s.params, need(s.cache.A1, 'A1')) } };
    case 'forward-output': {
      const A2 = need(s.cache.A2, 'A2');
      return { ...s, phase: 'loss', loss: lossValue(config.loss, A2.data, s.batch.Y.data, A2.rows, A2.cols) };
    }
    case 'loss':
      return { ...s, phase: 'backward-output', grads: backwardOutput(config, fullCache(s), s.batch.Y) };
    case 'backward-output':
      return {
        ...s, phase: 'backward-hidden',
        grads: { ...s.grads, ...backwardHidden(config, s.params, s.batch.X, fullCache(s), need(s.grads.dZ2, 'dZ2')) },
      };
    case 'backward-hidden': {
      const next = optimizerStep(optimizer, s.optimizerState, s.params, s.grads as Gradients);
      return { ...s, phase: 'update', next: { params: next.params, optimizerState: next.state } };
    }
    case 'update': {
      const next = need(s.next, 'next');
      return startIteration(s.setup, s.iteration + 1, next.params, next.optimizerState);
    }
  }
}

function startIteration(setup: SessionSetup, iteration: number, params: Params, optimizerState: OptimizerState): Session {
  const batch = batchFor(setup, iteration);
  return {
    setup, iteration, phase: 'forward-hidden', params, optimizerState, batch,
    cache: forwardHidden(setup.config, params, batch.X), loss: null, grads: {}, next: null,
  };
}

/** Steps until the session reaches `phase` of `iteration` (which must not be behind it). */
export function advanceSession(s: Session, iteration: number, phase: PhaseId): Session {
  if (!PHASES.includes(phase)) fail('phase', phase, `must be one of ${PHASES.join(', ')}`);
  checkInteger('iteration', iteration, 0, Number.MAX_SAFE_INTEGER);
  const target = iteration * PHASES.length + PHASES.indexOf(phase);
  let position = s.iteration * PHASES.length + PHASES.indexOf(s.phase);
  if (target < position) fail('iteration', iteration, `must not be before the session's iteration ${s.iteration}, phase ${s.phase}`);
  let current = s;
  while (position < target) {
    current = stepSession(current);
    position++;
  }
  return current;
}

function need<T>(value: T | null | undefined, name: string): T {
  if (value === null || value === undefined) throw new Error(`${name} is missing: the session skipped a phase`);
  return value;
}

function fullCache(s: Session): ForwardCache {
  return { Z1: need(s.cache.Z1, 'Z1'), A1: need(s.cache.A1, 'A1'), Z2: need(s.cache.Z2, 'Z2'), A2: need(s.cache.A2, 'A2') };
}
