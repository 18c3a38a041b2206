/** Turns (panels mounting or catching up below the first screen) wait for a pause in the store's changes. */
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { BURST_GAP_MS, inTurn, noteStoreChange } from '../../src/store/scheduling';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
  vi.stubGlobal('requestIdleCallback', (callback: () => void) => setTimeout(callback, 1));
  vi.stubGlobal('requestAnimationFrame', (callback: () => void) => setTimeout(callback, 16));
  vi.stubGlobal('cancelAnimationFrame', (frame: ReturnType<typeof setTimeout>) => clearTimeout(frame));
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

it('starts a turn only once the store has been quiet for a burst gap, however the changes keep coming', () => {
  const ran: number[] = [];
  noteStoreChange(performance.now());
  inTurn((done) => {
    ran.push(performance.now());
    done();
  });
  // Steps 50 ms apart (a held key): no turn between them.
  for (let k = 0; k < 6; k++) {
    vi.advanceTimersByTime(50);
    expect(ran).toEqual([]);
    noteStoreChange(performance.now());
  }
  const lastChange = performance.now();
  vi.advanceTimersByTime(BURST_GAP_MS - 10);
  expect(ran).toEqual([]);
  vi.advanceTimersByTime(20);
  expect(ran).toHaveLength(1);
  expect(ran[0] - lastChange).toBeGreaterThanOrEqual(BURST_GAP_MS);
  vi.advanceTimersByTime(50); // the queue notes, after the next paint, that it is empty
});

it('starts a turn at once when the store has been quiet', () => {
  const ran: number[] = [];
  noteStoreChange(performance.now() - 10_000);
  inTurn((done) => {
    ran.push(performance.now());
    done();
  });
  vi.advanceTimersByTime(5);
  expect(ran).toHaveLength(1);
});
