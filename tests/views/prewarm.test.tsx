// @vitest-environment jsdom
/** The equation panel typesets and parses the next phase's equations while the page is idle. */
import { act, configure } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { stepSession } from '../../src/engine/index';
import { selectSession } from '../../src/store/index';
import { EquationPanel } from '../../src/views/EquationPanel';
import { isPrepared } from '../../src/views/EquationPanel/patchHtml';
import { buildEquations, resolveFocus, sizesOf } from '../../src/viz/equations';
import { renderTex } from '../../src/viz/equationsKatex';
import { renderWithStore } from './render';

beforeAll(() => configure({ defaultHidden: true }));

const idle = () => act(() => new Promise((resolve) => setTimeout(resolve, 120)));

/** The HTML of every line the panel will show one step forward from the store's session. */
function nextLines(store: ReturnType<typeof renderWithStore>['store']) {
  const session = selectSession(store.getState());
  const focus = resolveFocus(sizesOf(session), { sample: 0, neuron: null, edge: null });
  return buildEquations(stepSession(session), focus).flatMap((section) => section.lines.map((line) => renderTex(line.tex)));
}

describe('EquationPanel prewarming', () => {
  it('has the next phase parsed before the step, and uses it up on the step', async () => {
    const { store, findByRole } = renderWithStore(<EquationPanel />);
    await findByRole('heading', { name: /Equations/ });
    await idle();
    const next = nextLines(store);
    expect(next.length).toBeGreaterThan(2);
    expect(next.every(isPrepared)).toBe(true);

    act(() => store.getState().stepForward());
    expect(next.some(isPrepared)).toBe(false);
    await idle();
    expect(nextLines(store).every(isPrepared)).toBe(true);
  });

  it('prepares nothing while playing', async () => {
    const { store, findByRole } = renderWithStore(<EquationPanel />);
    await findByRole('heading', { name: /Equations/ });
    act(() => {
      store.getState().play();
      // Phases the test above never prepared: the preparations are kept per HTML, not per store.
      for (let k = 0; k < 3; k++) store.getState().stepForward();
    });
    await idle();
    const next = nextLines(store);
    act(() => store.getState().pause());
    expect(next.some(isPrepared)).toBe(false);
  });
});
