/**
 * When deferred work runs, relative to the browser's frames: after the next paint, or in turns
 * one after another; and how long it takes on this device, which decides how far apart changes
 * must be for it to run between them. Module-level like the browser's own frame and idle queues
 * it wraps.
 */

/**
 * Runs `callback` in a task after the browser has rendered the next frame; returns a cancel.
 * Why a frame callback, then a task: frame callbacks run just before the frame is rendered and a
 * task queued from one runs after it, while a task queued now could run first and delay the frame.
 */
export function afterNextPaint(callback: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(callback, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}

/**
 * Store changes closer together than this are a burst (a held key, fast play): deferred views
 * then catch up less often, as each catch-up is a frame's worth of work that a key press
 * arriving during it waits for, and nobody reads the panels between such presses anyway.
 * Slower changes (a presenter's steps, quick taps) each catch up right after their frame.
 * On a device where a catch-up takes longer (catchUpCost), the gap is longer: see catchUpTiming.
 */
export const BURST_GAP_MS = 80;
/** In a burst that never pauses (playing fast), deferred views still catch up this often. */
export const DEFERRED_MAX_LAG_MS = 250;
/**
 * The burst gap and the longest lag on a device where the deferred views take `costMs` to catch
 * up. Why they grow with it: on a CPU 4× slower than a laptop's, a catch-up takes ~300 ms, and
 * a presenter stepping four times a second would find every press waiting for the last one's;
 * there, changes 250 ms apart are a burst, and the panels catch up when it ends.
 */
export function catchUpTiming(costMs: number): { readonly burstGapMs: number; readonly maxLagMs: number } {
  return { burstGapMs: Math.max(BURST_GAP_MS, 1.5 * costMs), maxLagMs: Math.max(DEFERRED_MAX_LAG_MS, 8 * costMs) };
}

/**
 * How long the deferred panels take here to catch up with a change, from the catch-up's start to
 * the frame that shows it: a running average, 0 until the first is measured. About 50 ms on a
 * laptop, 300 ms and more on a CPU 4× slower. Deferred views plan their catch-ups by it (catchUpPlan):
 * a change that comes sooner than a catch-up takes would otherwise wait for one.
 */
let catchUpCostMs = 0;
/** When the last measured catch-up ended: a measure that started before it is of that same catch-up. */
let lastCatchUpEndedAt = -Infinity;
/** A longer measure is not the device's speed but a paint that waited (a background tab has none): left out. */
const MAX_CATCH_UP_MEASURE_MS = 1000;

/**
 * A catch-up of the deferred views ran from `startedAt` to `endedAt` (painted). Every deferred
 * panel reports the one transition they share: the first report counts, the others (which
 * started before it ended) are the same catch-up.
 */
export function noteCatchUpCost(startedAt: number, endedAt: number): void {
  const ms = endedAt - startedAt;
  if (startedAt < lastCatchUpEndedAt || !(ms >= 0) || ms > MAX_CATCH_UP_MEASURE_MS) return;
  lastCatchUpEndedAt = endedAt;
  catchUpCostMs = catchUpCostMs === 0 ? ms : 0.7 * catchUpCostMs + 0.3 * ms;
}

export const catchUpCost = (): number => catchUpCostMs;

/** When the studio's state last changed (a step, a frame of play): StoreProvider reports each change. */
let storeChangedAt = -Infinity;

export function noteStoreChange(now: number): void {
  storeChangedAt = now;
}

/** How long until the store has been quiet for a burst gap: turns start no sooner (see scheduleTurn). */
const untilQuietMs = () => storeChangedAt + catchUpTiming(catchUpCostMs).burstGapMs - performance.now();

/**
 * Paused views catch up in turns: one panel per turn, and the next turn only once the last one's
 * render is committed and painted, and the browser is idle again. Why: together the panels out
 * of view are one long commit and frame (~140 ms on a 4× slower CPU), and a presenter's press
 * after a pause of a second waits for all of it; one panel at a time, for one panel's.
 */
type Turn = (done: () => void) => void;
const pausedTurns: Turn[] = [];
let isTurnScheduled = false;
/** A turn whose render never reports (nothing changed, so nothing committed) ends after this long. */
const TURN_TIMEOUT_MS = 500;

/** Queues `run` for its turn; it calls `done` once its render is committed. Returns a cancel (which also ends a running turn). */
export function inTurn(run: Turn): () => void {
  let finish: (() => void) | null = null;
  const turn: Turn = (done) => {
    finish = done;
    run(done);
  };
  pausedTurns.push(turn);
  if (!isTurnScheduled) scheduleTurn();
  return () => {
    const k = pausedTurns.indexOf(turn);
    if (k >= 0) pausedTurns.splice(k, 1);
    finish?.();
  };
}

/**
 * Resolves at the caller's turn among the paused catch-ups (inTurn), with the `done` to call once
 * what it renders is committed. For the panels below the first screen: each mounts in a turn of
 * its own instead of all in one commit right after the page loads.
 */
export function nextTurn(): Promise<() => void> {
  return new Promise((resolve) => {
    inTurn(resolve);
  });
}

/**
 * Starts the next turn once the store is quiet and the browser idle. Why quiet too: a turn (a
 * panel mounting, or catching up) is a long task on a slow CPU, and a presenter's next step, due
 * within a burst gap, would wait for it; idle alone is any gap between two frames.
 */
function scheduleTurn(): void {
  isTurnScheduled = pausedTurns.length > 0;
  if (!isTurnScheduled) return;
  const whenQuiet = () => {
    const wait = untilQuietMs();
    if (wait > 0) setTimeout(whenQuiet, wait);
    else if (typeof requestIdleCallback === 'function') requestIdleCallback(turn, { timeout: TURN_TIMEOUT_MS });
    else setTimeout(turn, 50);
  };
  const turn = () => {
    if (untilQuietMs() > 0) return whenQuiet();
    const run = pausedTurns.shift();
    if (!run) return scheduleTurn();
    let isDone = false;
    const done = () => {
      if (isDone) return;
      isDone = true;
      clearTimeout(timeout);
      afterNextPaint(scheduleTurn);
    };
    const timeout = setTimeout(done, TURN_TIMEOUT_MS);
    run(done);
  };
  whenQuiet();
}
