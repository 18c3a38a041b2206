import { describe, expect, it } from 'vitest';
import { createPlaybackClock, type ClockEnv } from '../../src/playback/clock';
import { createAppStore, selectCursor } from '../../src/store/index';

/** A fake clock: frames run only when the test advances time, one frame per `frameMs`. */
function fakeEnv() {
  let time = 0;
  let nextHandle = 1;
  const pending = new Map<number, () => void>();
  let framesRun = 0;
  const env: ClockEnv = {
    now: () => time,
    requestFrame: (cb) => {
      const h = nextHandle++;
      pending.set(h, cb);
      return h;
    },
    cancelFrame: (h) => {
      pending.delete(h);
    },
  };
  /** Runs frames every frameMs until `ms` have passed; returns the most callbacks any frame ran. */
  const advance = (ms: number, frameMs = 1000 / 60) => {
    const frames = Math.round(ms / frameMs);
    for (let f = 0; f < frames; f++) {
      time += frameMs;
      const callbacks = [...pending.values()];
      pending.clear();
      for (const cb of callbacks) cb();
      framesRun++;
    }
  };
  return { env, advance, pending, frames: () => framesRun };
}

/** Counts stepForward calls by wrapping the store's action. */
function countingStore() {
  const store = createAppStore();
  let steps = 0;
  const original = store.getState().stepForward;
  store.setState({ stepForward: () => { steps++; original(); } });
  return { store, steps: () => steps };
}

describe('createPlaybackClock', () => {
  it('does nothing until play', () => {
    const { store, steps } = countingStore();
    const fake = fakeEnv();
    createPlaybackClock(store, fake.env);
    fake.advance(2000);
    expect(steps()).toBe(0);
    expect(fake.pending.size).toBe(0);
  });

  it('at speed 2, exactly 2 steps in 1.0 s of frames, then 2 more in the next second', () => {
    const { store, steps } = countingStore();
    const fake = fakeEnv();
    createPlaybackClock(store, fake.env);
    store.getState().setSpeed(2);
    store.getState().play();
    fake.advance(1000);
    expect(steps()).toBe(2);
    expect(selectCursor(store.getState())).toBe(2);
    fake.advance(1000);
    expect(steps()).toBe(4);
  });

  it('pause stops stepping and cancels the pending frame', () => {
    const { store, steps } = countingStore();
    const fake = fakeEnv();
    createPlaybackClock(store, fake.env);
    store.getState().play();
    fake.advance(1000);
    store.getState().pause();
    expect(fake.pending.size).toBe(0);
    fake.advance(3000);
    expect(steps()).toBe(2);
  });

  it('a speed change takes effect while playing', () => {
    const { store, steps } = countingStore();
    const fake = fakeEnv();
    createPlaybackClock(store, fake.env);
    store.getState().setSpeed(1);
    store.getState().play();
    fake.advance(1000);
    expect(steps()).toBe(1);
    store.getState().setSpeed(8);
    fake.advance(1000);
    expect(steps()).toBe(9);
  });

  it('never steps more than once per frame, and drops the backlog of a late frame', () => {
    const { store, steps } = countingStore();
    const fake = fakeEnv();
    createPlaybackClock(store, fake.env);
    store.getState().setSpeed(60);
    store.getState().play();
    fake.advance(1000, 100); // 10 frames, 100 ms apart: 60 steps would be due, 10 frames allow 10
    expect(steps()).toBe(10);
    fake.advance(1000 / 60 * 3); // back to normal frames: one step each, no burst
    expect(steps()).toBe(13);
  });

  it('pauses when a step posts an error notice', () => {
    const store = createAppStore();
    store.setState({ stepForward: () => store.setState({ notice: { kind: 'error', message: 'boom' } }) });
    const fake = fakeEnv();
    createPlaybackClock(store, fake.env);
    store.getState().play();
    fake.advance(1000);
    expect(store.getState().isPlaying).toBe(false);
    expect(fake.pending.size).toBe(0);
  });

  it('an old error notice does not stop a new play', () => {
    const { store, steps } = countingStore();
    store.setState({ notice: { kind: 'error', message: 'earlier' } });
    const fake = fakeEnv();
    createPlaybackClock(store, fake.env);
    store.getState().play();
    fake.advance(1000);
    expect(steps()).toBe(2);
    expect(store.getState().isPlaying).toBe(true);
  });

  it('destroy stops listening', () => {
    const { store, steps } = countingStore();
    const fake = fakeEnv();
    const clock = createPlaybackClock(store, fake.env);
    store.getState().play();
    clock.destroy();
    fake.advance(2000);
    expect(steps()).toBe(0);
    store.getState().pause();
    store.getState().play();
    fake.advance(2000);
    expect(steps()).toBe(0);
  });
});
