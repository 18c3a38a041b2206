import { describe, expect, test } from 'vitest';
import { PHASES, fromRows, initializeParameters, startSession, stepSession, type NetworkConfig, type PhaseId, type Session } from '../../src/engine/index';
import { DEFAULT_DATASET_SPECS } from '../../src/data/datasets';
import { DEFAULT_CONFIG, createAppStore, selectSession, type StudioConfig } from '../../src/store/index';
import { formatFull, formatValue } from '../../src/viz/color';
import {
  buildEquations, focusFor, num, pickersFor, resolveFocus, shownIndices, sizesOf, sumOf,
  type EquationFocus, type EquationSection, type LineId,
} from '../../src/viz/equations';
import { renderTex } from '../../src/viz/equationsKatex';
import { pnum, sub, sumOfValues } from '../../src/viz/equationsTex';
import softmaxFixture from '../fixtures/softmax.json';

const PYTORCH: StudioConfig = {
  ...DEFAULT_CONFIG, data: DEFAULT_DATASET_SPECS['tutorial-pytorch'], hiddenSize: 5,
  hiddenActivation: 'relu', outputActivation: 'linear', loss: 'mse', optimizer: { kind: 'sgd', lr: 0.01 },
};

function sessionAt(phase: PhaseId, iteration = 0, config: StudioConfig = DEFAULT_CONFIG): Session {
  return selectSession(createAppStore({ config, iteration, phase }).getState());
}

const FOCUS: EquationFocus = { sample: 0, hidden: 0, output: 0, input: 0 };

function line(sections: EquationSection[], id: LineId): string {
  const found = sections.flatMap((s) => s.lines).find((l) => l.id === id);
  if (!found) throw new Error(`no line ${id}`);
  return found.tex;
}

/** The numbers a TeX string shows, by their hover titles (full precision). */
function titles(tex: string): number[] {
  return [...tex.matchAll(/\\htmlData\{title=([^}]*)\}/g)].map((m) => Number(m[1]));
}

const W = (m: { cols: number; data: Float64Array }, r: number, c: number) => m.data[r * m.cols + c];

describe('TeX building blocks', () => {
  test('num shows formatValue and keeps the full value as a title', () => {
    expect(num(-0.004167578474054706)).toBe(`\\htmlData{title=${formatFull(-0.004167578474054706)}}{${formatValue(-0.004167578474054706)}}`);
    expect(num(8.395405801581964e-6)).toBe('\\htmlData{title=0.000008395405801581964}{8.395\\text{e-6}}');
    expect(num(0)).toBe('\\htmlData{title=0}{0}');
  });

  test('pnum parenthesises negatives only', () => {
    expect(pnum(-1)).toMatch(/^\\left\(.*\\right\)$/);
    expect(pnum(1)).toBe(num(1));
  });

  test('subscripts are 1-based, with a comma once an index has two digits', () => {
    expect(sub(1, 0)).toBe('21');
    expect(sub(0, 9)).toBe('1,10');
    expect(sub(0, 1, true)).toBe('1,2');
  });

  test('long sums show the first terms, ⋯ and the last', () => {
    expect(shownIndices(4)).toEqual([0, 1, 2, 3]);
    expect(shownIndices(10)).toEqual([0, 1, 2, null, 9]);
    expect(shownIndices(300, 2)).toEqual([0, 1, null, 299]);
    expect(sumOf(10, (k) => `t_{${k}}`)).toBe('t_{0} + t_{1} + t_{2} + \\cdots + t_{9}');
    expect(sumOfValues(2, (k) => (k === 0 ? -1 : -2))).toBe(`${num(-1)} + ${pnum(-2)}`);
  });

  test('renderTex gives KaTeX HTML and MathML, with each number’s full precision as a title', () => {
    const html = renderTex(`z = ${num(-0.004167578474054706)}`);
    expect(html).toContain('<math');
    expect(html).toContain('class="katex-html"');
    expect(html).toContain('title="-0.004167578474054706"');
    expect(html).not.toContain('katex-error');
  });
});

describe('focus', () => {
  const sizes = { n: 2, h: 4, o: 1, m: 300 };

  test('nothing focused: sample and neurons 0', () => {
    expect(resolveFocus(sizes, { sample: 0, neuron: null, edge: null })).toEqual(FOCUS);
  });

  test('an edge fixes both its ends, a neuron its own layer', () => {
    expect(resolveFocus(sizes, { sample: 7, neuron: null, edge: { layer: 1, from: 1, to: 3 } })).toEqual({ sample: 7, hidden: 3, output: 0, input: 1 });
    expect(resolveFocus(sizes, { sample: 0, neuron: { layer: 1, index: 2 }, edge: { layer: 2, from: 1, to: 0 } }).hidden).toBe(1);
    expect(resolveFocus(sizes, { sample: 0, neuron: { layer: 0, index: 1 }, edge: null }).input).toBe(1);
  });

  test('indices are clamped into the network and the batch', () => {
    expect(resolveFocus(sizes, { sample: 999, neuron: { layer: 1, index: 9 }, edge: null })).toEqual({ sample: 299, hidden: 3, output: 0, input: 0 });
  });

  test('pickers offer the neurons a phase depends on', () => {
    expect(pickersFor('forward-hidden', sizes)).toEqual(['hidden']);
    expect(pickersFor('loss', sizes)).toEqual([]);
    expect(pickersFor('loss', { ...sizes, o: 2 })).toEqual(['output']);
    expect(pickersFor('backward-hidden', sizes)).toEqual(['hidden', 'input']);
  });

  test('a choice becomes the focused neuron or weight the phase is about, and resolves back to itself', () => {
    const next = { sample: 0, hidden: 2, output: 0, input: 1 };
    for (const phase of PHASES) {
      const f = focusFor(phase, next);
      expect(resolveFocus(sizes, { sample: 0, ...f })).toMatchObject(phase === 'forward-hidden' ? { hidden: 2 } : phase.startsWith('forward') || phase === 'loss' ? { output: 0 } : phase === 'backward-output' ? { hidden: 2 } : { hidden: 2, input: 1 });
    }
    expect(focusFor('backward-hidden', next).edge).toEqual({ layer: 1, from: 1, to: 2 });
    expect(focusFor('backward-output', next).edge).toEqual({ layer: 2, from: 2, to: 0 });
  });
});

describe('equations of the tutorial network', () => {
  test('every phase typesets without a KaTeX error, for several optimizers and activations', () => {
    const configs: StudioConfig[] = [
      DEFAULT_CONFIG, PYTORCH,
      { ...DEFAULT_CONFIG, optimizer: { kind: 'adam', lr: 0.01 } },
      { ...DEFAULT_CONFIG, optimizer: { kind: 'rmsprop', lr: 0.01, momentum: 0.9, weightDecay: 0.01 } },
      { ...DEFAULT_CONFIG, optimizer: { kind: 'sgd', lr: 0.05, momentum: 0.9 }, hiddenActivation: 'sigmoid' },
      { ...DEFAULT_CONFIG, batchSize: 64, hiddenSize: 12 },
    ];
    for (const config of configs) {
      for (const phase of PHASES) {
        const s = sessionAt(phase, 1, config);
        const sections = buildEquations(s, resolveFocus(sizesOf(s), { sample: 4, neuron: { layer: 1, index: 2 }, edge: null }));
        expect(sections.length).toBeGreaterThan(0);
        for (const l of sections.flatMap((x) => x.lines)) expect(renderTex(l.tex), `${phase} ${l.id}`).not.toContain('katex-error');
      }
    }
  });

  test('forward-hidden: z = w·x + b with the numbers of the focused neuron and sample', () => {
    const s = sessionAt('forward-hidden');
    const f = { ...FOCUS, sample: 5, hidden: 2 };
    const { W1, b1 } = s.params;
    const X = s.batch.X;
    const z = W(W1, 2, 0) * W(X, 0, 5) + W(W1, 2, 1) * W(X, 1, 5) + W(b1, 2, 0);
    const tex = line(buildEquations(s, f), 'fh.neuron');
    const shown = titles(tex);
    expect(shown.slice(0, 5)).toEqual([W(W1, 2, 0), W(X, 0, 5), W(W1, 2, 1), W(X, 1, 5), W(b1, 2, 0)]);
    expect(shown[5]).toBeCloseTo(z, 15);
    expect(titles(line(buildEquations(s, f), 'fh.activation')).at(-1)).toBeCloseTo(Math.tanh(z), 15);
  });

  test('ten inputs: the first three terms, ⋯, the last', () => {
    const s = sessionAt('forward-hidden', 0, PYTORCH);
    const tex = line(buildEquations(s, FOCUS), 'fh.neuron');
    expect(tex).toContain('\\cdots');
    expect(tex).toContain('w^{[1]}_{1,10}');
    expect(tex).toContain('x^{(1)}_{10}');
    expect(tex).not.toContain('x^{(1)}_{4}');
    expect(line(buildEquations(s, FOCUS), 'fh.activation')).toContain('\\max');
  });

  test('loss: the mean of all terms is the session’s loss', () => {
    const s = sessionAt('loss');
    const tex = line(buildEquations(s, FOCUS), 'loss.total');
    expect(tex).toContain('\\frac{1}{300}');
    expect(titles(tex).at(-1)).toBe(s.loss);
  });

  test('update with Adam: m̂ and v̂ are the buffers over their bias corrections', () => {
    const s = sessionAt('update', 2, { ...DEFAULT_CONFIG, optimizer: { kind: 'adam', lr: 0.01 } });
    const next = s.next!;
    const t = next.optimizerState.step;
    expect(t).toBe(3);
    const m = next.optimizerState.buffers.exp_avg.W1.data[0];
    const v = next.optimizerState.buffers.exp_avg_sq.W1.data[0];
    const sections = buildEquations(s, FOCUS);
    const tex = sections.find((x) => x.id === 'update')!.lines[0].tex;
    const shown = titles(tex);
    expect(shown).toContain(m / (1 - 0.9 ** 3));
    expect(shown).toContain(v / (1 - 0.999 ** 3));
    expect(shown).toContain(next.params.W1.data[0]);
    expect(line(sections, 'up.hyper')).toContain('t = 3');
  });
});

describe('two outputs', () => {
  const config: NetworkConfig = { inputSize: 2, hiddenSize: 3, outputSize: 2, hiddenActivation: 'tanh', outputActivation: 'sigmoid', loss: 'bce' };
  const X = fromRows([[0.5, -1, 2, 0.1, -0.3], [1, 0.2, -0.7, 0.4, 0.9]]);
  const Y = fromRows([[1, 0, 1, 0, 1], [0, 1, 1, 0, 0]]);
  const setup = { config, optimizer: { kind: 'sgd' as const, lr: 0.1 }, data: { X, Y }, batchSize: null, shuffleSeed: 0 };

  test('every phase typesets, the loss averages over o·m terms and dZ2 carries 1/o', () => {
    let s = startSession(setup, initializeParameters(config, { seed: 3 }));
    const f = { sample: 2, hidden: 1, output: 1, input: 1 };
    for (const phase of PHASES) {
      expect(s.phase).toBe(phase);
      const sections = buildEquations(s, f);
      for (const l of sections.flatMap((x) => x.lines)) expect(renderTex(l.tex), `${phase} ${l.id}`).not.toContain('katex-error');
      if (phase === 'loss') {
        expect(line(sections, 'loss.def')).toContain('\\frac{1}{o\\,m}');
        expect(line(sections, 'loss.total')).toContain('\\frac{1}{10}');
        expect(titles(line(sections, 'loss.total')).at(-1)).toBe(s.loss);
      }
      if (phase === 'backward-output') {
        const dz = W(s.grads.dZ2!, 1, 2);
        expect(dz).toBeCloseTo((W(s.cache.A2!, 1, 2) - W(Y, 1, 2)) / 2, 15);
        expect(line(sections, 'bo.dz')).toContain('\\frac{1}{2}');
        expect(titles(line(sections, 'bo.dz')).at(-1)).toBe(dz);
      }
      if (phase === 'backward-hidden') {
        // dA1[i][j] = Σ_r W2[r][i]·dZ2[r][j], both terms shown.
        const shown = titles(line(sections, 'bh.da'));
        expect(shown.slice(0, 4)).toEqual([W(s.params.W2, 0, 1), W(s.grads.dZ2!, 0, 2), W(s.params.W2, 1, 1), W(s.grads.dZ2!, 1, 2)]);
        expect(shown[4]).toBe(W(s.grads.dA1!, 1, 2));
      }
      if (phase !== 'update') s = stepSession(s);
    }
  });
});

describe('softmax with categorical cross-entropy, on numbers from NumPy (softmax.json)', () => {
  interface Case { name: string; config: NetworkConfig; X: number[][]; Y: number[][]; labels: number[]; params: Record<'W1' | 'b1' | 'W2' | 'b2', number[][]>; Z2: number[][]; A2: number[][]; dZ2: number[][]; loss: number }
  const cases = (softmaxFixture as unknown as { cases: Case[] }).cases;
  const sessionOf = (c: Case, phase: PhaseId) => {
    const params = { W1: fromRows(c.params.W1), b1: fromRows(c.params.b1), W2: fromRows(c.params.W2), b2: fromRows(c.params.b2) };
    let s = startSession({ config: c.config, optimizer: { kind: 'sgd', lr: 0.1 }, data: { X: fromRows(c.X), Y: fromRows(c.Y) }, batchSize: null, shuffleSeed: 0 }, params);
    while (s.phase !== phase) s = stepSession(s);
    return s;
  };
  const close = (a: number | undefined, b: number) => expect(Math.abs((a ?? NaN) - b)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(b)));

  test('every phase typesets without a KaTeX error, with 3 and with 10 classes', () => {
    for (const c of [cases[0], cases.find((k) => k.config.outputSize === 10)!]) {
      for (const phase of PHASES) {
        const s = sessionOf(c, phase);
        const f = { sample: 3, hidden: 1, output: c.config.outputSize - 1, input: 1 };
        for (const l of buildEquations(s, f).flatMap((x) => x.lines)) expect(renderTex(l.tex), `${c.name} ${phase} ${l.id}`).not.toContain('katex-error');
      }
    }
  });

  test('forward-output: a_r = e^{z_r} / Σ_k e^{z_k} with every z of the column, = NumPy\'s softmax', () => {
    const c = cases[0];
    const tex = line(buildEquations(sessionOf(c, 'forward-output'), { ...FOCUS, sample: 4, output: 2 }), 'fo.softmax');
    const shown = titles(tex);
    // e^{z_3} over e^{z_1} + e^{z_2} + e^{z_3}, then a_3
    expect(shown).toHaveLength(5);
    [c.Z2[2][4], c.Z2[0][4], c.Z2[1][4], c.Z2[2][4], c.A2[2][4]].forEach((v, k) => close(shown[k], v));
    expect(tex).toContain('\\sum_{k=1}^{3}');
  });

  test('loss: each sample costs −log of its true class\'s probability; L is their mean over m (not K·m)', () => {
    const c = cases[0];
    const j = 5;
    const k = c.labels[j];
    const sections = buildEquations(sessionOf(c, 'loss'), { ...FOCUS, sample: j });
    const sample = line(sections, 'loss.ce.sample');
    expect(sample).toContain(`\\log a^{[2](${j + 1})}_{${k + 1}}`);
    close(titles(sample).at(-1), -Math.log(c.A2[k][j]));
    const total = line(sections, 'loss.ce.total');
    expect(total).toContain(`\\frac{1}{${c.labels.length}}`);
    close(titles(total).at(-1), c.loss);
    expect(pickersFor('loss', sizesOf(sessionOf(c, 'loss')), 'ce')).toEqual([]);
  });

  test('backward-output: dz = a − y, and the chain rule through softmax collapses to it', () => {
    const c = cases[0];
    const j = 2;
    const k = c.labels[j];
    for (const r of [0, 1, 2]) {
      const sections = buildEquations(sessionOf(c, 'backward-output'), { ...FOCUS, sample: j, output: r, hidden: 1 });
      close(titles(line(sections, 'bo.dz')).at(-1), c.dZ2[r][j]);
      close(c.dZ2[r][j], c.A2[r][j] - c.Y[r][j]);
      // ∂L/∂a_c = −1/a_c, ∂a_c/∂z_r = a_c(δ_cr − a_r): their product is a_r − y_r.
      const factors = titles(line(sections, 'bo.chain.ce.factors'));
      close(factors[1], -1 / c.A2[k][j]);
      close(factors.find((v) => Math.abs(v - c.A2[k][j] * ((k === r ? 1 : 0) - c.A2[r][j])) < 1e-12), c.A2[k][j] * ((k === r ? 1 : 0) - c.A2[r][j]));
      close(titles(line(sections, 'bo.chain.ce.dz')).at(-1), c.dZ2[r][j]);
    }
  });
});
