/**
 * The timeline: every (iteration, phase) the learner has reached, kept bounded. Recent
 * iterations keep their per-phase Session values; older ones keep only a compact record
 * (the curves) and, every KEYFRAME_INTERVAL iterations, the parameters and optimizer state,
 * from which any phase is recomputed exactly, since the engine is deterministic.
 *
 * Everything here is a pure function from one Timeline value to a new one; the store calls it.
 */
import { runJob, type TrainingProgress } from './training';
import {
  PHASES, accuracy, advanceSession, classRule, createTrainer, evaluate, startSession, stepSession,
  type DataSplit, type OptimizerState, type Params, type PhaseId, type Session, type SessionSetup,
} from '../engine/index';

/** Iterations between stored keyframes: at most this many are retrained to rebuild a phase. */
export const KEYFRAME_INTERVAL = 100;
/**
 * While rebuilding an iteration, the parameters are kept every this many iterations back to its
 * keyframe (Timeline.scratch), so scrubbing on backwards retrains at most this many per step.
 */
export const SCRATCH_INTERVAL = 10;
/** Bytes of per-phase detail kept before the oldest iterations are dropped. */
export const DETAIL_BUDGET_BYTES = 16 * 2 ** 20;
const PHASE_COUNT = PHASES.length;

/** An absolute timeline position: iteration·6 + the phase's index. */
export type Position = number;

export function toPosition(iteration: number, phase: PhaseId): Position {
  return iteration * PHASE_COUNT + PHASES.indexOf(phase);
}

export function fromPosition(position: Position): { iteration: number; phase: PhaseId } {
  return { iteration: Math.floor(position / PHASE_COUNT), phase: PHASES[position % PHASE_COUNT] };
}

/** The parameters and optimizer state at the start of an iteration. */
export interface Keyframe {
  readonly iteration: number;
  readonly params: Params;
  readonly optimizerState: OptimizerState;
}

/**
 * Per-iteration metrics, appended in place past `length` (never changing entries below it),
 * so a holder of an older Curves value still reads exactly what it read before.
 */
export interface Curves {
  readonly length: number;
  readonly trainLoss: Float64Array;
  readonly testLoss: Float64Array;
  /** NaN when the output is no classifier (classRule: no accuracy for regression). */
  readonly trainAccuracy: Float64Array;
  readonly testAccuracy: Float64Array;
}

export interface Timeline {
  readonly setup: SessionSetup;
  readonly test: DataSplit;
  /** Sorted by iteration; keyframes[0] is iteration 0. */
  readonly keyframes: readonly Keyframe[];
  /** Starts kept from the last rebuild (sorted, between two keyframes): nearer starts for the next one. */
  readonly scratch: readonly Keyframe[];
  /** Sessions for positions detailStart … detailStart + detail.length − 1. */
  readonly detail: readonly Session[];
  readonly detailStart: Position;
  /** The furthest position ever computed. */
  readonly frontier: Position;
  readonly cursor: Position;
  readonly curves: Curves;
}

export const EMPTY_CURVES: Curves = {
  length: 0, trainLoss: new Float64Array(0), testLoss: new Float64Array(0),
  trainAccuracy: new Float64Array(0), testAccuracy: new Float64Array(0),
};

/** A timeline at iteration 0, phase forward-hidden. Throws (named errors) on a bad setup or params. */
export function createTimeline(setup: SessionSetup, test: DataSplit, params: Params): Timeline {
  const first = startSession(setup, params);
  return {
    setup, test, keyframes: [{ iteration: 0, params, optimizerState: first.optimizerState }], scratch: [],
    detail: [first], detailStart: 0, frontier: 0, cursor: 0, curves: EMPTY_CURVES,
  };
}

/** The Session at the cursor. */
export function currentSession(t: Timeline): Session {
  return t.detail[t.cursor - t.detailStart];
}

function sessionBytes(s: Session): number {
  let bytes = 0;
  for (const m of [...Object.values(s.cache), ...Object.values(s.grads)]) bytes += m.data.byteLength;
  return bytes / PHASE_COUNT + 1024;
}

/** Drops the oldest detail (whole iterations) beyond the budget, never the cursor's iteration. */
function trimDetail(detail: readonly Session[], detailStart: Position, cursor: Position): Pick<Timeline, 'detail' | 'detailStart'> {
  let bytes = 0;
  for (const s of detail) bytes += sessionBytes(s);
  let drop = 0;
  const cursorIterationStart = cursor - (cursor % PHASE_COUNT);
  while (bytes > DETAIL_BUDGET_BYTES && detailStart + drop + PHASE_COUNT <= cursorIterationStart) {
    for (let k = 0; k < PHASE_COUNT; k++) bytes -= sessionBytes(detail[drop + k]);
    drop += PHASE_COUNT;
  }
  return drop === 0 ? { detail, detailStart } : { detail: detail.slice(drop), detailStart: detailStart + drop };
}

type MetricColumns = { [K in 'trainLoss' | 'testLoss' | 'trainAccuracy' | 'testAccuracy']: ArrayLike<number> };
const METRICS = ['trainLoss', 'testLoss', 'trainAccuracy', 'testAccuracy'] as const;

/** Curves with `count` rows of `rows` appended; grows capacity by doubling, copying only then. Never changes rows below `length`. */
export function appendCurves(curves: Curves, rows: MetricColumns, count: number): Curves {
  const length = curves.length + count;
  let next = curves;
  if (length > curves.trainLoss.length) {
    const capacity = Math.max(1024, 2 ** Math.ceil(Math.log2(length)));
    const grow = (a: Float64Array) => {
      const b = new Float64Array(capacity);
      b.set(a.subarray(0, curves.length));
      return b;
    };
    next = { length: curves.length, trainLoss: grow(curves.trainLoss), testLoss: grow(curves.testLoss), trainAccuracy: grow(curves.trainAccuracy), testAccuracy: grow(curves.testAccuracy) };
  }
  for (const key of METRICS) for (let k = 0; k < count; k++) next[key][curves.length + k] = rows[key][k];
  return { ...next, length };
}

/** The metrics of one iteration, from its session at (or after) the loss phase: the same numbers the trainer records. */
function metricsOf(t: Timeline, s: Session) {
  const test = evaluate(t.setup, s.params, t.test.X, t.test.Y);
  const rule = classRule(t.setup.config.outputActivation);
  const trainAccuracy = rule && s.cache.A2 ? accuracy(s.cache.A2, s.batch.Y, rule) : NaN;
  return { trainLoss: [s.loss as number], testLoss: [test.loss], trainAccuracy: [trainAccuracy], testAccuracy: [test.accuracy ?? NaN] };
}

/** Moves the cursor one phase forward, computing the phase if it is new. */
export function stepForward(t: Timeline): Timeline {
  if (t.cursor < t.frontier) return seek(t, t.cursor + 1);
  const next = stepSession(currentSession(t));
  const position = t.cursor + 1;
  let { keyframes, curves } = t;
  if (next.phase === 'loss' && curves.length === next.iteration) curves = appendCurves(curves, metricsOf(t, next), 1);
  if (next.phase === 'forward-hidden' && next.iteration % KEYFRAME_INTERVAL === 0 && keyframes.at(-1)!.iteration < next.iteration) {
    keyframes = [...keyframes, { iteration: next.iteration, params: next.params, optimizerState: next.optimizerState }];
  }
  const detail = [...t.detail.slice(0, position - t.detailStart), next];
  return { ...t, ...trimDetail(detail, t.detailStart, position), keyframes, curves, frontier: position, cursor: position };
}

/** Moves the cursor one phase back (no-op at the start). */
export function stepBack(t: Timeline): Timeline {
  return t.cursor === 0 ? t : seek(t, t.cursor - 1);
}

/** The session at any position up to the frontier, recomputed from the nearest keyframe (or scratch start). */
export function recompute(t: Timeline, position: Position): Session {
  return rebuild(t, position).session;
}

/** recompute, and the starts passed every SCRATCH_INTERVAL iterations on the way (the next scratch). */
function rebuild(t: Timeline, position: Position): { session: Session; scratch: Keyframe[] } {
  const { iteration, phase } = fromPosition(position);
  let k = t.keyframes.length - 1;
  while (t.keyframes[k].iteration > iteration) k--;
  const key = t.scratch.reduce((best, s) => (s.iteration <= iteration && s.iteration > best.iteration ? s : best), t.keyframes[k]);
  const trainer = createTrainer(t.setup, key);
  // Scratch from an earlier rebuild in the same stretch stays good (the engine is deterministic).
  const scratch = t.scratch.filter((s) => s.iteration > t.keyframes[k].iteration && s.iteration <= key.iteration);
  for (let at = key.iteration; at < iteration;) {
    const n = Math.min(SCRATCH_INTERVAL - (at % SCRATCH_INTERVAL), iteration - at);
    trainer.run(n);
    at += n;
    if (at % SCRATCH_INTERVAL === 0 && at < iteration) scratch.push(trainer.snapshot());
  }
  const start = trainer.snapshot();
  return { session: advanceSession(startSession(t.setup, start.params, start.optimizerState, iteration), iteration, phase), scratch };
}

/** Moves the cursor to `position` (clamped to 0 … frontier), rebuilding that iteration's detail if it was dropped. */
export function seek(t: Timeline, position: Position): Timeline {
  const target = Math.max(0, Math.min(t.frontier, Math.round(position)));
  if (target >= t.detailStart && target < t.detailStart + t.detail.length) return { ...t, cursor: target };
  // Rebuild the whole iteration around the target so stepping within it stays instant.
  const iterationStart = target - (target % PHASE_COUNT);
  const last = Math.min(t.frontier, iterationStart + PHASE_COUNT - 1);
  const { session, scratch } = rebuild(t, iterationStart);
  const detail: Session[] = [session];
  for (let p = iterationStart + 1; p <= last; p++) detail.push(stepSession(detail[detail.length - 1]));
  return { ...t, scratch, detail, detailStart: iterationStart, cursor: target };
}

/**
 * Prepares fast training from the frontier's iteration start: moves the frontier and cursor
 * there and cuts the curves back to it. Returns the timeline and the keyframe to train from.
 */
export function beginTraining(t: Timeline): { timeline: Timeline; start: Keyframe } {
  const iteration = fromPosition(t.frontier).iteration;
  const position = toPosition(iteration, 'forward-hidden');
  const session = t.cursor >= position && t.cursor <= t.frontier ? t.detail[position - t.detailStart] : undefined;
  const s = session ?? recompute(t, position);
  const curves = t.curves.length > iteration ? truncateCurves(t.curves, iteration) : t.curves;
  const detail = [s];
  return {
    timeline: { ...t, curves, detail, detailStart: position, frontier: position, cursor: position },
    start: { iteration, params: s.params, optimizerState: s.optimizerState },
  };
}

/** Appends one progress report: curve rows, keyframes, and the frontier (and cursor) at the trainer's end. */
export function applyProgress(t: Timeline, p: TrainingProgress): Timeline {
  if (p.rows === 0) return t;
  const last = t.keyframes[t.keyframes.length - 1].iteration;
  const added = p.keyframes.filter((k) => k.iteration > last);
  const keyframes = added.length ? [...t.keyframes, ...added] : t.keyframes;
  const curves = appendCurves(t.curves, p.metrics, p.rows);
  const session = startSession(t.setup, p.end.params, p.end.optimizerState, p.end.iteration);
  const position = toPosition(p.end.iteration, 'forward-hidden');
  return { ...t, keyframes, curves, detail: [session], detailStart: position, frontier: position, cursor: position };
}

/** Trains `iterations` whole iterations in this thread (tests, Node); see TrainingBackend for the browser. */
export function train(t: Timeline, iterations: number): Timeline {
  if (iterations <= 0) return t;
  const { timeline, start } = beginTraining(t);
  const run = runJob({ id: 0, setup: t.setup, test: t.test, start, iterations, keyframeInterval: KEYFRAME_INTERVAL }, () => 10_000);
  let next = timeline;
  for (let step = run.next(); !step.done; step = run.next(false)) next = applyProgress(next, step.value);
  return next;
}

/** Curves cut back to `length` rows (a copy, so older holders keep theirs). */
function truncateCurves(c: Curves, length: number): Curves {
  const cut = (a: Float64Array) => a.slice(0, Math.max(length, 1024));
  return { length, trainLoss: cut(c.trainLoss), testLoss: cut(c.testLoss), trainAccuracy: cut(c.trainAccuracy), testAccuracy: cut(c.testAccuracy) };
}

/**
 * The session at any (iteration, phase): from the kept detail, recomputed from a keyframe when
 * at or before the frontier, or stepped on from the frontier when after it (for a lesson that
 * asks about a phase not shown yet). Pure; for the few reads a lesson step makes, not per frame.
 */
export function sessionAt(t: Timeline, iteration: number, phase: PhaseId): Session {
  const position = toPosition(iteration, phase);
  if (position >= t.detailStart && position < t.detailStart + t.detail.length) return t.detail[position - t.detailStart];
  if (position <= t.frontier) return recompute(t, position);
  const { iteration: fi, phase: fp } = fromPosition(t.frontier);
  const frontier = t.frontier >= t.detailStart && t.frontier < t.detailStart + t.detail.length
    ? t.detail[t.frontier - t.detailStart]
    : recompute(t, toPosition(fi, fp));
  return advanceSession(frontier, iteration, phase);
}

/**
 * A timeline opened from a saved state (a session file) without retraining: keyframes at
 * iteration 0 (`initialParams`, the config's deterministic start) and at the saved iteration,
 * the cursor (and frontier) at `phase` of it, and the curves as saved. Going back below the
 * saved iteration rebuilds from keyframe 0 (rebuild), which retrains up to that many iterations
 * once, then at most SCRATCH_INTERVAL per step. Throws (named errors) on bad params or state.
 */
export function restoreTimeline(setup: SessionSetup, test: DataSplit, initialParams: Params, saved: Keyframe, phase: PhaseId, curves: Curves): Timeline {
  const first = createTimeline(setup, test, initialParams);
  const detailStart = toPosition(saved.iteration, 'forward-hidden');
  const cursor = toPosition(saved.iteration, phase);
  const detail = [startSession(setup, saved.params, saved.optimizerState, saved.iteration)];
  for (let p = detailStart + 1; p <= cursor; p++) detail.push(stepSession(detail[detail.length - 1]));
  const keyframes = saved.iteration === 0 ? [saved] : [first.keyframes[0], saved];
  return { ...first, keyframes, detail, detailStart, frontier: cursor, cursor, curves };
}
