import { useEffect, useState, type ReactNode } from 'react';
import { StoreContext, createAppStore, noteStoreChange, type AppInit, type AppStore } from '../store/index';

/** Creates one store per mount (never a module singleton) and provides it to the views below. */
export function StoreProvider({ init, store, children }: { init?: AppInit; store?: AppStore; children: ReactNode }) {
  const [value] = useState(() => store ?? createAppStore(init));
  // The page's deferred work (mounting and catching up in turns) waits for the store to be quiet.
  useEffect(() => value.subscribe(() => noteStoreChange(performance.now())), [value]);
  return <StoreContext.Provider value={value}>{children}</StoreContext.Provider>;
}
