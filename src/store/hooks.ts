/** React bindings for the store: the context and useAppStore(selector). The only store file that imports React. */
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { AppState, AppStore } from './store';

export const StoreContext = createContext<AppStore | null>(null);

/** The store of the nearest <StoreProvider>. Throws outside one. */
export function useStoreApi(): AppStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useAppStore must be used inside <StoreProvider>');
  return store;
}

/** Subscribes to the smallest slice of state a view needs; re-renders when it changes (Object.is). */
export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(useStoreApi(), selector);
}
