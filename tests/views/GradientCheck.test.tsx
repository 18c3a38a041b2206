// @vitest-environment jsdom
import { beforeAll, describe, expect, it } from 'vitest';
import { act, configure, render, screen, waitFor, within } from '@testing-library/react';
import { EquationPanel } from '../../src/views/EquationPanel';
import { GradientCheckSection } from '../../src/views/EquationPanel/GradientCheck';
import { StoreProvider } from '../../src/app/StoreProvider';
import { backward, forward, fromRows, numericalGradient, relativeError, type ParamEntry, type Session } from '../../src/engine/index';
import { createAppStore, selectSession } from '../../src/store/index';
import tutorial from '../fixtures/tutorial.json';
import { renderWithStore } from './render';

// KaTeX renders thousands of spans; role queries skip the visibility check (see EquationPanel.test.tsx).
beforeAll(() => configure({ defaultHidden: true }));

/** The gradient check's three values, as shown and at full precision (title), once computed. */
async function shownCheck(heading: string | RegExp) {
  const section = await screen.findByRole('region', { name: heading });
  await waitFor(() => expect(section.getAttribute('aria-busy')).toBe('false'));
  const values = within(section).getAllByRole('definition');
  expect(values).toHaveLength(3);
  const [numerical, backprop, error] = values.map((dd) => ({ text: dd.textContent ?? '', full: Number(dd.getAttribute('title')) }));
  return { section, numerical, backprop, error };
}

/** The engine's own numbers for the store's session and weight, computed here from its inputs. */
function engineCheck(s: Session, entry: ParamEntry) {
  const { config } = s.setup;
  const { X, Y } = s.batch;
  const grads = backward(config, s.params, X, Y, forward(config, s.params, X));
  const grad = entry.param === 'W1' ? grads.dW1 : grads.dW2;
  const backprop = grad.data[entry.row * grad.cols + entry.col];
  const numerical = numericalGradient(config, s.params, X, Y, entry, 1e-5);
  return { backprop, numerical, relativeError: relativeError(numerical, backprop) };
}

describe('the gradient check in the equation panel', () => {
  it('backward-hidden at iteration 0: W1[0][0], the engine’s numbers, a relative error below 1e-7', async () => {
    const { store } = renderWithStore(<EquationPanel />, { phase: 'backward-hidden' });
    const { section, numerical, backprop, error } = await shownCheck('Gradient check for W1[0][0]');
    const expected = engineCheck(selectSession(store.getState()), { param: 'W1', row: 0, col: 0 });
    expect(numerical.full).toBe(expected.numerical);
    expect(backprop.full).toBe(expected.backprop);
    expect(error.full).toBe(expected.relativeError);
    // Shown to 10 digits: NumPy's dW1[0][0] is −3.27353233207646e-5.
    expect(backprop.text).toBe('−3.273532332e-5');
    expect(numerical.text).toMatch(/^−3\.27353\d{4}e-5$/);
    expect(Math.abs(backprop.full - tutorial.iteration0.dW1[0][0])).toBeLessThan(1e-12 * Math.abs(tutorial.iteration0.dW1[0][0]));
    expect(error.full).toBeLessThan(1e-7);
    expect(error.text).toMatch(/^\d\.\de-(8|9|1\d)$/);
    expect(within(section).getByText('Move W1[0][0] by ±ε = 1e-5 and compare the loss over the 300 samples of this batch: the numerical gradient is (L(w\u00a0+\u00a0ε)\u00a0−\u00a0L(w\u00a0−\u00a0ε))\u00a0/\u00a02ε.', { normalizer: (text) => text })).toBeTruthy();
    expect(within(section).getByText('Backpropagation: dW1[0][0]')).toBeTruthy();
    expect(within(section).getByText(/exactly, by the chain rule.*error of order ε²/)).toBeTruthy();
  });

  it('backward-output: W2[0][0] by default, and the focused weight when one of W2 is focused', async () => {
    const { store } = renderWithStore(<EquationPanel />, { phase: 'backward-output' });
    let shown = await shownCheck('Gradient check for W2[0][0]');
    let expected = engineCheck(selectSession(store.getState()), { param: 'W2', row: 0, col: 0 });
    expect([shown.numerical.full, shown.backprop.full, shown.error.full]).toEqual([expected.numerical, expected.backprop, expected.relativeError]);
    act(() => store.getState().setFocusEdge({ layer: 2, from: 2, to: 0 }));
    shown = await shownCheck('Gradient check for W2[0][2]');
    expected = engineCheck(selectSession(store.getState()), { param: 'W2', row: 0, col: 2 });
    expect([shown.numerical.full, shown.backprop.full, shown.error.full]).toEqual([expected.numerical, expected.backprop, expected.relativeError]);
    expect(shown.backprop.full).toBeCloseTo(tutorial.iteration0.dW2[0][2], 15);
  });

  it('backward-hidden follows a focused W1 weight, as the chain rule above it does', async () => {
    const { store } = renderWithStore(<EquationPanel />, { phase: 'backward-hidden' });
    act(() => store.getState().setFocusEdge({ layer: 1, from: 1, to: 3 }));
    expect(screen.getByRole('heading', { name: 'The chain rule for the weight W1[3][1]' })).toBeTruthy();
    const shown = await shownCheck('Gradient check for W1[3][1]');
    const expected = engineCheck(selectSession(store.getState()), { param: 'W1', row: 3, col: 1 });
    expect([shown.numerical.full, shown.backprop.full, shown.error.full]).toEqual([expected.numerical, expected.backprop, expected.relativeError]);
  });

  it.each(['forward-hidden', 'forward-output', 'loss', 'update'] as const)('is not shown in %s', (phase) => {
    renderWithStore(<EquationPanel />, { phase });
    expect(screen.queryByRole('region', { name: /Gradient check/ })).toBeNull();
  });

  it('speaks 简体中文', async () => {
    renderWithStore(<EquationPanel />, { phase: 'backward-hidden', locale: 'zh-CN' });
    const { section, error } = await shownCheck('W1[0][0] 的梯度检验');
    expect(within(section).getByText(/^把 W1\[0\]\[0\] 加减 ε = 1e-5，比较本批次 300 个样本上的损失：数值梯度为 \(L\(w \+ ε\) − L\(w − ε\)\) \/ 2ε。$/)).toBeTruthy();
    expect(within(section).getByText('反向传播：dW1[0][0]')).toBeTruthy();
    expect(within(section).getByText('相对误差')).toBeTruthy();
    expect(within(section).getByText(/链式法则精确地计算同一个导数/)).toBeTruthy();
    expect(error.full).toBeLessThan(1e-7);
  });

  it('a session the engine cannot check shows the engine’s message, and nothing else breaks', async () => {
    const store = createAppStore({ phase: 'backward-hidden' });
    const s = selectSession(store.getState());
    // Targets of 0.5 are no bce labels: numericalGradient refuses them by name.
    const bad: Session = { ...s, batch: { ...s.batch, Y: fromRows([Array.from(s.batch.Y.data, () => 0.5)]) } };
    const focus = { sample: 0, hidden: 0, input: 0, output: 0 };
    render(<StoreProvider store={store}><GradientCheckSection session={bad} focus={focus} isActive /></StoreProvider>);
    expect((await screen.findByRole('alert')).textContent).toBe('The gradient check could not be computed: Y[0][0] must be 0 or 1 for bce (got 0.5)');
  });
});
