// Oracle tests of softmax with categorical cross-entropy: the engine against NumPy (the
// tutorial's style) and PyTorch (F.cross_entropy on the logits, torch.optim) in float64, from
// tests/fixtures/softmax.json, written by tests/fixtures/generate_softmax.py.
// Set ORACLE_REPORT=1 to print the worst relative error of every comparison.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  accuracy, advanceSession, backward, classAccuracies, computeLoss, createOptimizer, createTrainer, forward, fromRows,
  initialOptimizerState, optimizerStep, predict, startSession, toRows,
} from '../../src/engine/index';
import type { NetworkConfig, OptimizerSpec, Params, SessionSetup } from '../../src/engine/index';
import { expectSameBits } from '../fixtures/compare';
import { oracleReport, type ParamRows } from '../fixtures/oracleReport';

type Rows = number[][];
const MATRICES = ['Z1', 'A1', 'Z2', 'A2'] as const;
const GRADIENTS = ['dZ2', 'dA1', 'dZ1', 'dW1', 'db1', 'dW2', 'db2'] as const;

interface Case extends Record<(typeof MATRICES)[number] | (typeof GRADIENTS)[number], Rows> {
  name: string;
  config: NetworkConfig;
  X: Rows;
  Y: Rows;
  labels: number[];
  params: ParamRows;
  loss: number;
  torchLoss: number;
  clampedCount?: number;
}
interface Run { name: string; spec: OptimizerSpec; minimalSpec: OptimizerSpec; losses: number[]; snapshots: { step: number; params: ParamRows }[] }
interface Fixture {
  cases: Case[];
  optimizers: {
    config: NetworkConfig; X: Rows; Y: Rows; initialParams: ParamRows; runs: Run[];
    minibatch: { spec: OptimizerSpec; batchSize: number; shuffleSeed: number; losses: number[]; batches: number[][]; finalParams: ParamRows };
  };
}

const fixture = JSON.parse(readFileSync(new URL('../fixtures/softmax.json', import.meta.url), 'utf8')) as Fixture;
const toParams = (p: ParamRows): Params => ({ W1: fromRows(p.W1), b1: fromRows(p.b1), W2: fromRows(p.W2), b2: fromRows(p.b2) });

const { close, closeScalar, closeParams } = oracleReport();

describe('forward, loss and every gradient against NumPy and torch F.cross_entropy (softmax.json)', () => {
  for (const c of fixture.cases) {
    describe(c.name, () => {
      const params = toParams(c.params);
      const X = fromRows(c.X);
      const Y = fromRows(c.Y);

      it('Z1, A1, Z2, A2 = softmax(Z2), and the loss (mean over the m samples)', () => {
        const cache = forward(c.config, params, X);
        for (const k of MATRICES) close(cache[k], c[k], `${c.name}: ${k}`);
        const loss = computeLoss(c.config, cache.A2, Y);
        closeScalar(loss, c.loss, `${c.name}: loss vs NumPy`);
        if (c.clampedCount === undefined) closeScalar(loss, c.torchLoss, `${c.name}: loss vs torch`);
      });

      it('dZ2 = A2 − Y and the rest of the backward pass', () => {
        const grads = backward(c.config, params, X, Y, forward(c.config, params, X));
        for (const k of GRADIENTS) close(grads[k], c[k], `${c.name}: ${k}`);
      });

      it('predict is each column\'s argmax; accuracy compares argmaxes; classAccuracies counts per class', () => {
        const A2 = fromRows(c.A2);
        // The fixture's own argmax of A2 (first on a tie, as np.argmax)
        const argmax = c.A2[0].map((_, j) => c.A2.reduce((best, row, i) => (row[j] > c.A2[best][j] ? i : best), 0));
        expect(toRows(predict(c.config, params, X))).toEqual([argmax]);
        const correct = argmax.filter((k, j) => k === c.labels[j]).length;
        expect(accuracy(A2, Y, 'argmax')).toBe(correct / c.labels.length);
        const perClass = classAccuracies(A2, Y);
        expect(perClass.map((p) => p.total)).toEqual(perClass.map((_, k) => c.labels.filter((l) => l === k).length));
        expect(perClass.reduce((s, p) => s + p.correct, 0)).toBe(correct);
      });
    });
  }

  it('the saturated case costs 100 per clamped sample, where torch (unclamped) reports more', () => {
    const c = fixture.cases.find((k) => k.clampedCount !== undefined) as Case;
    const loss = computeLoss(c.config, forward(c.config, toParams(c.params), fromRows(c.X)).A2, fromRows(c.Y));
    expect(Number.isFinite(loss)).toBe(true);
    expect(loss * c.labels.length).toBeGreaterThanOrEqual(100 * (c.clampedCount as number));
    expect(c.torchLoss).toBeGreaterThan(loss);
  });
});

describe('torch.optim trajectories with F.cross_entropy (softmax.json)', () => {
  const p = fixture.optimizers;
  const X = fromRows(p.X);
  const Y = fromRows(p.Y);
  const initial = toParams(p.initialParams);

  for (const r of p.runs) {
    it(`${r.name}: the loss before every step and the params after steps ${r.snapshots.map((s) => s.step).join(', ')}`, () => {
      const snapshots = new Map(r.snapshots.map((s) => [s.step, s.params]));
      const losses: number[] = [];
      let params = initial;
      let state = initialOptimizerState(r.spec, params);
      for (let step = 1; step <= r.losses.length; step++) {
        const cache = forward(p.config, params, X);
        losses.push(computeLoss(p.config, cache.A2, Y));
        ({ params, state } = optimizerStep(r.spec, state, params, backward(p.config, params, X, Y, cache)));
        const expected = snapshots.get(step);
        if (expected) closeParams(params, expected, `${r.name} step ${step}`);
      }
      close([losses], [r.losses], `${r.name} losses`);
    });

    it(`${r.name}: the fast trainer and the phase stepper give the same bits, and torch's numbers`, () => {
      const setup: SessionSetup = { config: p.config, optimizer: r.minimalSpec, data: { X, Y }, batchSize: null, shuffleSeed: 0 };
      const optimizer = createOptimizer(r.minimalSpec);
      const start = startSession(setup, initial);
      const trainer = createTrainer(setup, { iteration: 0, params: initial, optimizerState: start.optimizerState });
      const losses = new Float64Array(r.losses.length);
      trainer.run(r.losses.length, losses);
      const end = advanceSession(start, r.losses.length, 'forward-hidden');
      expectSameBits(trainer.snapshot().params, end.params, 'trainer vs stepper');
      let params = initial;
      for (let step = 0; step < r.losses.length; step++) params = optimizer.step(params, backward(p.config, params, X, Y, forward(p.config, params, X)));
      const last = r.snapshots[r.snapshots.length - 1];
      closeParams(end.params, last.params, `${r.name} stepper`);
      closeParams(params, last.params, `${r.name} createOptimizer`);
      close([Array.from(losses)], [r.losses], `${r.name} trainer losses`);
    });
  }

  it('mini-batch Adam in the engine\'s batch order equals torch over the same batches', () => {
    const mb = p.minibatch;
    const setup: SessionSetup = { config: p.config, optimizer: mb.spec, data: { X, Y }, batchSize: mb.batchSize, shuffleSeed: mb.shuffleSeed };
    let s = startSession(setup, initial);
    const losses: number[] = [];
    for (let it = 0; it < mb.losses.length; it++) {
      expect(Array.from(s.batch.indices ?? [])).toEqual(mb.batches[it]);
      s = advanceSession(s, it, 'loss');
      losses.push(s.loss as number);
      s = advanceSession(s, it + 1, 'forward-hidden');
    }
    close([losses], [mb.losses], 'mini-batch losses');
    closeParams(s.params, mb.finalParams, 'mini-batch final');
    const trainer = createTrainer(setup, { iteration: 0, params: initial, optimizerState: initialOptimizerState(mb.spec, initial) });
    trainer.run(mb.losses.length);
    expectSameBits(trainer.snapshot().params, s.params, 'mini-batch trainer vs stepper');
  });
});
