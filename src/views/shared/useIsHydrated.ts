import { useSyncExternalStore } from 'react';

const subscribeNothing = () => () => {};

/**
 * False in the build's prerender and while React hydrates it, true from then on (React renders
 * once more right after hydrating); true at once on a page rendered in the browser from scratch.
 */
export function useIsHydrated(): boolean {
  return useSyncExternalStore(subscribeNothing, () => true, () => false);
}
