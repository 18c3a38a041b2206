/**
 * The field worker: draws the data view's numbers while fast training runs (see ./field), so
 * the main thread only turns them into pixels. Replies transfer their arrays.
 */
import { createFieldService, transferables, type FieldReply, type FieldRequest } from './field';

const scope = self as unknown as {
  postMessage(m: FieldReply, transfer: Transferable[]): void;
  onmessage: ((e: MessageEvent<FieldRequest>) => void) | null;
};
const service = createFieldService((reply) => scope.postMessage(reply, transferables(reply)));

scope.onmessage = (e) => service.receive(e.data);
