/** Messages between the app and the training worker (structured-cloned: matrices are plain objects). */
import type { TrainingJob, TrainingOutcome, TrainingProgress } from '../store/training';

export type WorkerRequest = { type: 'train'; job: TrainingJob } | { type: 'stop'; jobId: number };

export type WorkerReply =
  | { type: 'progress'; progress: TrainingProgress }
  | { type: 'done'; jobId: number; outcome: TrainingOutcome }
  | { type: 'error'; jobId: number; message: string };
