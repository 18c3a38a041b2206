/**
 * The data view's numbers while fast training runs, computed off the main thread: the network
 * over the grid, over the thumbnails' columns and over each data split, with the engine's
 * forward pass into buffers kept between pictures, so each number equals `forward`'s bit for
 * bit (forwardInto). Pure of worker globals, so it runs and is tested in Node too.
 *
 * The view sends a setup (the columns) once, then the parameters of every session training
 * reaches; the service keeps only the newest and draws at most one picture per intervalMs, on
 * its own clock. Why pace here and not in the view: a busy main thread would delay the view's
 * timer and then each reply, but never this thread, so pictures keep their rate.
 */
import { forwardBuffers, forwardInto, matrix, maxAbs, type ForwardBuffers, type Matrix, type NetworkConfig, type Params } from '../engine/index';

/** The columns a field is drawn over (the data view computes in-thread from these too). */
export interface FieldColumns {
  readonly config: NetworkConfig;
  /** The grid's inputs (2 × n²) and the thumbnails' columns of it (2 × side²). */
  readonly X: Matrix;
  readonly thumbX: Matrix;
  /** Hidden neurons in the thumbnails: rows 0 … units − 1 of A1. */
  readonly units: number;
  /** Inputs of the data splits (train, test) whose outputs the view's metrics need. */
  readonly splits: readonly Matrix[];
}

/** The columns every picture of one training job is drawn over, and how often to draw. */
export interface FieldSetup extends FieldColumns {
  readonly type: 'setup';
  readonly setupId: number;
  /** At most one picture per this many milliseconds, and the thumbnails at most once per unitsMs. */
  readonly intervalMs: number;
  readonly unitsMs: number;
}

/** The parameters of one session to draw (a newer one replaces it if it has not been drawn yet). */
export interface FieldParams {
  readonly type: 'params';
  readonly setupId: number;
  readonly id: number;
  readonly params: Params;
}

export type FieldRequest = FieldSetup | FieldParams;

/**
 * One picture's numbers (viz/field FieldValues): A2 over X (outputSize × n²), rows 0 … units − 1 of A1
 * over thumbX (units × side², or 0 rows when the thumbnails are not due), max |A1| over X
 * (as maxAbs), and A2 over each split (outputSize × m).
 */
export interface FieldNumbers {
  readonly output: Float64Array;
  readonly units: Matrix;
  readonly unitExtent: number;
  readonly splits: readonly Matrix[];
}

export interface FieldValuesReply extends FieldNumbers {
  readonly setupId: number;
  /** The FieldParams id it was drawn for. */
  readonly id: number;
}

export type FieldReply = FieldValuesReply | { readonly setupId: number; readonly id: number; readonly error: string };

/** The arrays of a reply, to transfer rather than copy. */
export function transferables(reply: FieldReply): ArrayBuffer[] {
  if ('error' in reply) return [];
  return [reply.output, reply.units.data, ...reply.splits.map((m) => m.data)].map((a) => a.buffer as ArrayBuffer);
}

/**
 * Evaluates one set of params over a field's columns, into buffers reused while the network and
 * widths stay the same (so nothing large is allocated per picture). The data view's one way to
 * its numbers, in the field worker while training and in-thread otherwise.
 */
export function createFieldEvaluator(): (columns: FieldColumns, params: Params, withUnits: boolean) => FieldNumbers {
  const slots: (ForwardBuffers | null)[] = [];
  const buffersAt = (k: number, config: NetworkConfig, m: number): ForwardBuffers => {
    const b = slots[k];
    const fits = b && b.m === m && b.config.inputSize === config.inputSize && b.config.hiddenSize === config.hiddenSize &&
      b.config.outputSize === config.outputSize;
    return fits ? b : (slots[k] = forwardBuffers(config, m));
  };

  return (columns, params, withUnits) => {
    const { config, X, thumbX, splits } = columns;
    const { A1, A2 } = forwardInto(config, params, X, buffersAt(0, config, X.cols));
    const count = withUnits ? Math.min(columns.units, config.hiddenSize) : 0;
    const S = thumbX.cols;
    const hidden = count > 0 ? forwardInto(config, params, thumbX, buffersAt(1, config, S)).A1.data.slice(0, count * S) : new Float64Array(0);
    const outputs = splits.map((Xs, k) => {
      const out = forwardInto(config, params, Xs, buffersAt(2 + k, config, Xs.cols)).A2;
      return matrix(out.rows, out.cols, out.data.slice());
    });
    return { output: A2.data.slice(0, config.outputSize * X.cols), units: matrix(count, S, hidden), unitExtent: maxAbs(A1.data), splits: outputs };
  };
}

/** What runs the requests: `receive` takes each one; replies go to `post`. Timers are the platform's. */
export function createFieldService(post: (reply: FieldReply) => void): { receive(request: FieldRequest): void } {
  const evaluate = createFieldEvaluator();
  let setup: FieldSetup | null = null;
  let pending: FieldParams | null = null;
  let drawnAt = -Infinity;
  let unitsAt = -Infinity;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const draw = () => {
    timer = undefined;
    const request = pending;
    pending = null;
    if (!setup || !request || request.setupId !== setup.setupId) return;
    drawnAt = performance.now();
    const withUnits = drawnAt - unitsAt >= setup.unitsMs;
    try {
      post({ setupId: request.setupId, id: request.id, ...evaluate(setup, request.params, withUnits) });
      if (withUnits) unitsAt = drawnAt;
    } catch (e) {
      post({ setupId: request.setupId, id: request.id, error: e instanceof Error ? e.message : String(e) });
    }
  };

  return {
    receive(request) {
      if (request.type === 'setup') {
        setup = request;
        pending = null;
        drawnAt = -Infinity;
        unitsAt = -Infinity;
        clearTimeout(timer);
        timer = undefined;
        return;
      }
      pending = request;
      if (timer !== undefined || !setup) return;
      timer = setTimeout(draw, Math.max(0, drawnAt + setup.intervalMs - performance.now()));
    },
  };
}
