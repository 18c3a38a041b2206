/**
 * The data view's way to the field worker: send requests, listen to replies. Where workers are
 * unavailable (jsdom, Node) the same service runs in this thread on its timers, so callers see
 * one asynchronous contract either way.
 */
import { createFieldService, type FieldReply, type FieldRequest } from './field';

export interface FieldClient {
  send(request: FieldRequest): void;
  /** Calls `onReply` with every reply (and an error reply if the worker fails) until the returned function is called. */
  listen(onReply: (reply: FieldReply) => void): () => void;
  /** Ends the worker. */
  close(): void;
}

/** A client backed by a module worker when the platform has workers, else by the service in this thread. */
export function createFieldClient(): FieldClient {
  const listeners = new Set<(reply: FieldReply) => void>();
  const deliver = (reply: FieldReply) => listeners.forEach((l) => l(reply));
  const listen = (onReply: (reply: FieldReply) => void) => {
    listeners.add(onReply);
    return () => { listeners.delete(onReply); };
  };
  if (typeof Worker === 'undefined') {
    const service = createFieldService(deliver);
    let isClosed = false;
    return { send: (request) => { if (!isClosed) service.receive(request); }, listen, close: () => { isClosed = true; } };
  }
  const worker = new Worker(new URL('./field.worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (e: MessageEvent<FieldReply>) => deliver(e.data);
  worker.onerror = (e) => deliver({ setupId: -1, id: -1, error: `field worker: ${e.message}` });
  return { send: (request) => worker.postMessage(request), listen, close: () => worker.terminate() };
}
