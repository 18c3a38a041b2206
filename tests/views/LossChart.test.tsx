// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { act, fireEvent, screen, within } from '@testing-library/react';
import { LossChart } from '../../src/views/LossChart';
import { DEFAULT_CONFIG, selectCursor, selectIteration, selectPhase } from '../../src/store/index';
import { DEFAULT_DATASET_SPECS } from '../../src/data/datasets';
import { renderWithStore } from './render';

/** jsdom has no layout: give the chart's hit area a box 500 px wide starting at x = 100. */
function mockBox(el: Element, left = 100, width = 500) {
  el.getBoundingClientRect = () => ({ left, width, top: 0, height: 200, right: left + width, bottom: 200, x: left, y: 0, toJSON: () => ({}) });
}

describe('LossChart', () => {
  it('shows the empty state before any loss is computed', () => {
    renderWithStore(<LossChart />);
    expect(screen.getByText('Step to the loss phase or train to see the curves.')).toBeTruthy();
    expect(screen.queryByRole('slider')).toBeNull();
  });

  it('after train(50) shows 50 iterations, a legend, an x axis ending at 50 and the latest values', () => {
    const { store } = renderWithStore(<LossChart />);
    act(() => store.getState().train(50));
    expect(screen.getByRole('group', { name: 'Loss over 50 iterations' })).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Accuracy over 50 iterations' })).toBeTruthy();
    const ticks = screen.getAllByTestId('x-tick').map((t) => t.textContent);
    expect(ticks.at(-1)).toBe('50');
    expect(screen.getByText('train (solid line)')).toBeTruthy();
    expect(screen.getByText('test (dashed line)')).toBeTruthy();

    // Cursor at iteration 50 (forward-hidden, no row yet): the values are iteration 49's, from the store's curves.
    const c = store.getState().timeline.curves;
    const values = screen.getByText('At iteration 49:').parentElement!;
    expect(values.textContent).toContain(`train loss ${c.trainLoss[49].toFixed(4)}`);
    expect(values.textContent).toContain(`test loss ${c.testLoss[49].toFixed(4)}`);
    expect(values.textContent).toContain(`train acc ${Math.round(c.trainAccuracy[49] * 100)}%`);
    expect(values.textContent).toContain(`test acc ${Math.round(c.testAccuracy[49] * 100)}%`);
  });

  it('the first loss row equals the binary cross-entropy of the untrained network, from plain arithmetic', () => {
    const { store } = renderWithStore(<LossChart />);
    act(() => {
      for (let k = 0; k < 3; k++) store.getState().stepForward();
    });
    const s = store.getState().timeline.detail.at(-1)!;
    const A2 = s.cache.A2!;
    const Y = s.batch.Y;
    let sum = 0;
    for (let j = 0; j < A2.cols; j++) sum += Y.data[j] * Math.log(A2.data[j]) + (1 - Y.data[j]) * Math.log(1 - A2.data[j]);
    const expected = -sum / A2.cols;
    expect(screen.getByText('At iteration 0:').parentElement!.textContent).toContain(`train loss ${expected.toFixed(4)}`);
  });

  it('clicking the chart seeks to that iteration, keeping the phase', () => {
    const { store } = renderWithStore(<LossChart />);
    act(() => store.getState().train(50));
    act(() => store.getState().seek(50, 'backward-output'));
    const slider = screen.getByRole('slider', { name: 'Iteration shown' });
    mockBox(slider);
    // 40% of the way across 0 … 50 is iteration 20.
    fireEvent.pointerDown(slider, { clientX: 100 + 0.4 * 500, pointerId: 1 });
    expect(selectIteration(store.getState())).toBe(20);
    expect(selectPhase(store.getState())).toBe('backward-output');
    expect(slider.getAttribute('aria-valuenow')).toBe('20');
    // Dragging keeps seeking; past the right edge clamps to the last iteration.
    fireEvent.pointerMove(slider, { clientX: 100 + 0.1 * 500, pointerId: 1, buttons: 1 });
    expect(selectIteration(store.getState())).toBe(5);
    fireEvent.pointerMove(slider, { clientX: 900, pointerId: 1, buttons: 1 });
    expect(selectIteration(store.getState())).toBe(50);
    fireEvent.pointerUp(slider, { pointerId: 1 });
    fireEvent.pointerMove(slider, { clientX: 100, pointerId: 1 });
    expect(selectIteration(store.getState())).toBe(50);
  });

  it('the focused chart moves by iteration with its own keys, which do not reach the document', async () => {
    const { store, user } = renderWithStore(<LossChart />);
    act(() => store.getState().train(50));
    let documentSaw = 0;
    const count = () => { documentSaw++; };
    document.addEventListener('keydown', count);
    const slider = screen.getByRole('slider', { name: 'Iteration shown' });
    slider.focus();
    await user.keyboard('{ArrowLeft}');
    expect(selectIteration(store.getState())).toBe(49);
    expect(selectPhase(store.getState())).toBe('forward-hidden');
    await user.keyboard('{PageDown}');
    expect(selectIteration(store.getState())).toBe(44);
    await user.keyboard('{Home}');
    expect(selectCursor(store.getState())).toBe(0);
    expect(slider.getAttribute('aria-valuetext')).toBe('Iteration 0 of 50');
    await user.keyboard('{ArrowRight}{PageUp}');
    expect(selectIteration(store.getState())).toBe(6);
    await user.keyboard('{End}');
    expect(selectIteration(store.getState())).toBe(50);
    expect(documentSaw).toBe(0);
    document.removeEventListener('keydown', count);
  });

  it('marks the cursor iteration with a line', () => {
    const { store } = renderWithStore(<LossChart />);
    act(() => store.getState().train(20));
    expect(screen.getByRole('img', { name: 'Current iteration 20' })).toBeTruthy();
    act(() => store.getState().seek(7, 'loss'));
    expect(screen.getByRole('img', { name: 'Current iteration 7' })).toBeTruthy();
  });

  it('the log-scale checkbox keeps the lines drawable', async () => {
    const { store, user } = renderWithStore(<LossChart />);
    act(() => store.getState().train(30));
    await user.click(screen.getByRole('checkbox', { name: 'Log scale for loss' }));
    const loss = screen.getByRole('group', { name: 'Loss over 30 iterations' });
    const paths = within(loss).getAllByRole('img');
    expect(paths).toHaveLength(2);
    for (const p of paths) {
      const d = p.getAttribute('d') ?? '';
      expect(d.startsWith('M')).toBe(true);
      expect(d).not.toMatch(/NaN|Infinity/);
    }
  });

  it('hides accuracy for a regression (accuracy is NaN)', () => {
    const { store } = renderWithStore(<LossChart />, {
      config: { ...DEFAULT_CONFIG, data: DEFAULT_DATASET_SPECS['tutorial-pytorch'], hiddenSize: 5, hiddenActivation: 'relu', outputActivation: 'linear', loss: 'mse' },
    });
    act(() => store.getState().train(10));
    expect(screen.getByRole('group', { name: 'Loss over 10 iterations' })).toBeTruthy();
    expect(screen.queryByRole('group', { name: /Accuracy/ })).toBeNull();
    expect(screen.getByText('At iteration 9:').parentElement!.textContent).not.toContain('acc');
  });
});
