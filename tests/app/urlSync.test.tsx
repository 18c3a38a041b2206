// @vitest-environment jsdom
/** The address bar follows the store: written after a change settles, never while playing or training. */
import { act, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StoreProvider } from '../../src/app/StoreProvider';
import { useUrlSync } from '../../src/app/useUrlSync';
import { createAppStore } from '../../src/store/index';

function Sync() {
  useUrlSync();
  return null;
}

const settle = () => act(() => vi.advanceTimersByTime(1000));

describe('useUrlSync', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    window.history.replaceState(null, '', '/');
  });
  afterEach(() => vi.useRealTimers());

  it('writes the phase reached by a step, and nothing while playing until play stops', async () => {
    const store = createAppStore();
    render(<StoreProvider store={store}><Sync /></StoreProvider>);
    act(() => store.getState().stepForward());
    await settle();
    expect(window.location.hash).toContain('phase=forward-output');

    const replaceState = vi.spyOn(window.history, 'replaceState');
    act(() => {
      store.getState().play();
      store.getState().stepForward();
      store.getState().stepForward();
    });
    await settle();
    expect(replaceState).not.toHaveBeenCalled();
    expect(window.location.hash).toContain('phase=forward-output');

    act(() => store.getState().pause());
    await settle();
    expect(replaceState).toHaveBeenCalledTimes(1);
    expect(window.location.hash).toContain('phase=backward-output');
  });
});
