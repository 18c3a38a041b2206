/**
 * Fast training as a job: the store describes it (setup, start, iterations), a backend runs it
 * (a Web Worker in the browser, in-process in tests and as a fallback) and reports progress in
 * batches of whole chunks, each ending on a keyframe boundary or at divergence.
 */
import { createTrainer, type DataSplit, type IterationMetrics, type SessionSetup } from '../engine/index';
import type { Keyframe } from './timeline';

export interface TrainingJob {
  readonly id: number;
  readonly setup: SessionSetup;
  readonly test: DataSplit;
  readonly start: Keyframe;
  readonly iterations: number;
  /** Iterations between keyframes; chunks end on multiples of it. */
  readonly keyframeInterval: number;
  /**
   * Milliseconds of training between two reports, for a backend that times its slices (the
   * worker; default 50). Each report costs the main thread a new session at the frontier.
   */
  readonly reportEveryMs?: number;
}

/** What one progress report carries: consecutive iterations' metrics and where the trainer ended. */
export interface TrainingProgress {
  readonly jobId: number;
  /** Rows = iterations run in this report, from the previous report's end. */
  readonly metrics: IterationMetrics;
  readonly rows: number;
  /** Keyframes reached in this report (iterations that are multiples of the interval). */
  readonly keyframes: readonly Keyframe[];
  /** The trainer's position after this report. */
  readonly end: Keyframe;
  /** True when the last row's loss is not finite: training stopped there. */
  readonly hasDiverged: boolean;
  /** Milliseconds since the job started, when the backend measures it (the worker does). */
  readonly elapsedMs?: number;
}

export type TrainingOutcome = 'finished' | 'stopped' | 'diverged';

/**
 * The work of `iterations` iterations: parameters × the samples each touches (the batch, and the
 * test split every iteration's metrics evaluate). Proportional to the time, give or take the
 * overhead per iteration.
 */
export function trainingWork(setup: SessionSetup, test: DataSplit, iterations: number): number {
  const { inputSize: n, hiddenSize: h, outputSize: o } = setup.config;
  const parameters = h * n + h + o * h + o;
  const batch = setup.batchSize === null ? setup.data.X.cols : Math.min(setup.batchSize, setup.data.X.cols);
  return iterations * parameters * (batch + test.X.cols);
}

/**
 * Nanoseconds per unit of trainingWork, measured with the fast trainer on a 2-core x86 laptop-class
 * machine (5–6.5 ns for 2-4-1 on 300 samples up to 2-32-1 on 3,750): an estimate, not a promise.
 */
const NS_PER_WORK_UNIT = 6;

/** A rough estimate of the seconds `work` takes (see trainingWork). */
export function estimateTrainingSeconds(work: number): number {
  return (work * NS_PER_WORK_UNIT) / 1e9;
}

/** Runs training jobs; `start` returns a function that stops the job (its 'done' still arrives). */
export interface TrainingBackend {
  start(job: TrainingJob, onProgress: (p: TrainingProgress) => void, onDone: (jobId: number, outcome: TrainingOutcome) => void): () => void;
}

function newMetrics(rows: number): IterationMetrics {
  return { trainLoss: new Float64Array(rows), testLoss: new Float64Array(rows), trainAccuracy: new Float64Array(rows), testAccuracy: new Float64Array(rows) };
}

/**
 * Runs a job in slices, yielding one report per slice; `sliceRows()` says how many iterations
 * the next slice may run, and the value passed to next() says whether to stop. Shared by the
 * in-process backend and the worker, so both produce the same reports.
 */
export function* runJob(job: TrainingJob, sliceRows: () => number): Generator<TrainingProgress, TrainingOutcome, boolean | undefined> {
  const trainer = createTrainer(job.setup, job.start, { test: job.test });
  const K = job.keyframeInterval;
  let done = 0;
  while (done < job.iterations) {
    const rowsWanted = Math.min(job.iterations - done, Math.max(1, Math.floor(sliceRows())));
    const metrics = newMetrics(rowsWanted);
    const keyframes: Keyframe[] = [];
    let rows = 0;
    let hasDiverged = false;
    while (rows < rowsWanted && !hasDiverged) {
      const iteration = job.start.iteration + done + rows;
      const chunk = Math.min(rowsWanted - rows, K - (iteration % K));
      const ran = trainer.runRecorded(chunk, metrics, rows);
      rows += ran;
      hasDiverged = !Number.isFinite(metrics.trainLoss[rows - 1]);
      if (!hasDiverged && (iteration + ran) % K === 0) keyframes.push(trainer.snapshot());
    }
    done += rows;
    const shouldStop = yield { jobId: job.id, metrics, rows, keyframes, end: trainer.snapshot(), hasDiverged };
    if (hasDiverged) return 'diverged';
    if (shouldStop) return 'stopped';
  }
  return 'finished';
}

/** Runs every job to the end at once, in this thread: for tests, Node, and browsers without workers. */
export const inProcessBackend: TrainingBackend = {
  start(job, onProgress, onDone) {
    const run = runJob(job, () => 10_000);
    let step = run.next();
    while (!step.done) {
      onProgress(step.value);
      step = run.next(false);
    }
    onDone(job.id, step.value);
    return () => {};
  },
};
