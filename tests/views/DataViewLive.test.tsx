// @vitest-environment jsdom
// The data view while fast training runs: it follows training through the field evaluator (in
// this thread under jsdom, which has no workers), showing each picture with the session it was
// drawn for, and draws the final parameters in this thread when training ends.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import { DataView } from '../../src/views/DataView';
import { StoreProvider } from '../../src/app/StoreProvider';
import { createAppStore, selectSession, type AppStore } from '../../src/store/index';
import { manualBackend } from '../fixtures/manualBackend';
import { formatValue } from '../../src/viz/color';
import type { Matrix, Params } from '../../src/engine/index';

let drawn: Map<HTMLCanvasElement, ImageData[]>;
beforeEach(() => {
  drawn = new Map();
  const fakeContext = (canvas: HTMLCanvasElement) => ({
    createImageData: (w: number, h: number) => ({ width: w, height: h, data: new Uint8ClampedArray(4 * w * h) }),
    putImageData: (image: ImageData) => drawn.set(canvas, [...(drawn.get(canvas) ?? []), image]),
  });
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(function (this: HTMLCanvasElement) {
    return fakeContext(this) as unknown as CanvasRenderingContext2D;
  } as unknown as typeof HTMLCanvasElement.prototype.getContext);
});
afterEach(() => vi.restoreAllMocks());

/** Binary cross-entropy and accuracy of a tanh/sigmoid network on X, Y, in plain arithmetic. */
function bceOf(params: Params, X: Matrix, Y: Matrix): { loss: number; wrong: number } {
  const { W1, b1, W2, b2 } = params;
  const m = X.cols;
  let sum = 0;
  let wrong = 0;
  for (let j = 0; j < m; j++) {
    let z2 = b2.data[0];
    for (let i = 0; i < W1.rows; i++) z2 += W2.data[i] * Math.tanh(W1.data[2 * i] * X.data[j] + W1.data[2 * i + 1] * X.data[m + j] + b1.data[i]);
    const a = 1 / (1 + Math.exp(-z2));
    const y = Y.data[j];
    sum += -(y * Math.log(a) + (1 - y) * Math.log(1 - a));
    if ((a > 0.5 ? 1 : 0) !== y) wrong++;
  }
  return { loss: sum / m, wrong };
}

const trainLossCell = () => within(within(screen.getByRole('table')).getByRole('row', { name: /^Train/ })).getAllByRole('cell')[0];
const paramsLabel = () => document.querySelector('.dv-params')!.textContent;

function renderLive() {
  const manual = manualBackend();
  const store: AppStore = createAppStore({}, { trainingBackend: manual.backend });
  render(<StoreProvider store={store}><DataView /></StoreProvider>);
  return { store, manual };
}

describe('DataView while fast training runs', () => {
  it('follows training with pictures and metrics of the session they were drawn for', async () => {
    const { store, manual } = renderLive();
    act(() => store.getState().train(1000));
    act(() => manual.report(40));
    await waitFor(() => expect(paramsLabel()).toBe('Parameters of iteration 40.'));
    const { train } = store.getState().built.dataset;
    const at40 = selectSession(store.getState()).params;
    expect(trainLossCell().textContent).toBe(formatValue(bceOf(at40, train.X, train.Y).loss));

    // A second report: the view moves on (no sooner than the refresh interval), still consistent.
    act(() => manual.report(60));
    await waitFor(() => expect(paramsLabel()).toBe('Parameters of iteration 100.'));
    const at100 = selectSession(store.getState()).params;
    const expected = bceOf(at100, train.X, train.Y);
    expect(trainLossCell().textContent).toBe(formatValue(expected.loss));
    expect(screen.getByRole('img', { name: `Decision boundary: ${(100 * (1 - expected.wrong / 300)).toFixed(1)}% of 300 training points correct` })).toBeTruthy();
    const canvas = screen.getByRole('img', { name: /^Decision boundary/ }) as HTMLCanvasElement;
    expect(drawn.get(canvas)!.length).toBeGreaterThanOrEqual(3);
  });

  it('draws the final parameters in this thread when training ends', async () => {
    const { store, manual } = renderLive();
    act(() => store.getState().train(300));
    act(() => manual.report(100));
    await waitFor(() => expect(paramsLabel()).toBe('Parameters of iteration 100.'));
    act(() => manual.finish());
    expect(store.getState().training).toBeNull();
    expect(paramsLabel()).toBe('Parameters of iteration 300.');
    const { train } = store.getState().built.dataset;
    expect(trainLossCell().textContent).toBe(formatValue(bceOf(selectSession(store.getState()).params, train.X, train.Y).loss));
  });
});
