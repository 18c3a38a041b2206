/** React bindings for the store: the context and useAppStore(selector). The only store file that imports React. */
import { createContext, startTransition, useContext, useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { AppState, AppStore } from './store';

export const StoreContext = createContext<AppStore | null>(null);

/**
 * True inside views that may show the store's state a moment late: their updates render as a
 * transition, after the frame that shows the urgent ones (the app sets it for panels scrolled
 * out of view, so a step paints what is on screen first). See useAppStore.
 */
export const DeferUpdatesContext = createContext(false);

/** The store of the nearest <StoreProvider>. Throws outside one. */
export function useStoreApi(): AppStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useAppStore must be used inside <StoreProvider>');
  return store;
}

const nothing = () => undefined;
/** No value yet: the deferred path has not read the store since it was last off. */
const UNSET: unique symbol = Symbol('unset');

/**
 * Deferred views catch up at most this often. Why: while playing, the store changes every frame;
 * views out of sight need not follow each change, and a transition per frame would keep the
 * main thread busy with pictures nobody sees. One step at a time still shows at once.
 */
export const DEFERRED_INTERVAL_MS = 100;

/**
 * Per store: the deferred views waiting to catch up, flushed together from one timer, so every
 * deferred view renders the same state in the same transition lane.
 */
interface Batch { readonly waiting: Set<() => void>; timer: ReturnType<typeof setTimeout> | null; flushedAt: number }
const batches = new WeakMap<AppStore, Batch>();

function scheduleCatchUp(store: AppStore, catchUp: () => void) {
  let batch = batches.get(store);
  if (!batch) batches.set(store, (batch = { waiting: new Set(), timer: null, flushedAt: -Infinity }));
  batch.waiting.add(catchUp);
  if (batch.timer !== null) return;
  const due = batch;
  due.timer = setTimeout(() => {
    due.timer = null;
    due.flushedAt = performance.now();
    const waiting = [...due.waiting];
    due.waiting.clear();
    // One startTransition per view (React warns about many updates in one); started in the
    // same task, they share one lane and render together.
    for (const run of waiting) startTransition(run);
  }, Math.max(0, due.flushedAt + DEFERRED_INTERVAL_MS - performance.now()));
}

/**
 * Subscribes to the smallest slice of state a view needs; re-renders when it changes (Object.is).
 *
 * Under DeferUpdatesContext the view does not take part in the store's synchronous renders at
 * all: a store change queues it to catch up in a transition, in a task of its own after the one
 * that changed the store (at most every DEFERRED_INTERVAL_MS), with every other deferred view
 * of the store, so React renders them after the urgent frame, interruptibly, in one state.
 * Off that context it is zustand's useStore (useSyncExternalStore).
 */
export function useAppStore<T>(selector: (state: AppState) => T): T {
  const store = useStoreApi();
  const isDeferred = useContext(DeferUpdatesContext);
  const urgent = useStore(store, isDeferred ? nothing : selector);
  const [later, setLater] = useState<T | typeof UNSET>(UNSET);
  useEffect(() => {
    // Off, `later` keeps its last value: when the view is deferred again, catchUp replaces it
    // within a frame, while the view is out of sight.
    if (!isDeferred) return;
    // UNSET first, so the first call also catches up with changes between render and this effect.
    let last: T | typeof UNSET = UNSET;
    let isSubscribed = true;
    const catchUp = () => {
      if (!isSubscribed) return;
      const value = selector(store.getState());
      if (Object.is(value, last)) return;
      last = value;
      // The updater form, because a selected value may itself be a function (an action).
      setLater(() => value);
    };
    scheduleCatchUp(store, catchUp);
    const unsubscribe = store.subscribe(() => scheduleCatchUp(store, catchUp));
    return () => {
      isSubscribed = false;
      unsubscribe();
    };
  }, [store, selector, isDeferred]);
  if (!isDeferred) return urgent as T;
  return later === UNSET ? selector(store.getState()) : later;
}
