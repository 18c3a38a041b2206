// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { rgb } from 'd3';
import { act, fireEvent, screen } from '@testing-library/react';
import { MatrixPanel } from '../../src/views/MatrixPanel';
import { lossRow } from '../../src/views/MatrixPanel/equations';
import { PHASES, get, type PhaseId } from '../../src/engine/index';
import { formatValue, maxAbs, signedColor } from '../../src/viz/color';
import { selectSession, type AppStore } from '../../src/store/index';
import { PRESETS } from '../../src/store/presets';
import { renderWithStore } from './render';
import { readBmp } from '../viz/bmp';


const heatmap = (name: string) => screen.getAllByRole('application', { name })[0];
const readout = () => screen.getByRole('status').textContent ?? '';
/** The number after "= " in the readout. */
const readValue = () => Number(readout().split(' = ')[1]);

/** Gives a heatmap a laid-out size, as jsdom has no layout. */
function layOut(el: HTMLElement, width: number, height: number) {
  vi.spyOn(el, 'getBoundingClientRect').mockReturnValue({
    left: 0, top: 0, right: width, bottom: height, width, height, x: 0, y: 0, toJSON: () => ({}),
  });
}

function stepTo(store: AppStore, phase: PhaseId) {
  act(() => {
    while (selectSession(store.getState()).phase !== phase) store.getState().stepForward();
  });
}

const SHAPES: Record<PhaseId, string[]> = {
  'forward-hidden': ['W1: 4×2', 'X: 2×300', 'b1: 4×1', 'Z1: 4×300', 'A1: 4×300'],
  'forward-output': ['W2: 1×4', 'A1: 4×300', 'b2: 1×1', 'Z2: 1×300', 'A2: 1×300'],
  loss: ['A2: 1×300', 'Y: 1×300', 'ℓ: 1×300'],
  'backward-output': ['A2: 1×300', 'Y: 1×300', 'dZ2: 1×300', 'A1: 4×300', 'dW2: 1×4', 'db2: 1×1'],
  'backward-hidden': ['W2: 1×4', 'dZ2: 1×300', 'dA1: 4×300', 'A1: 4×300', 'dZ1: 4×300', 'X: 2×300', 'dW1: 4×2', 'db1: 4×1'],
  update: ['W1: 4×2', 'dW1: 4×2', 'W1 (new): 4×2', 'b1 (new): 4×1', 'W2 (new): 1×4', 'b2 (new): 1×1'],
};

describe('MatrixPanel', () => {
  it('labels every matrix of each phase with its name and shape', () => {
    const { store } = renderWithStore(<MatrixPanel />);
    for (const phase of PHASES) {
      stepTo(store, phase);
      for (const label of SHAPES[phase]) {
        expect(screen.getAllByText(label).length, `${phase}: ${label}`).toBeGreaterThan(0);
      }
    }
    stepTo(store, 'forward-hidden');
    expect(screen.getAllByRole('application').map((el) => el.getAttribute('aria-label')))
      .toEqual(['W1: 4×2', 'X: 2×300', 'b1: 4×1', 'Z1: 4×300', 'Z1: 4×300', 'A1: 4×300']);
  });

  it('prints the values of small matrices inside their cells', () => {
    const { store } = renderWithStore(<MatrixPanel />);
    const { W1 } = selectSession(store.getState()).params;
    expect(heatmap('W1: 4×2').textContent).toContain(formatValue(get(W1, 0, 0)));
    expect(heatmap('b1: 4×1').textContent).toBe('0000');
  });

  it('hovering Z1 reads out the engine value W1[2]·X[:,17] + b1[2] at full precision', () => {
    const { store } = renderWithStore(<MatrixPanel />);
    const { params, batch } = selectSession(store.getState());
    let expected = get(params.b1, 2, 0);
    for (let k = 0; k < 2; k++) expected += get(params.W1, 2, k) * get(batch.X, k, 17);
    const z1 = heatmap('Z1: 4×300');
    layOut(z1, 300, 40);
    fireEvent.mouseMove(z1, { clientX: 17.5, clientY: 25 });
    expect(readout()).toMatch(/^Z1\[2\]\[17\] = -?\d/);
    expect(readValue()).toBeCloseTo(expected, 15);
    expect(Math.abs(readValue() - expected)).toBeLessThanOrEqual(1e-12 * Math.abs(expected));
  });

  it('hovering a small matrix reads the entry under the pointer', () => {
    const { store } = renderWithStore(<MatrixPanel />);
    const { W1 } = selectSession(store.getState()).params;
    const w1 = heatmap('W1: 4×2');
    layOut(w1, 100, 80);
    fireEvent.mouseMove(w1, { clientX: 75, clientY: 70 });
    expect(readout()).toBe(`W1[3][1] = ${String(get(W1, 3, 1))}`);
  });

  it('arrow keys move a cursor through A1 and announce tanh of Z1 there', async () => {
    const { store, user } = renderWithStore(<MatrixPanel />);
    const { params, batch } = selectSession(store.getState());
    let z = get(params.b1, 1, 0);
    for (let k = 0; k < 2; k++) z += get(params.W1, 1, k) * get(batch.X, k, 2);
    const a1 = heatmap('A1: 4×300');
    act(() => a1.focus());
    expect(readout()).toMatch(/^A1\[0\]\[0\] = /);
    await user.keyboard('{ArrowRight}{ArrowRight}{ArrowDown}');
    expect(readout()).toMatch(/^A1\[1\]\[2\] = /);
    expect(Math.abs(readValue() - Math.tanh(z))).toBeLessThanOrEqual(1e-15);
    await user.keyboard('{End}');
    expect(readout()).toMatch(/^A1\[1\]\[299\] = /);
    expect(screen.getByRole('status').getAttribute('aria-live')).toBe('polite');
  });

  it('clicking a column of X focuses that sample; Enter on Z1 does the same', async () => {
    const { store, user } = renderWithStore(<MatrixPanel />);
    const x = heatmap('X: 2×300');
    layOut(x, 600, 36);
    fireEvent.click(x, { clientX: 85, clientY: 10 });
    expect(store.getState().focusSample).toBe(42);
    const z1 = heatmap('Z1: 4×300');
    act(() => z1.focus());
    expect(readout()).toMatch(/^Z1\[0\]\[42\] = /);
    await user.keyboard('{ArrowRight}{Enter}');
    expect(store.getState().focusSample).toBe(43);
  });

  it('clicking a weight matrix does not change the focused sample', () => {
    const { store } = renderWithStore(<MatrixPanel />);
    const w1 = heatmap('W1: 4×2');
    layOut(w1, 100, 80);
    fireEvent.click(w1, { clientX: 75, clientY: 10 });
    expect(store.getState().focusSample).toBe(0);
    expect(readout()).toMatch(/^W1\[0\]\[1\] = /);
  });

  it('the loss row averages to the engine loss, and the update shows W1 − lr·dW1', () => {
    const { store } = renderWithStore(<MatrixPanel />);
    stepTo(store, 'loss');
    const s = selectSession(store.getState());
    const row = lossRow('bce', s.cache.A2!, s.batch.Y);
    const mean = row.data.reduce((a, b) => a + b, 0) / row.data.length;
    expect(Math.abs(mean - s.loss!)).toBeLessThan(1e-14);
    stepTo(store, 'update');
    const u = selectSession(store.getState());
    const fresh = heatmap('W1 (new): 4×2');
    layOut(fresh, 100, 80);
    fireEvent.mouseMove(fresh, { clientX: 10, clientY: 50 });
    const expected = get(u.params.W1, 2, 0) - 0.1 * get(u.grads.dW1!, 2, 0);
    expect(readout()).toMatch(/^W1 \(new\)\[2\]\[0\] = /);
    expect(Math.abs(readValue() - expected)).toBeLessThanOrEqual(1e-15 * Math.max(1, Math.abs(expected)));
  });

  it('with softmax and ce: K × m shapes, one loss term per sample (its class\'s −log a), and dZ2 = A2 − Y', () => {
    const config = PRESETS.find((p) => p.id === 'three-spirals')!.config;
    const { store } = renderWithStore(<MatrixPanel />, { config });
    stepTo(store, 'forward-output');
    for (const label of ['W2: 3×100', 'A1: 100×225', 'b2: 3×1', 'Z2: 3×225', 'A2: 3×225']) expect(screen.getAllByText(label).length, label).toBeGreaterThan(0);
    stepTo(store, 'loss');
    expect(screen.getAllByText('ℓ: 1×225').length).toBeGreaterThan(0);
    const s = selectSession(store.getState());
    const row = lossRow('ce', s.cache.A2!, s.batch.Y);
    const A2 = s.cache.A2!;
    for (const j of [0, 100, 224]) {
      const k = [0, 1, 2].find((c) => get(s.batch.Y, c, j) === 1)!;
      expect(row.data[j]).toBe(-Math.log(get(A2, k, j)));
    }
    expect(Math.abs(row.data.reduce((a, b) => a + b, 0) / 225 - s.loss!)).toBeLessThan(1e-14);
    stepTo(store, 'backward-output');
    expect(screen.getByText('dZ2 = A2 − Y')).toBeTruthy();
    expect(screen.getAllByText('dZ2: 3×225').length).toBeGreaterThan(0);
  });

  it('shows Z1 as a picture of the engine values, and the next one after a step', () => {
    const { store } = renderWithStore(<MatrixPanel />);
    const Z1 = selectSession(store.getState()).cache.Z1!;
    const image = heatmap('Z1: 4×300').querySelector('img')!;
    const bmpOf = (url: string) => readBmp(Uint8Array.from(atob(url.slice(url.indexOf(',') + 1)), (c) => c.charCodeAt(0)));
    const first = image.getAttribute('src')!;
    const bmp = bmpOf(first);
    expect([bmp.width, bmp.rows]).toEqual([300, 4]);
    const want = rgb(signedColor(get(Z1, 2, 17), maxAbs(Z1.data)));
    const got = bmp.pixel(2, 17);
    for (const [k, channel] of [want.r, want.g, want.b].entries()) expect(Math.abs(got[k] - channel)).toBeLessThanOrEqual(1);

    act(() => store.getState().stepForward());
    const A1 = selectSession(store.getState()).cache.A1!;
    const next = heatmap('A1: 4×300').querySelector('img')!.getAttribute('src')!;
    expect(next).not.toBe(first);
    const wantA = rgb(signedColor(get(A1, 3, 250), maxAbs(A1.data)));
    const gotA = bmpOf(next).pixel(3, 250);
    for (const [k, channel] of [wantA.r, wantA.g, wantA.b].entries()) expect(Math.abs(gotA[k] - channel)).toBeLessThanOrEqual(1);
  });

  it('a new phase clears the readout', () => {
    const { store } = renderWithStore(<MatrixPanel />);
    const w1 = heatmap('W1: 4×2');
    layOut(w1, 100, 80);
    fireEvent.mouseMove(w1, { clientX: 10, clientY: 10 });
    expect(readout()).not.toBe('');
    act(() => store.getState().stepForward());
    expect(readout()).toBe('');
  });

  it('draws in Chinese with the same symbols', () => {
    const { store } = renderWithStore(<MatrixPanel />, { locale: 'zh-CN' });
    stepTo(store, 'update');
    expect(screen.getByRole('heading', { name: /矩阵/ })).toBeTruthy();
    expect(screen.getAllByText('W1（更新后）: 4×2').length).toBe(1);
  });
});
