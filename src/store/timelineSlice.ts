/**
 * The timeline slice: the cursor's moves, and fast training as a job on the app's backend.
 * A loss that stops being finite pauses everything and says where and why.
 */
import { findOverflow, type PhaseId } from '../engine/index';
import type { Built } from './config';
import {
  KEYFRAME_INTERVAL, applyProgress, beginTraining, createTimeline, currentSession, fromPosition, recompute, seek, stepBack,
  stepForward, toPosition, train, type Timeline,
} from './timeline';
import { estimateTrainingSeconds, trainingWork, type TrainingBackend } from './training';
import {
  MAX_ITERATIONS_PER_ACTION, type AppState, type Destination, type TimelineActions, type TimelineState,
} from './types';
import type { StoreApi } from 'zustand/vanilla';

/** A fresh timeline for a built config: iteration 0, forward-hidden. */
export function timelineFor(built: Built): Timeline {
  return createTimeline(built.setup, built.dataset.test, built.initialParams);
}

/**
 * Moves a timeline to (iteration, phase), training to the iteration first (in this thread) when it
 * lies beyond the frontier. The store's seek trains that way in its backend instead; this is for
 * tests and for the few phases past the frontier's iteration start.
 */
export function moveTo(t: Timeline, iteration: number, phase: PhaseId): Timeline {
  const target = toPosition(iteration, phase);
  let next = t;
  const frontierIteration = fromPosition(next.frontier).iteration;
  if (iteration > frontierIteration) next = train(next, iteration - frontierIteration);
  while (next.frontier < target) next = stepForward(next);
  return seek(next, target);
}

/** Milliseconds between progress reports of a job preparing a linked iteration. */
const PREPARE_REPORT_MS = 250;

export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export function createTimelineSlice(
  set: StoreApi<AppState>['setState'], get: StoreApi<AppState>['getState'], backend: TrainingBackend, timeline: Timeline,
  nextJobId: () => number, workBudget: number,
): TimelineState & TimelineActions {
  let stopJob: (() => void) | null = null;

  /** Ends any training job; its later reports are ignored (they carry an old job id). */
  const stopTraining = () => {
    stopJob?.();
    stopJob = null;
    if (get().training) set({ training: null });
    if (get().pendingSeek) set({ pendingSeek: null });
  };
  /** Says where and why the loss stopped being finite, from the frontier's iteration. */
  const reportDivergence = (t: Timeline) => {
    const iteration = fromPosition(t.frontier).iteration;
    const s = recompute(t, toPosition(iteration, 'backward-hidden'));
    const overflow = findOverflow(s);
    const lr = get().config.optimizer.lr;
    const quantity = overflow?.quantity ?? 'loss';
    const value = String(overflow?.value ?? s.loss);
    const largest = (overflow?.largestWeight ?? 0).toPrecision(3);
    set({
      isPlaying: false,
      notice: {
        kind: 'error', code: 'diverged', params: { iteration, quantity, value, largest, lr },
        message: `Training diverged at iteration ${iteration}: ${quantity} became ${value} (the largest weight had grown to ${largest}), so the loss is not a number any more. Try a smaller learning rate than ${lr}.`,
      },
    });
  };
  /** Runs a cursor move; an engine error (it should not happen) becomes a notice, not a crash. */
  const update = (change: (t: Timeline) => Timeline) => {
    stopTraining();
    try {
      const next = change(get().timeline);
      set({ timeline: next });
      const s = currentSession(next);
      if (s.loss !== null && !Number.isFinite(s.loss) && next.cursor === next.frontier) reportDivergence(next);
    } catch (e) {
      set({ isPlaying: false, notice: { kind: 'error', message: errorText(e) } });
    }
  };
  /**
   * Trains `iterations` whole iterations from the frontier as a job on the backend; when it
   * finishes, moves the cursor to `destination` if one is given.
   */
  const startJob = (iterations: number, destination: Destination | null) => {
    stopTraining();
    const { timeline: ready, start } = beginTraining(get().timeline);
    const jobId = nextJobId();
    set({ timeline: ready, isPlaying: false, training: { jobId, target: iterations, done: 0, from: currentSession(ready), destination, elapsedMs: 0 } });
    const job = {
      id: jobId, setup: ready.setup, test: ready.test, start, iterations, keyframeInterval: KEYFRAME_INTERVAL,
      // The studio holds still while preparing: a few reports a second are enough for the progress bar.
      reportEveryMs: destination ? PREPARE_REPORT_MS : undefined,
    };
    stopJob = backend.start(
      job,
      (progress) => {
        const training = get().training;
        if (training?.jobId !== progress.jobId) return;
        set({
          timeline: applyProgress(get().timeline, progress),
          training: { ...training, done: training.done + progress.rows, elapsedMs: progress.elapsedMs ?? training.elapsedMs },
        });
      },
      (doneId, outcome) => {
        if (get().training?.jobId !== doneId) return;
        stopJob = null;
        set({ training: null });
        if (outcome === 'diverged') reportDivergence(get().timeline);
        else if (outcome === 'finished' && destination) update((t) => moveTo(t, destination.iteration, destination.phase));
      },
    );
  };

  return {
    timeline,
    training: null,
    pendingSeek: null,
    stepForward: () => update(stepForward),
    stepBack: () => update(stepBack),
    seek: (iteration, phase) => {
      const frontierIteration = fromPosition(get().timeline.frontier).iteration;
      if (!Number.isInteger(iteration) || iteration < 0 || iteration > frontierIteration + MAX_ITERATIONS_PER_ACTION) {
        set({ notice: { kind: 'error', message: `iteration must be an integer from 0 to ${MAX_ITERATIONS_PER_ACTION} past the latest (got ${iteration})` } });
        return;
      }
      if (iteration <= frontierIteration) {
        update((t) => moveTo(t, iteration, phase));
        return;
      }
      const iterations = iteration - frontierIteration;
      const { setup, test } = get().timeline;
      const work = trainingWork(setup, test, iterations);
      if (work > workBudget) {
        stopTraining();
        set({ isPlaying: false, pendingSeek: { iteration, phase, iterations, estimateSeconds: estimateTrainingSeconds(work) } });
        return;
      }
      startJob(iterations, { iteration, phase });
    },
    confirmSeek: () => {
      const pending = get().pendingSeek;
      if (!pending) return;
      set({ pendingSeek: null });
      // The frontier may have moved since (it does not while a seek waits, but a test may step).
      const frontierIteration = fromPosition(get().timeline.frontier).iteration;
      if (pending.iteration <= frontierIteration) update((t) => moveTo(t, pending.iteration, pending.phase));
      else startJob(pending.iteration - frontierIteration, { iteration: pending.iteration, phase: pending.phase });
    },
    dismissSeek: () => set({ pendingSeek: null }),
    reset: () => {
      stopTraining();
      set({ timeline: timelineFor(get().built), isPlaying: false, notice: null });
    },
    train: (iterations) => {
      if (!Number.isInteger(iterations) || iterations < 1 || iterations > MAX_ITERATIONS_PER_ACTION) {
        set({ notice: { kind: 'error', message: `iterations must be an integer from 1 to ${MAX_ITERATIONS_PER_ACTION} (got ${iterations})` } });
        return;
      }
      startJob(iterations, null);
    },
    stopTraining,
  };
}
