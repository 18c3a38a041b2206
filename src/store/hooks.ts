/** React bindings for the store: the context and useAppStore(selector). The only store file that imports React. */
import { createContext, createElement, startTransition, useContext, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { afterNextPaint, catchUpCost, catchUpTiming, inTurn, noteCatchUpCost } from './scheduling';
import type { AppState, AppStore } from './store';

export const StoreContext = createContext<AppStore | null>(null);

/**
 * The state the views below render instead of the store's latest, or null for the latest.
 * Set by <DeferUpdates>; one snapshot for a whole subtree, so its views always agree.
 */
const DeferredStateContext = createContext<AppState | null>(null);

/** The store of the nearest <StoreProvider>. Throws outside one. */
export function useStoreApi(): AppStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useAppStore must be used inside <StoreProvider>');
  return store;
}

const nothing = () => undefined;

/**
 * Subscribes to the smallest slice of state a view needs; re-renders when it changes (Object.is).
 * Under <DeferUpdates when>, it reads that subtree's snapshot instead (and re-renders with it).
 */
export function useAppStore<T>(selector: (state: AppState) => T): T {
  const snapshot = useContext(DeferredStateContext);
  const latest = useStore(useStoreApi(), snapshot ? nothing : selector);
  return snapshot ? selector(snapshot) : (latest as T);
}

/**
 * The views below render `state` instead of the store's (a preview of another state, e.g. the
 * speaker view's next phase). Their actions still act on the store.
 */
export function ShowState({ state, children }: { state: AppState; children: ReactNode }) {
  return createElement(DeferredStateContext.Provider, { value: state }, children);
}

/** Like useAppStore, but the store's latest value even under <DeferUpdates> (for rarely changing state). */
export function useLatestAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(useStoreApi(), selector);
}

/**
 * `value` as it was at the last paint while `isLagging`: the new value is rendered, in a
 * transition, only after the frame that shows everything else. For a picture that fades from
 * its old state anyway (the diagram's marks), so the frame answering a key press carries less.
 * The latest value at once while not `isLagging`.
 */
export function useAfterPaint<T>(value: T, isLagging: boolean): T {
  const [shown, setShown] = useState(value);
  // Not lagging: keep up during render (React's "state from previous renders" pattern), so a lag starting later starts from now.
  if (!isLagging && !Object.is(shown, value)) setShown(value);
  useEffect(() => {
    if (!isLagging || Object.is(shown, value)) return;
    return afterNextPaint(() => startTransition(() => setShown(value)));
  }, [value, shown, isLagging]);
  return isLagging ? shown : value;
}

/**
 * Paused views (out of view) catch up once the store has been quiet this long: not between a
 * presenter's steps, where the work would delay the next one on a slow CPU, but soon enough
 * for a screen reader's or find-in-page's reading of the panels below.
 */
export const PAUSED_QUIET_MS = 1000;

/**
 * When deferred views catch up with a store change at `now`: right after the frame that shows
 * it, or, inside a burst, once the store has been quiet for the burst gap (the burst is over).
 * Why never on a timer of its own while changes keep coming: a catch-up right after a change's
 * frame has the whole gap to the next change; one on a timer lands wherever it falls, and at
 * some steady pace it lands on every next key press.
 */
export function catchUpPlan(now: number, previousChangeAt: number, caughtUpAt: number, costMs = 0): 'after-paint' | 'when-quiet' {
  const { burstGapMs, maxLagMs } = catchUpTiming(costMs);
  const isBurst = now - previousChangeAt < burstGapMs;
  return !isBurst || now - caughtUpAt >= maxLagMs ? 'after-paint' : 'when-quiet';
}

/**
 * While `when`, the views below take no part in the store's synchronous renders: they show a
 * snapshot of the state that catches up in a transition after the next frame is painted (in a
 * burst of changes, less often; see catchUpPlan), so React renders them after the
 * frame that shows the others, interruptibly. Every view below reads the same snapshot, so they
 * agree with each other in every render (a parent and a child never show two states).
 * While also `isPaused` (the panel is out of view), they render no change until the store has
 * been quiet for PAUSED_QUIET_MS and it is their turn (inTurn), or the pause ends.
 */
export function DeferUpdates({ when, isPaused = false, children }: { when: boolean; isPaused?: boolean; children: ReactNode }) {
  const store = useStoreApi();
  const [snapshot, setSnapshot] = useState<AppState | null>(null);
  // A paused catch-up's turn (inTurn) ends once its snapshot is committed.
  const endTurn = useRef<(() => void) | null>(null);
  // When the catch-up being rendered started (one in view), to measure how long it takes to show.
  const catchUpStartedAt = useRef<number | null>(null);
  useEffect(() => {
    const done = endTurn.current;
    endTurn.current = null;
    done?.();
  }, [snapshot]);
  useLayoutEffect(() => {
    const startedAt = catchUpStartedAt.current;
    catchUpStartedAt.current = null;
    if (startedAt !== null) return afterNextPaint(() => noteCatchUpCost(startedAt, performance.now()));
  }, [snapshot]);
  // Not deferring: drop the snapshot during render (React's "state from previous renders"
  // pattern), so the next deferral starts from the store as it is then, not from an old one.
  if (!when && snapshot !== null) setSnapshot(null);
  useEffect(() => {
    if (!when) return;
    // The catch-up due, if any: right after the next paint, or when a burst has ended.
    let pending: { readonly cancel: () => void; readonly isAfterPaint: boolean } | null = null;
    let caughtUpAt = -Infinity;
    let changedAt = -Infinity;
    const catchUp = () => {
      pending = null;
      caughtUpAt = performance.now();
      if (!isPaused) catchUpStartedAt.current ??= caughtUpAt;
      startTransition(() => setSnapshot(store.getState()));
    };
    catchUp(); // anything that changed between the render and this effect
    const unsubscribe = store.subscribe(() => {
      const now = performance.now();
      if (isPaused) {
        pending?.cancel();
        let cancelTurn = () => {};
        const timer = setTimeout(() => {
          cancelTurn = inTurn((done) => {
            endTurn.current = done;
            catchUp();
          });
        }, PAUSED_QUIET_MS);
        pending = { cancel: () => { clearTimeout(timer); cancelTurn(); }, isAfterPaint: false };
        return;
      }
      const cost = catchUpCost();
      const plan = catchUpPlan(now, changedAt, caughtUpAt, cost);
      changedAt = now;
      if (pending?.isAfterPaint) return; // due right after the next frame, with the latest state
      pending?.cancel();
      if (plan === 'after-paint') {
        pending = { cancel: afterNextPaint(catchUp), isAfterPaint: true };
      } else {
        const timer = setTimeout(catchUp, catchUpTiming(cost).burstGapMs);
        pending = { cancel: () => clearTimeout(timer), isAfterPaint: false };
      }
    });
    return () => {
      unsubscribe();
      pending?.cancel();
    };
  }, [store, when, isPaused]);
  // The first render of a deferral has no snapshot yet: the store now, for every view below alike.
  const value = when ? (snapshot ?? store.getState()) : null;
  return createElement(DeferredStateContext.Provider, { value }, children);
}
