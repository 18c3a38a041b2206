/**
 * The playback clock: the only code that knows wall-clock time (STYLE.md §7). While the store
 * says `isPlaying`, it calls `stepForward()` once every 1/speed seconds, driven by animation
 * frames, never more than once per frame. It stops by pausing the store when a step posts a
 * new error notice.
 */
import type { AppStore } from '../store/index';

/** Where time and frames come from; tests pass a fake clock. */
export interface ClockEnv {
  /** Milliseconds, monotonic. */
  now(): number;
  requestFrame(callback: () => void): number;
  cancelFrame(handle: number): void;
}

export interface ClockHandle {
  /** Stops listening to the store and cancels any pending frame. */
  destroy(): void;
}

/** Tolerates rounding when frame times add up to exactly one period (e.g. 30 × 16.67 ms = 500 ms). */
const EPSILON_MS = 1e-6;

const browserEnv = (): ClockEnv => ({
  now: () => performance.now(),
  requestFrame: (callback) => requestAnimationFrame(() => callback()),
  cancelFrame: (handle) => cancelAnimationFrame(handle),
});

/**
 * Starts a clock for `store`. The first step comes one period after Play, so "speed 2" means
 * exactly two steps in the first second. Time that piles up while frames are late (a
 * background tab) is dropped, not replayed as a burst.
 */
export function createPlaybackClock(store: AppStore, env: ClockEnv = browserEnv()): ClockHandle {
  let frame: number | null = null;
  let last = 0;
  let elapsed = 0;

  const tick = () => {
    frame = null;
    const state = store.getState();
    if (!state.isPlaying) return;
    const now = env.now();
    elapsed += now - last;
    last = now;
    const period = 1000 / state.speed;
    if (elapsed + EPSILON_MS >= period) {
      elapsed -= period;
      if (elapsed + EPSILON_MS >= period) elapsed = 0;
      const noticeBefore = state.notice;
      state.stepForward();
      const after = store.getState();
      if (after.notice !== noticeBefore && after.notice?.kind === 'error') {
        if (after.isPlaying) after.pause();
        return;
      }
    }
    if (store.getState().isPlaying) frame = env.requestFrame(tick);
  };

  const start = () => {
    if (frame !== null) return;
    last = env.now();
    elapsed = 0;
    frame = env.requestFrame(tick);
  };
  const stop = () => {
    if (frame !== null) env.cancelFrame(frame);
    frame = null;
  };

  const unsubscribe = store.subscribe((state, prev) => {
    if (state.isPlaying && !prev.isPlaying) start();
    else if (!state.isPlaying && prev.isPlaying) stop();
  });
  if (store.getState().isPlaying) start();

  return {
    destroy() {
      unsubscribe();
      stop();
    },
  };
}
