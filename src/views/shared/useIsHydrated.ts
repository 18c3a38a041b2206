import { startTransition, useEffect, useState } from 'react';

/**
 * How the page is being rendered: by the build (prerender.tsx), hydrating that prerender in the
 * browser (from main.tsx's hydratePage to the hydrating commit's last layout effect,
 * useFirstPaintEnds in Root.tsx), or in the browser as a client renders (from scratch, or anything
 * mounted after hydrating). Module-level, like the page it describes: one per page.
 */
type RenderPhase = 'server' | 'hydrating' | 'client';
let phase: RenderPhase = typeof document === 'undefined' ? 'server' : 'client';

export function beginHydration(): void {
  phase = 'hydrating';
}
export function endHydration(): void {
  if (phase === 'hydrating') phase = 'client';
}
/** Read in layout effects: work the hydrating commit would do synchronously can go in a transition instead. */
export const isHydrating = (): boolean => phase === 'hydrating';

/** Renders as on a server while `render` runs (the build's prerender, in Node or in a test's jsdom). */
export async function asOnServer<T>(render: () => Promise<T>): Promise<T> {
  const before = phase;
  phase = 'server';
  try {
    return await render();
  } finally {
    phase = before;
  }
}

/**
 * False in the build's prerender and while React hydrates it, true from then on; true at once on
 * a page rendered in the browser from scratch. The flip after hydrating is a transition, which
 * React renders in slices: as useSyncExternalStore's server snapshot it was a synchronous render,
 * in the same task as the hydrating commit's effects (the longest task of a first load).
 */
export function useIsHydrated(): boolean {
  const [isHydrated, setHydrated] = useState(() => phase === 'client');
  useEffect(() => {
    if (!isHydrated) startTransition(() => setHydrated(true));
  }, [isHydrated]);
  return isHydrated;
}

/**
 * Whether this component's first render was the build's prerender or its hydration: it started
 * with what the build drew. Stays as it was at the component's first render.
 */
export function useStartedFromPrerender(): boolean {
  return useState(() => phase !== 'client')[0];
}
