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
 * Subscribes to the smallest slice of state a view needs; re-renders when it changes (Object.is).
 *
 * Under DeferUpdatesContext the view does not take part in the store's synchronous renders at
 * all: its subscription sets state inside startTransition, so React renders it after the urgent
 * frame, interruptibly, and every view under the same context sees the same store update (one
 * notification, one transition). Off that context it is zustand's useStore (useSyncExternalStore).
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
    // The updater form, because a selected value may itself be a function (an action).
    const catchUp = () => {
      const value = selector(store.getState());
      if (Object.is(value, last)) return;
      last = value;
      startTransition(() => setLater(() => value));
    };
    catchUp();
    return store.subscribe(catchUp);
  }, [store, selector, isDeferred]);
  if (!isDeferred) return urgent as T;
  return later === UNSET ? selector(store.getState()) : later;
}
