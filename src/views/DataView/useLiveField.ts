/**
 * The data view while fast training runs. Why not just follow the cursor: reports arrive ~20
 * times a second, and a forward pass over the grid (80² points × up to 32 hidden neurons) and
 * both splits on the main thread for each would cost the page its frames. Instead this hook
 * watches the store without re-rendering and passes the parameters of each new session to the
 * field worker, which draws the newest at most every TRAINING_REFRESH_MS on its own clock (and
 * the hidden neurons' thumbnails at most every TRAINING_UNITS_MS). Each reply becomes pixels, a
 * contour and metrics here (~1 ms) and is shown with the session it belongs to, so the label,
 * the metrics and the picture agree.
 */
import { useEffect, useRef, useState } from 'react';
import type { NetworkConfig, Session } from '../../engine/index';
import type { Dataset } from '../../data/datasets';
import { selectSession, useAppStore, useStoreApi, type AppState } from '../../store/index';
import type { Grid } from '../../viz/boundary';
import type { FieldOptions, FieldPicture } from '../../viz/field';
import type { FieldColumns } from '../../worker/field';
import { createFieldClient, type FieldClient } from '../../worker/fieldClient';
import { planeOf, shownParams, type Field, type Metrics } from './field';

/** Milliseconds between two pictures of the plane while fast training runs (~12 a second). */
export const TRAINING_REFRESH_MS = 80;
/** Milliseconds between two redraws of the hidden neurons' thumbnails while fast training runs. */
export const TRAINING_UNITS_MS = 250;

/**
 * The session a training job started from: it identifies the job. None while a job prepares a
 * linked iteration: the studio holds still then (its numbers are not the ones asked for), and
 * a slow device spends the main thread on nothing but the progress bar.
 */
const selectTrainingFrom = (s: AppState): Session | null => (s.training?.destination ? null : s.training?.from ?? null);

export interface LiveField {
  /** The session whose parameters the field and metrics show. */
  readonly session: Session;
  readonly field: Field;
  readonly metrics: Metrics;
}

interface Shown extends LiveField {
  readonly job: Session;
}

type Units = Pick<FieldPicture, 'units' | 'unitSide' | 'unitExtent'>;

/** While a training job runs: the latest picture the worker has drawn for it, or null (none yet, or not training). */
export function useLiveField(
  network: NetworkConfig, dataset: Dataset, grid: Grid, columns: FieldColumns, options: FieldOptions,
): LiveField | null {
  const store = useStoreApi();
  const job = useAppStore(selectTrainingFrom);
  const [shown, setShown] = useState<Shown | null>(null);
  const clientRef = useRef<FieldClient | null>(null);
  const setups = useRef(0);

  useEffect(() => () => {
    clientRef.current?.close();
    clientRef.current = null;
  }, []);

  useEffect(() => {
    if (job === null) return;
    const client = (clientRef.current ??= createFieldClient());
    const setupId = ++setups.current;
    /** Sessions sent and not drawn yet, by request id (the worker skips all but the newest). */
    const sent = new Map<number, Session>();
    let nextId = 0;
    let seen: Session | null = null;
    let units: Units | null = null;
    let isOver = false;

    const stopListening = client.listen((reply) => {
      if (isOver || (reply.setupId !== setupId && reply.setupId !== -1)) return;
      if ('error' in reply) {
        // The worker failed (it should not): stop here; the view draws in this thread when training ends.
        isOver = true;
        return;
      }
      const session = sent.get(reply.id);
      for (const id of sent.keys()) if (id <= reply.id) sent.delete(id);
      if (!session) return;
      const { field, metrics } = planeOf(reply, network, dataset, grid, options, performance.now());
      // Without thumbnails this time, they stay as they were (the same arrays, so they are not redrawn).
      if (reply.units.rows > 0 || units === null) units = { units: field.units, unitSide: field.unitSide, unitExtent: field.unitExtent };
      setShown({ job, session, metrics, field: { ...field, ...units } });
    });
    client.send({
      type: 'setup', setupId, ...columns,
      intervalMs: TRAINING_REFRESH_MS, unitsMs: TRAINING_UNITS_MS,
    });
    const onChange = (state: AppState) => {
      const session = selectSession(state);
      if (session === seen || isOver) return;
      seen = session;
      const id = nextId++;
      sent.set(id, session);
      client.send({ type: 'params', setupId, id, params: shownParams(session) });
    };
    onChange(store.getState());
    const unsubscribe = store.subscribe(onChange);
    return () => {
      isOver = true;
      unsubscribe();
      stopListening();
    };
  }, [job, store, network, dataset, grid, columns, options]);

  return shown !== null && job !== null && shown.job === job ? shown : null;
}
