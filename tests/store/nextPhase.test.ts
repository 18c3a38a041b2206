import { describe, expect, it } from 'vitest';
import { createAppStore, selectNextPhaseState, selectSession } from '../../src/store/index';

describe('selectNextPhaseState (the speaker view\'s preview of the next step)', () => {
  it('is the state one step on, computed aside: the store stays where it is', () => {
    const store = createAppStore({ iteration: 0, phase: 'update' });
    const before = store.getState();
    const preview = selectNextPhaseState(before);
    expect([selectSession(preview).iteration, selectSession(preview).phase]).toEqual([1, 'forward-hidden']);
    // What a real step shows, bit for bit.
    store.getState().stepForward();
    expect(selectSession(preview).params.W1.data).toEqual(selectSession(store.getState()).params.W1.data);
    store.getState().stepBack();
    expect(store.getState().timeline.cursor).toBe(before.timeline.cursor);
  });

  it('gives the same object for the same state, so a view can select it', () => {
    const s = createAppStore().getState();
    expect(selectNextPhaseState(s)).toBe(selectNextPhaseState(s));
    expect(selectSession(selectNextPhaseState(s)).phase).toBe('forward-output');
  });
});
