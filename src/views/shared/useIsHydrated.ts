import { useSyncExternalStore } from 'react';

const subscribeNothing = () => () => {};

/**
 * False in the build's prerender and while React hydrates it, true from then on (React renders
 * once more right after hydrating); true at once on a page rendered in the browser from scratch.
 */
export function useIsHydrated(): boolean {
  return useSyncExternalStore(subscribeNothing, () => true, () => false);
}

/**
 * Whether React is hydrating the prerendered page right now: from main.tsx's hydrateRoot to the
 * hydrating commit's last layout effect (useFirstPaintEnds, Root.tsx). Not state: read in layout effects, so that work
 * the hydrating commit would do synchronously (a re-render for a measured size) goes in a
 * transition, in slices, instead of lengthening the longest task of a first load.
 */
let hydrating = false;
export const isHydrating = (): boolean => hydrating;
export function beginHydration(): void {
  hydrating = true;
}
export function endHydration(): void {
  hydrating = false;
}
