import { useState, type ReactNode } from 'react';
import { StoreContext, createAppStore, type AppInit, type AppStore } from '../store/index';

/** Creates one store per mount (never a module singleton) and provides it to the views below. */
export function StoreProvider({ init, store, children }: { init?: AppInit; store?: AppStore; children: ReactNode }) {
  const [value] = useState(() => store ?? createAppStore(init));
  return <StoreContext.Provider value={value}>{children}</StoreContext.Provider>;
}
