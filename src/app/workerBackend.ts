/** Fast training in a Web Worker; falls back to this thread where workers are unavailable. */
import { inProcessBackend, type TrainingBackend } from '../store/training';
import type { WorkerReply, WorkerRequest } from '../worker/protocol';

/** A backend that runs every job in one long-lived worker. */
export function createWorkerBackend(): TrainingBackend {
  if (typeof Worker === 'undefined') return inProcessBackend;
  let worker: Worker | null = null;
  const listeners = new Map<number, (reply: WorkerReply) => void>();
  const getWorker = () => {
    if (!worker) {
      worker = new Worker(new URL('../worker/training.worker.ts', import.meta.url), { type: 'module' });
      worker.onmessage = (e: MessageEvent<WorkerReply>) => {
        const reply = e.data;
        const id = reply.type === 'progress' ? reply.progress.jobId : reply.jobId;
        listeners.get(id)?.(reply);
      };
    }
    return worker;
  };
  const send = (request: WorkerRequest) => getWorker().postMessage(request);

  return {
    start(job, onProgress, onDone) {
      listeners.set(job.id, (reply) => {
        if (reply.type === 'progress') return onProgress(reply.progress);
        listeners.delete(job.id);
        // A worker error is a bug, not a divergence; report it as a stop so the page keeps working.
        if (reply.type === 'error') console.error(`training worker: ${reply.message}`);
        onDone(job.id, reply.type === 'done' ? reply.outcome : 'stopped');
      });
      send({ type: 'train', job });
      return () => send({ type: 'stop', jobId: job.id });
    },
  };
}
