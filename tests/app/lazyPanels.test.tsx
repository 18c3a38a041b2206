// @vitest-environment jsdom
/** The panels below the first screen: their chunks load together, but they mount one at a time. */
import { act, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browserOnly } from '../../src/app/lazyPanels';

describe('browserOnly panels', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('load together but mount in turns, each once the one before has painted', async () => {
    const idle: (() => void)[] = [];
    vi.stubGlobal('requestIdleCallback', (callback: () => void) => idle.push(callback));
    const loads: string[] = [];
    const panel = (name: string) => browserOnly(async () => {
      loads.push(name);
      return function Loaded() {
        return <p>{name} panel</p>;
      };
    });
    const [Matrices, Code, Data] = [panel('matrices'), panel('code'), panel('data')];
    render(<><Matrices /><Code /><Data /></>);
    await act(async () => {}); // the chunks' promises settle
    expect(loads).toEqual(['matrices', 'code', 'data']);
    const mounted = () => ['matrices', 'code', 'data'].filter((name) => screen.queryByText(`${name} panel`));
    expect(mounted()).toEqual([]);
    for (const name of ['matrices', 'code', 'data']) {
      await waitFor(() => expect(idle).toHaveLength(1));
      await act(async () => idle.shift()?.());
      await waitFor(() => expect(mounted().at(-1)).toBe(name));
    }
    expect(mounted()).toEqual(['matrices', 'code', 'data']);
  });

  it('a lesson view, opened by the reader, waits for no turn', async () => {
    vi.stubGlobal('requestIdleCallback', () => 0); // never idle
    const Player = browserOnly(async () => () => <p>lesson player</p>, null, false);
    render(<Player />);
    expect(await screen.findByText('lesson player')).toBeTruthy();
  });
});
