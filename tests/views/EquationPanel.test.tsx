// @vitest-environment jsdom
import { beforeAll, describe, expect, it } from 'vitest';
import { configure, screen, within } from '@testing-library/react';
import { EquationPanel, loadTypesetter } from '../../src/views/EquationPanel';
import type { Matrix, PhaseId, Session } from '../../src/engine/index';
import { DEFAULT_CONFIG, selectSession, type AppStore } from '../../src/store/index';
import { formatFull, formatValue } from '../../src/viz/color';
import tutorial from '../fixtures/tutorial.json';
import { renderWithStore } from './render';

// KaTeX renders thousands of spans; checking each one's computed style for every role query
// takes seconds in jsdom, so role queries here skip that check (KaTeX's visual HTML has no roles).
beforeAll(async () => {
  configure({ defaultHidden: true });
  // KaTeX loads on demand (typesetter.ts); loaded first, the panel typesets in its first render.
  await loadTypesetter();
});

const at = (m: Matrix, r: number, c: number) => m.data[r * m.cols + c];

/**
 * The tutorial network's numbers by plain arithmetic from the session's inputs and parameters
 * (not its cache or gradients): z1, a1, z2, a2, dz2, dz1, dW2, dW1.
 */
function reference(s: Session) {
  const { W1, b1, W2, b2 } = s.params;
  const { X, Y } = s.batch;
  const m = X.cols;
  const z1 = (i: number, j: number) => at(W1, i, 0) * at(X, 0, j) + at(W1, i, 1) * at(X, 1, j) + at(b1, i, 0);
  const a1 = (i: number, j: number) => Math.tanh(z1(i, j));
  const z2 = (j: number) => [0, 1, 2, 3].reduce((sum, k) => sum + at(W2, 0, k) * a1(k, j), 0) + at(b2, 0, 0);
  const a2 = (j: number) => 1 / (1 + Math.exp(-z2(j)));
  const y = (j: number) => at(Y, 0, j);
  const dz2 = (j: number) => a2(j) - y(j);
  const dz1 = (i: number, j: number) => dz2(j) * at(W2, 0, i) * (1 - a1(i, j) ** 2);
  const mean = (f: (j: number) => number) => {
    let sum = 0;
    for (let j = 0; j < m; j++) sum += f(j);
    return sum / m;
  };
  const dW2 = (k: number) => mean((j) => dz2(j) * a1(k, j));
  const dW1 = (i: number, k: number) => mean((j) => dz1(i, j) * at(X, k, j));
  return { X, W1, W2, m, z1, a1, z2, a2, y, dz2, dz1, dW2, dW1 };
}

function open(phase: PhaseId, init: Parameters<typeof renderWithStore>[1] = {}) {
  const view = renderWithStore(<EquationPanel />, { phase, ...init });
  const session = selectSession(view.store.getState());
  return { ...view, session, ref: reference(session) };
}

/** The text of the equation captioned `caption` (KaTeX's HTML, MathML and TeX source). */
function equation(caption: string | RegExp): string {
  return screen.getByRole('group', { name: caption }).textContent ?? '';
}

function expectShown(caption: string | RegExp, ...values: number[]) {
  const text = equation(caption);
  for (const v of values) expect(text, `${formatValue(v)} in “${caption}”`).toContain(formatValue(v));
}

const focus = (store: AppStore) => {
  const s = store.getState();
  return { sample: s.focusSample, neuron: s.focusNeuron, edge: s.focusEdge };
};

describe('EquationPanel', () => {
  it('forward-hidden: z and a of hidden neuron 1 for sample 1, with the real numbers', () => {
    const { ref } = open('forward-hidden');
    const panel = screen.getByRole('region', { name: /^Equations\s*·\s*Forward: hidden layer$/ });
    expect(within(panel).getByText('Sample 1 of 300, hidden neuron 1')).toBeTruthy();
    expect(equation(/Every hidden neuron/)).toContain('tanh');
    expect(equation(/The shapes/)).toMatch(/4\s*×\s*2/);
    const z = ref.z1(0, 0);
    expectShown(/Hidden neuron 1:/, at(ref.W1, 0, 0), at(ref.X, 0, 0), at(ref.W1, 0, 1), at(ref.X, 1, 0), z);
    expectShown(/Its activation/, Math.tanh(z));
    // Full precision on hover.
    expect(within(screen.getByRole('group', { name: /Hidden neuron 1:/ })).getAllByTitle(formatFull(at(ref.W1, 0, 0))).length).toBeGreaterThan(0);
  });

  it('the hidden neuron and the sample can be changed from the panel', async () => {
    const { store, user, ref } = open('forward-hidden');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Hidden neuron' }), '3');
    expect(focus(store).neuron).toEqual({ layer: 1, index: 2 });
    const sample = screen.getByRole('spinbutton', { name: 'Sample' });
    await user.clear(sample);
    await user.type(sample, '5');
    expect(focus(store).sample).toBe(4);
    expect(screen.getByText('Sample 5 of 300, hidden neuron 3')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'With the numbers of sample 5' })).toBeTruthy();
    expectShown(/Hidden neuron 3:/, at(ref.W1, 2, 0), at(ref.X, 0, 4), ref.z1(2, 4));
    expectShown(/Its activation/, ref.a1(2, 4));
  });

  it('forward-output: z2 = Σ w2·a1 + b2 and the sigmoid', () => {
    const { ref } = open('forward-output');
    expect(equation(/The output layer/)).toContain('σ');
    expectShown(/Output neuron 1:/, at(ref.W2, 0, 0), ref.a1(0, 0), at(ref.W2, 0, 3), ref.a1(3, 0), ref.z2(0));
    expectShown(/output for sample 1/, ref.a2(0));
  });

  it('loss: the sample’s term, and the mean, which is the session’s loss and the NumPy fixture’s cost', () => {
    const { session, ref } = open('loss');
    const a = ref.a2(0);
    const y = ref.y(0);
    expectShown(/term of sample 1/, a, -(y * Math.log(a) + (1 - y) * Math.log(1 - a)));
    expect(session.loss).toBeCloseTo(tutorial.iteration0.cost, 12);
    expectShown(/mean of all 300 terms/, session.loss!, tutorial.iteration0.cost);
    expect(equation(/mean of all 300 terms/)).toContain('300');
  });

  it('backward-output: dz = a − y, dW2 as the average, and the chain rule factor by factor', () => {
    const { ref } = open('backward-output');
    expect(screen.getByText('Sample 1 of 300, weight W2[0][0] (hidden neuron 1 → output 1)')).toBeTruthy();
    const a = ref.a2(0);
    const y = ref.y(0);
    expectShown(/error of output 1 for sample 1/, a, y, ref.dz2(0));
    expect(formatValue(ref.dW2(0))).toBe(formatValue(tutorial.iteration0.dW2[0][0]));
    expectShown(/gradient of W2\[0\]\[0\]/, ref.dz2(0), ref.a1(0, 0), ref.dz2(1), ref.dW2(0));
    const dLda = -y / a + (1 - y) / (1 - a);
    expectShown(/Each factor for sample 1/, dLda, a * (1 - a), ref.a1(0, 0));
    expectShown(/first two factors together/, ref.dz2(0));
    expectShown(/Their product/, ref.dz2(0) * ref.a1(0, 0));
    expectShown(/average over all 300 samples is dW2/, ref.dW2(0));
  });

  it('backward-hidden: dz1 = w2·dz2·(1 − a1²), dW1, and the chain rule for the focused W1[i][k]', async () => {
    const { store, user, ref } = open('backward-hidden');
    expectShown(/changes with hidden neuron 1/, at(ref.W2, 0, 0), ref.dz2(0));
    expectShown(/slope of the activation/, ref.dz1(0, 0));
    expect(formatValue(ref.dW1(0, 0))).toBe(formatValue(tutorial.iteration0.dW1[0][0]));
    expectShown(/gradient of W1\[0\]\[0\]/, ref.dW1(0, 0));

    await user.selectOptions(screen.getByRole('combobox', { name: 'Hidden neuron' }), '2');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Input' }), 'x2');
    expect(focus(store).edge).toEqual({ layer: 1, from: 1, to: 1 });
    expect(screen.getByText('Sample 1 of 300, weight W1[1][1] (input x2 → hidden neuron 2)')).toBeTruthy();
    const slope = 1 - ref.a1(1, 0) ** 2;
    expectShown(/Each factor for sample 1/, ref.dz2(0), at(ref.W2, 0, 1), slope, at(ref.X, 1, 0));
    expectShown(/Their product/, ref.dz1(1, 0) * at(ref.X, 1, 0));
    expect(formatValue(ref.dW1(1, 1))).toBe(formatValue(tutorial.iteration0.dW1[1][1]));
    expectShown(/average over all 300 samples is dW1/, ref.dW1(1, 1));
  });

  it('update (SGD): old − α·dW = new for the focused weights, as NumPy’s update_parameters', () => {
    const { ref } = open('update');
    expect(screen.getByRole('heading', { name: 'The optimizer’s rule' })).toBeTruthy();
    expect(equation(/SGD rule/)).toContain('α');
    const old = at(ref.W1, 0, 0);
    const updated = old - 0.1 * ref.dW1(0, 0);
    expect(formatValue(updated)).toBe(formatValue(tutorial.paramsAfterOneUpdate.W1[0][0]));
    expectShown(/^W1\[0\]\[0\]/, old, ref.dW1(0, 0), updated, updated - old);
    const old2 = at(ref.W2, 0, 0);
    expectShown(/^W2\[0\]\[0\]/, old2, ref.dW2(0), old2 - 0.1 * ref.dW2(0));
  });

  it('update (Adam): the moments, their bias corrections and the step t', () => {
    const { ref } = open('update', { config: { ...DEFAULT_CONFIG, optimizer: { kind: 'adam', lr: 0.01 } } });
    expect(equation(/Adam rule/)).toContain('β');
    const g = ref.dW1(0, 0);
    // t = 1 from zero moments: m = 0.1·g, v = 0.001·g², m̂ = g, v̂ = g².
    const m = 0.1 * g;
    const v = 0.001 * g * g;
    const updated = at(ref.W1, 0, 0) - (0.01 * (m / 0.1)) / (Math.sqrt(v / 0.001) + 1e-8);
    expectShown(/^W1\[0\]\[0\]/, m, v, m / (1 - 0.9), updated);
    expect(equation(/learning rate/)).toMatch(/t\s*=\s*1/);
  });

  it('with mini-batches, m is the batch size and the sample is named in the training set too', () => {
    const { session } = open('forward-hidden', { config: { ...DEFAULT_CONFIG, batchSize: 64 } });
    const index = session.batch.indices![0];
    expect(screen.getByText('Sample 1 of 64, hidden neuron 1')).toBeTruthy();
    expect(screen.getByText(`This batch holds 64 samples; sample 1 is sample ${index + 1} of the training set.`)).toBeTruthy();
    expect(formatValue(at(session.batch.X, 0, 0))).toBe(formatValue(at(session.setup.data.X, 0, index)));
    expectShown(/Hidden neuron 1:/, at(session.setup.data.X, 0, index));
  });

  it('speaks Chinese when the locale is zh-CN, with the symbols unchanged', () => {
    open('forward-hidden', { locale: 'zh-CN' });
    expect(screen.getByRole('heading', { level: 2 }).textContent).toContain('公式');
    expect(screen.getByText('第 1 个样本（共 300 个），隐藏层第 1 个神经元')).toBeTruthy();
    expect(equation(/隐藏神经元 1/)).toContain('w');
  });
});
