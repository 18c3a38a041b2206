// @vitest-environment jsdom
import { Profiler } from 'react';
import { act, fireEvent, within } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { get, type Session } from '../../src/engine/index';
import { DEFAULT_CONFIG, selectSession, type AppStore } from '../../src/store/index';
import { formatFull, formatValue } from '../../src/viz/color';
import { NetworkView } from '../../src/views/NetworkView';
import { nextKey, parseKey } from '../../src/views/NetworkView/navigation';
import { PRESETS } from '../../src/store/presets';
import { renderWithStore } from './render';

const session = (store: AppStore): Session => selectSession(store.getState());
const steps = (store: AppStore, n: number) => act(() => { for (let k = 0; k < n; k++) store.getState().stepForward(); });
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** The tutorial's forward pass for sample column k, by plain arithmetic from the session's own W1, b1, W2, b2, X. */
function forwardAt(s: Session, k: number) {
  const { W1, b1, W2, b2 } = s.params;
  const X = s.batch.X;
  const z1 = Array.from({ length: W1.rows }, (_, i) => {
    let z = get(b1, i, 0);
    for (let j = 0; j < W1.cols; j++) z += get(W1, i, j) * get(X, j, k);
    return z;
  });
  const a1 = z1.map(Math.tanh);
  let z2 = get(b2, 0, 0);
  for (let i = 0; i < a1.length; i++) z2 += get(W2, 0, i) * a1[i];
  return { z1, a1, z2, a2: sigmoid(z2) };
}

/** dW2[0][j] = (1/m)·Σ_k (A2 − Y)[k]·A1[j][k] and dW1 through dZ1 = W2ᵀ·dZ2 ⊙ (1 − A1²). */
function gradients(s: Session) {
  const m = s.batch.X.cols;
  const h = s.params.W1.rows;
  const dW2 = new Array<number>(h).fill(0);
  const dW1 = Array.from({ length: h }, () => [0, 0]);
  for (let k = 0; k < m; k++) {
    const f = forwardAt(s, k);
    const dZ2 = f.a2 - get(s.batch.Y, 0, k);
    for (let j = 0; j < h; j++) {
      dW2[j] += (dZ2 * f.a1[j]) / m;
      const dZ1 = get(s.params.W2, 0, j) * dZ2 * (1 - f.a1[j] ** 2);
      for (let i = 0; i < 2; i++) dW1[j][i] += (dZ1 * get(s.batch.X, i, k)) / m;
    }
  }
  return { dW2, dW1 };
}

describe('NetworkView', () => {
  test('neurons show the engine’s numbers for the focused sample', () => {
    const { store, getByRole } = renderWithStore(<NetworkView />);
    const s = session(store);
    const f = forwardAt(s, 0);
    for (let i = 0; i < 2; i++) {
      getByRole('button', { name: `Input x${i + 1}: x = ${formatValue(get(s.batch.X, i, 0))}` });
    }
    for (let i = 0; i < 4; i++) {
      getByRole('button', { name: `Hidden neuron ${i + 1}: z = ${formatValue(f.z1[i])}, a = ${formatValue(f.a1[i])}` });
    }
    expect(getByRole('button', { name: /^Output neuron 1:/ }).getAttribute('aria-label')).toMatch(/not computed yet/);
    expect(getByRole('heading', { name: 'Network' })).toBeTruthy();
  });

  test('edges show the weights, then the gradients in the backward phases', () => {
    const { store, getByRole, getByText } = renderWithStore(<NetworkView />);
    const { W1 } = session(store).params;
    getByRole('button', { name: `Weight W1[2][1] = ${formatValue(get(W1, 1, 0))}, from x1 to hidden neuron 2` });
    getByText('Forward: hidden layer →');

    steps(store, 3);
    expect(session(store).phase).toBe('backward-output');
    getByText('← Backward: output layer');
    const { dW2, dW1 } = gradients(session(store));
    const W2 = session(store).params.W2;
    for (let j = 0; j < 4; j++) {
      const label = getByRole('button', { name: new RegExp(`^Gradient dW2\\[1\\]\\[${j + 1}\\]`) }).getAttribute('aria-label');
      expect(label).toBe(`Gradient dW2[1][${j + 1}] = ${formatValue(dW2[j])}, weight W2[1][${j + 1}] = ${formatValue(get(W2, 0, j))}, from hidden neuron ${j + 1} to output neuron 1`);
    }
    // dZ2 of sample 1 on the output neuron.
    const f = forwardAt(session(store), 0);
    expect(getByRole('button', { name: /^Output neuron 1:/ }).getAttribute('aria-label')).toContain(`dZ2 = ${formatValue(f.a2 - get(session(store).batch.Y, 0, 0))}`);

    steps(store, 1);
    const label = getByRole('button', { name: /^Gradient dW1\[3\]\[2\]/ }).getAttribute('aria-label');
    expect(label).toContain(`dW1[3][2] = ${formatValue(dW1[2][1])}`);
  });

  test('the update phase shows old → new weights (W − lr·dW)', () => {
    const { store, getByRole } = renderWithStore(<NetworkView />, { phase: 'update' });
    const s = session(store);
    const { dW2 } = gradients(s);
    const old = get(s.params.W2, 0, 2);
    const updated = old - 0.1 * dW2[2];
    const label = getByRole('button', { name: /^Weight W2\[1\]\[3\]:/ }).getAttribute('aria-label');
    expect(label).toBe(`Weight W2[1][3]: ${formatValue(old)} → ${formatValue(updated)} (${updated > old ? 'increased' : 'decreased'}), from hidden neuron 3 to output neuron 1`);
  });

  test('the loss phase shows L (mean binary cross-entropy) and y of the sample', () => {
    const { store, getByRole } = renderWithStore(<NetworkView />, { phase: 'loss' });
    const s = session(store);
    let sum = 0;
    for (let k = 0; k < s.batch.X.cols; k++) {
      const a = forwardAt(s, k).a2;
      const y = get(s.batch.Y, 0, k);
      sum += -(y * Math.log(a) + (1 - y) * Math.log(1 - a));
    }
    const loss = getByRole('img', { name: `Loss L = ${formatValue(sum / s.batch.X.cols)} (mean over the batch)` });
    expect(loss.textContent).toContain(`y = ${get(s.batch.Y, 0, 0)}`);
  });

  test('clicking a neuron or an edge focuses it in the store; Escape (with keyboard focus in the diagram) clears', async () => {
    const { store, user, getByRole } = renderWithStore(<NetworkView />);
    const neuron = getByRole('button', { name: /^Hidden neuron 2:/ });
    await user.click(neuron);
    expect(store.getState().focusNeuron).toEqual({ layer: 1, index: 1 });
    expect(neuron.getAttribute('aria-pressed')).toBe('true');

    const edge = getByRole('button', { name: /^Weight W2\[1\]\[3\]/ });
    await user.click(edge);
    expect(store.getState().focusEdge).toEqual({ layer: 2, from: 2, to: 0 });
    expect(store.getState().focusNeuron).toBeNull();

    act(() => edge.focus());
    await user.keyboard('{Escape}');
    expect(store.getState().focusEdge).toBeNull();
  });

  test('a click selects without taking keyboard focus, and a second click clears', async () => {
    const { store, user, getByRole } = renderWithStore(<NetworkView />);
    const output = getByRole('button', { name: /^Output neuron 1:/ });
    await user.click(output);
    expect(store.getState().focusNeuron).toEqual({ layer: 2, index: 0 });
    expect(document.activeElement).not.toBe(output);
    await user.click(output);
    expect(store.getState().focusNeuron).toBeNull();
  });

  test('the diagram keeps the arrow keys while a mark has focus, even at its border', () => {
    const { store, getByRole } = renderWithStore(<NetworkView />);
    const output = getByRole('button', { name: /^Output neuron 1:/ });
    act(() => output.focus());
    expect(fireEvent.keyDown(output, { key: 'ArrowRight' })).toBe(false);
    expect(document.activeElement).toBe(output);
    expect(session(store).phase).toBe('forward-hidden');
  });

  test('keyboard: arrows move between neurons and edges, Enter selects', async () => {
    const { store, user, getByRole } = renderWithStore(<NetworkView />);
    const x1 = getByRole('button', { name: /^Input x1:/ });
    act(() => x1.focus());
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(getByRole('button', { name: /^Input x2:/ }));
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement?.getAttribute('aria-label')).toMatch(/^Weight W1\[1\]\[2\]/);
    await user.keyboard('{ArrowDown}{Enter}');
    expect(store.getState().focusEdge).toEqual({ layer: 1, from: 1, to: 1 });
    await user.keyboard('{ArrowRight}{Enter}');
    expect(store.getState().focusNeuron).toEqual({ layer: 1, index: 1 });
    const edge = getByRole('button', { name: /^Weight W1\[1\]\[1\]/ });
    act(() => edge.focus());
    expect(getByRole('tooltip').textContent).toContain('NumPy index: W1[0, 0]');
  });

  test('hover or focus shows a tooltip with full precision', async () => {
    const { store, user, getByRole } = renderWithStore(<NetworkView />);
    const A1 = session(store).cache.A1!;
    await user.hover(getByRole('button', { name: /^Hidden neuron 3:/ }));
    const tip = getByRole('tooltip');
    expect(formatFull(get(A1, 2, 0)).length).toBeGreaterThan(10);
    expect(tip.textContent).toContain(`a = ${formatFull(get(A1, 2, 0))}`);
    expect(within(tip).getByText('Hidden neuron 3')).toBeTruthy();
  });

  test('the sample picker changes the displayed values', async () => {
    const { store, user, getByRole, getByLabelText } = renderWithStore(<NetworkView />);
    await user.click(getByRole('button', { name: 'Next sample' }));
    expect(store.getState().focusSample).toBe(1);
    const s = session(store);
    let f = forwardAt(s, 1);
    getByRole('button', { name: `Hidden neuron 1: z = ${formatValue(f.z1[0])}, a = ${formatValue(f.a1[0])}` });
    getByRole('button', { name: `Input x1: x = ${formatValue(get(s.batch.X, 0, 1))}` });

    fireEvent.change(getByLabelText('Sample'), { target: { value: '42' } });
    expect(store.getState().focusSample).toBe(41);
    f = forwardAt(s, 41);
    getByRole('button', { name: `Hidden neuron 4: z = ${formatValue(f.z1[3])}, a = ${formatValue(f.a1[3])}` });
    expect(getByRole('group', { name: 'Sample shown in the diagram' }).textContent).toContain(`y = ${get(s.batch.Y, 0, 41)}`);
    expect(getByRole('button', { name: 'Previous sample' })).toHaveProperty('disabled', false);
  });

  test('a 2-32-1 network keeps neurons as tab stops and takes edges out of the Tab order', () => {
    const { getAllByRole } = renderWithStore(<NetworkView />, { config: { ...DEFAULT_CONFIG, hiddenSize: 32 } });
    const buttons = getAllByRole('button').filter((b) => b.hasAttribute('data-target'));
    const neurons = buttons.filter((b) => b.getAttribute('data-target')!.startsWith('n:'));
    const edges = buttons.filter((b) => b.getAttribute('data-target')!.startsWith('e:'));
    expect(neurons).toHaveLength(35);
    expect(edges).toHaveLength(96);
    expect(neurons.every((n) => n.getAttribute('tabindex') === '0')).toBe(true);
    expect(edges.every((e) => e.getAttribute('tabindex') === '-1')).toBe(true);
  });

  test('with mini-batches the picker counts the batch and names the training sample', () => {
    const { store, getByRole } = renderWithStore(<NetworkView />, { config: { ...DEFAULT_CONFIG, batchSize: 32 } });
    const s = session(store);
    const picker = getByRole('group', { name: 'Sample shown in the diagram' });
    expect(picker.textContent).toContain('of 32');
    expect(picker.textContent).toContain(`training sample #${s.batch.indices![0] + 1}`);
    getByRole('button', { name: `Input x2: x = ${formatValue(get(s.batch.X, 1, 0))}` });
  });

  test('labels follow the locale', () => {
    const { getByRole } = renderWithStore(<NetworkView />, { locale: 'zh-CN' });
    expect(getByRole('button', { name: /^隐藏神经元 2：z = / })).toBeTruthy();
  });
});

describe('keyboard navigation keys', () => {
  const sizes = [2, 4, 1] as const;
  test('neurons move within a layer and onto their edges', () => {
    expect(nextKey('n:1:0', 'ArrowUp', sizes)).toBeNull();
    expect(nextKey('n:1:0', 'ArrowDown', sizes)).toBe('n:1:1');
    expect(nextKey('n:1:3', 'ArrowDown', sizes)).toBeNull();
    expect(nextKey('n:1:2', 'ArrowRight', sizes)).toBe('e:2:2:0');
    expect(nextKey('n:1:2', 'ArrowLeft', sizes)).toBe('e:1:0:2');
    expect(nextKey('n:2:0', 'ArrowRight', sizes)).toBeNull();
    expect(nextKey('n:0:1', 'ArrowLeft', sizes)).toBeNull();
  });
  test('edges step through their layer and onto their ends', () => {
    expect(nextKey('e:1:0:3', 'ArrowDown', sizes)).toBe('e:1:1:0');
    expect(nextKey('e:1:1:0', 'ArrowUp', sizes)).toBe('e:1:0:3');
    expect(nextKey('e:1:1:3', 'ArrowDown', sizes)).toBeNull();
    expect(nextKey('e:2:3:0', 'ArrowRight', sizes)).toBe('n:2:0');
    expect(nextKey('e:2:3:0', 'ArrowLeft', sizes)).toBe('n:1:3');
    expect(parseKey('x:1')).toBeNull();
  });
});

describe('NetworkView with a softmax output (three spirals)', () => {
  test('three output neurons show probabilities that add up to 1; the loss phase shows the class\'s −log a', () => {
    const config = PRESETS.find((p) => p.id === 'three-spirals')!.config;
    const { store, getByRole, container } = renderWithStore(<NetworkView />, { config, phase: 'loss' });
    const s = session(store);
    const A2 = s.cache.A2!;
    // softmax of column 0, by plain arithmetic from Z2
    const z = [0, 1, 2].map((k) => get(s.cache.Z2!, k, 0));
    const e = z.map((v) => Math.exp(v - Math.max(...z)));
    const p = e.map((v) => v / (e[0] + e[1] + e[2]));
    p.forEach((v, k) => expect(get(A2, k, 0)).toBeCloseTo(v, 15));
    expect(p.reduce((a, b) => a + b)).toBeCloseTo(1, 15);
    const c = [0, 1, 2].find((k) => get(s.batch.Y, k, 0) === 1)!;
    for (let k = 0; k < 3; k++) {
      const label = getByRole('button', { name: new RegExp(`^Output neuron ${k + 1}:`) }).getAttribute('aria-label')!;
      expect(label).toContain(`a = ${formatValue(p[k])}`);
      expect(label.includes('−log a = ')).toBe(k === c);
    }
    const term = -Math.log(get(A2, c, 0));
    expect(getByRole('img', { name: new RegExp(`this sample is class ${c}, and its own term is −log a${c + 1} = ${formatValue(term).replace('.', '\\.')}`) })).toBeTruthy();
    expect(container.querySelector('.network-loss-class')?.textContent).toBe(`−log a = ${formatValue(term)}`);
    expect(container.querySelector('.network-sample-y')?.textContent).toBe(`class ${c}: y = ${[0, 1, 2].map((k) => (k === c ? 1 : 0)).join(', ')}`);
    expect(s.params.W1.rows).toBe(100);
  });
});

describe('the frame that answers a step', () => {
  test('renders the diagram once per step, not again for its own bookkeeping', () => {
    const commits: string[] = [];
    const { store } = renderWithStore(
      <Profiler id="network" onRender={(_id, phase) => commits.push(phase)}><NetworkView /></Profiler>,
    );
    commits.length = 0;
    for (let k = 0; k < 3; k++) {
      act(() => store.getState().stepForward());
      expect(commits).toEqual(['update']);
      commits.length = 0;
    }
  });
});
