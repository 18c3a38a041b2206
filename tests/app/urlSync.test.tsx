// @vitest-environment jsdom
/** The address bar follows the store: written after a change settles, never while playing or training. */
import { act, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StoreProvider } from '../../src/app/StoreProvider';
import { useUrlSync } from '../../src/app/useUrlSync';
import { createAppStore, currentSession } from '../../src/store/index';
import { parseCsv } from '../../src/data/csv';

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

  it('writes nothing between presses a presenter makes four times a second, and the last phase once they stop', async () => {
    const store = createAppStore();
    render(<StoreProvider store={store}><Sync /></StoreProvider>);
    await settle();
    const replaceState = vi.spyOn(window.history, 'replaceState');
    replaceState.mockClear(); // an earlier test's spy on the same method keeps its calls
    for (let k = 0; k < 5; k++) {
      act(() => store.getState().stepForward());
      act(() => vi.advanceTimersByTime(250));
    }
    expect(replaceState).not.toHaveBeenCalled();
    await settle();
    expect(replaceState).toHaveBeenCalledTimes(1);
    expect(window.location.hash).toBe('#phase=update');
  });

  it('shows the link of a store opened elsewhere (stored work), and no stale link while a CSV file is in use', async () => {
    const store = createAppStore();
    act(() => store.getState().setConfig({ hiddenSize: 6 }));
    render(<StoreProvider store={store}><Sync /></StoreProvider>);
    await settle();
    expect(window.location.hash).toBe('#hidden=6');
    const file = parseCsv('a,b,y\n1,2,0\n3,4,1\n5,6,0\n');
    if (!file.ok) throw new Error('fixture CSV did not parse');
    act(() => void store.getState().loadCsv(file.dataset, 'mine.csv'));
    await settle();
    expect(window.location.hash).toBe('');
  });

  it('leaves a section anchor alone: clicking the header\'s "Setup" link opens nothing', async () => {
    const store = createAppStore();
    act(() => store.getState().setConfig({ hiddenSize: 6 }));
    act(() => store.getState().notify(null));
    render(<StoreProvider store={store}><Sync /></StoreProvider>);
    await settle();
    const config = store.getState().config;
    act(() => {
      window.location.hash = '#lab-setup';
      window.dispatchEvent(new HashChangeEvent('hashchange', { newURL: window.location.href }));
    });
    expect(store.getState().config).toBe(config);
    expect(store.getState().notice).toBeNull();
    act(() => {
      window.location.hash = '#hidden=3';
      window.dispatchEvent(new HashChangeEvent('hashchange', { newURL: window.location.href }));
    });
    expect(store.getState().config.hiddenSize).toBe(3);
  });

  it('opens a pasted link even when its own write of the last state lands before the hashchange event', async () => {
    const store = createAppStore();
    render(<StoreProvider store={store}><Sync /></StoreProvider>);
    await settle();
    act(() => store.getState().stepForward()); // the write of this state is due once steps stop
    const pasted = `${window.location.pathname}#phase=loss&lang=zh-CN`; // as the page writes it
    act(() => {
      window.history.pushState(null, '', pasted); // what a fragment navigation does to the address
      vi.advanceTimersByTime(1000); // the due write runs first: the address shows the last state again
      window.dispatchEvent(new HashChangeEvent('hashchange', { newURL: new URL(pasted, window.location.href).href }));
    });
    expect(store.getState().locale).toBe('zh-CN');
    expect(currentSession(store.getState().timeline).phase).toBe('loss');
    await settle();
    expect(window.location.hash).toBe('#phase=loss&lang=zh-CN');
  });
});
