/**
 * The training worker: runs fast-training jobs off the main thread with the same engine, so
 * the page keeps painting. It reports about twenty times a second and checks for a stop
 * message between slices.
 */
import { runJob, type TrainingJob } from '../store/training';
import type { WorkerReply, WorkerRequest } from './protocol';

/** Milliseconds of training per report (unless the job says otherwise): long enough to amortise a message, short enough to feel live. */
const SLICE_MS = 50;

const scope = self as unknown as { postMessage(m: WorkerReply): void; onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null };
const stopped = new Set<number>();

/**
 * Resolves after the messages already queued (a stop, another job's start) have been handled.
 * Why a MessageChannel and not setTimeout(0): browsers clamp nested timers to 4 ms, which would
 * leave the worker idle 4 ms after every 50 ms slice; a posted message runs as soon as the
 * queue ahead of it is empty, and after any stop that arrived during the slice.
 */
const channel = new MessageChannel();
const waiting: (() => void)[] = [];
channel.port1.onmessage = () => waiting.shift()?.();

function yieldToMessages(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(null);
  });
}

async function run(job: TrainingJob): Promise<void> {
  let rows = 100;
  const jobStart = performance.now();
  let sliceStart = jobStart;
  const gen = runJob(job, () => rows);
  try {
    let step = gen.next();
    while (!step.done) {
      const elapsed = performance.now() - sliceStart;
      // Aim each slice at SLICE_MS from the last one's speed (bounded so one slow slice can't stall).
      rows = Math.max(1, Math.min(rows * 4, Math.round((rows * (job.reportEveryMs ?? SLICE_MS)) / Math.max(elapsed, 1))));
      scope.postMessage({ type: 'progress', progress: { ...step.value, elapsedMs: performance.now() - jobStart } });
      await yieldToMessages();
      sliceStart = performance.now();
      step = gen.next(stopped.has(job.id));
    }
    scope.postMessage({ type: 'done', jobId: job.id, outcome: step.value });
  } catch (e) {
    scope.postMessage({ type: 'error', jobId: job.id, message: e instanceof Error ? e.message : String(e) });
  } finally {
    stopped.delete(job.id);
  }
}

scope.onmessage = (e) => {
  const request = e.data;
  if (request.type === 'train') void run(request.job);
  else stopped.add(request.jobId);
};
