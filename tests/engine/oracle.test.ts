// Oracle tests: the engine against numbers from real NumPy and PyTorch in float64, written by
// tests/fixtures/generate_network.py (tutorial.json, autograd.json, optimizers.json).
// Set ORACLE_REPORT=1 to print the worst relative error of every comparison.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  accuracy,
  backward,
  computeLoss,
  createOptimizer,
  forward,
  fromRows,
  initialOptimizerState,
  initializeParameters,
  numpyRandom,
  optimizerStep,
  predict,
  toRows,
} from '../../src/engine/index';
import type { Gradients, Matrix, NetworkConfig, OptimizerSpec, Params } from '../../src/engine/index';
import { expectWithinUlps } from '../fixtures/compare';
import { oracleReport, type ParamRows } from '../fixtures/oracleReport';

type Rows = number[][];
type GradName = 'dW1' | 'db1' | 'dW2' | 'db2';
const PARAM_NAMES = ['W1', 'b1', 'W2', 'b2'] as const;
const GRAD_NAMES: readonly GradName[] = ['dW1', 'db1', 'dW2', 'db2'];

interface TutorialFixture {
  config: NetworkConfig;
  dataSeed: number;
  paramSeed: number;
  learningRate: number;
  trainCount: number;
  X: Rows;
  Y: Rows;
  initialParams: ParamRows;
  iteration0: Record<'Z1' | 'A1' | 'Z2' | 'A2' | 'dZ2' | 'dA1' | 'dZ1' | GradName, Rows> & { cost: number; torchCost: number };
  paramsAfterOneUpdate: ParamRows;
  run: {
    iterations: number;
    costs: [number, number][];
    finalParams: ParamRows;
    trainA2: Rows;
    testA2: Rows;
    trainCorrect: number;
    trainTotal: number;
    testCorrect: number;
    testTotal: number;
    trainAccuracy: number;
    testAccuracy: number;
  };
}

interface AutogradCase extends Partial<Record<GradName, Rows>> {
  name: string;
  config: NetworkConfig;
  X: Rows;
  Y: Rows;
  params: ParamRows;
  Z1: Rows;
  A1: Rows;
  Z2: Rows;
  A2: Rows;
  loss: number;
  checkGradients: boolean;
  zeroZ1?: [number, number][];
  seedGradients?: Record<GradName, Rows>;
}

interface OptimizerRun {
  name: string;
  spec: OptimizerSpec;
  minimalSpec: OptimizerSpec;
  losses: number[];
  snapshots: { step: number; params: ParamRows }[];
}

interface OptimizerProblem {
  name: string;
  config: NetworkConfig;
  X: Rows;
  Y: Rows;
  initialParams: ParamRows;
  runs: OptimizerRun[];
}

function load<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8')) as T;
}

const tutorial = load<TutorialFixture>('tutorial.json');
const autograd = load<{ cases: AutogradCase[] }>('autograd.json');
const optimizers = load<{ steps: number; problems: OptimizerProblem[] }>('optimizers.json');

const toParams = (p: ParamRows): Params => ({ W1: fromRows(p.W1), b1: fromRows(p.b1), W2: fromRows(p.W2), b2: fromRows(p.b2) });
const columns = (m: Rows, start: number, end?: number): Rows => m.map((row) => row.slice(start, end));

const { close, closeScalar, closeParams } = oracleReport();

describe('the tutorial NumPy example (tutorial.json)', () => {
  const { config, iteration0: it0, run } = tutorial;
  const m = tutorial.trainCount;
  const Xtrain = fromRows(columns(tutorial.X, 0, m));
  const Ytrain = fromRows(columns(tutorial.Y, 0, m));
  const Xtest = fromRows(columns(tutorial.X, m));
  const Ytest = fromRows(columns(tutorial.Y, m));
  const params0 = toParams(tutorial.initialParams);
  const sgd: OptimizerSpec = { kind: 'sgd', lr: tutorial.learningRate };

  it('numpyRandom(1) gives X = randn(2, 400) (within 2 ulps) and Y = randint(0, 2, (1, 400)) exactly', () => {
    const random = numpyRandom(tutorial.dataSeed);
    const X = random.randn(2, 400);
    const Y = random.randint(0, 2, 1, 400);
    // randn returns f·x with f = √(−2 ln r² / r²) ∈ [1, ∞) and |x| < 1: when Math.log is 1 ulp off
    // C's log, f is 1 ulp off, which is up to 2 ulps of the smaller product (8 of these 800 values).
    expectWithinUlps(toRows(X), tutorial.X, 2, 'X');
    expect(toRows(Y)).toEqual(tutorial.Y);
  });

  it('initializeParameters(config, { seed: 2 }) equals initialize_parameters (within 1 ulp)', () => {
    const p = initializeParameters(config, { seed: tutorial.paramSeed });
    for (const k of PARAM_NAMES) expectWithinUlps(toRows(p[k]), tutorial.initialParams[k], 1, k);
  });

  it('forward_propagation: Z1, A1, Z2, A2 of iteration 0', () => {
    const cache = forward(config, params0, Xtrain);
    close(cache.Z1, it0.Z1, 'tutorial Z1');
    close(cache.A1, it0.A1, 'tutorial A1');
    close(cache.Z2, it0.Z2, 'tutorial Z2');
    close(cache.A2, it0.A2, 'tutorial A2');
  });

  it('compute_cost of iteration 0', () => {
    const cache = forward(config, params0, Xtrain);
    closeScalar(computeLoss(config, cache.A2, Ytrain), it0.cost, 'tutorial cost');
    closeScalar(computeLoss(config, fromRows(it0.A2), Ytrain), it0.torchCost, 'tutorial cost vs torch BCELoss');
  });

  it('backward_propagation: every gradient of iteration 0', () => {
    const grads = backward(config, params0, Xtrain, Ytrain, forward(config, params0, Xtrain));
    for (const k of ['dZ2', 'dA1', 'dZ1', 'dW2', 'db2', 'dW1', 'db1'] as const) close(grads[k], it0[k], `tutorial ${k}`);
  });

  it('update_parameters(learning_rate=0.1): one step via optimizerStep and via createOptimizer', () => {
    const grads = backward(config, params0, Xtrain, Ytrain, forward(config, params0, Xtrain));
    const stepped = optimizerStep(sgd, initialOptimizerState(sgd, params0), params0, grads);
    expect(stepped.state.step).toBe(1);
    closeParams(stepped.params, tutorial.paramsAfterOneUpdate, 'tutorial update (optimizerStep)');
    closeParams(createOptimizer(sgd).step(params0, grads), tutorial.paramsAfterOneUpdate, 'tutorial update (createOptimizer)');
    // Neither call touched its inputs.
    closeParams(params0, tutorial.initialParams, 'tutorial initial params after update', 0);
  });

  describe('2000 iterations', () => {
    // One shared run, computed on first use: the cost before each update, then the final state.
    let result: { costs: number[]; params: Params; step: number } | undefined;
    const train = () => {
      if (result) return result;
      const costs: number[] = [];
      let params = params0;
      let state = initialOptimizerState(sgd, params);
      for (let i = 0; i < run.iterations; i++) {
        const cache = forward(config, params, Xtrain);
        costs.push(computeLoss(config, cache.A2, Ytrain));
        ({ params, state } = optimizerStep(sgd, state, params, backward(config, params, Xtrain, Ytrain, cache)));
      }
      result = { costs, params, step: state.step };
      return result;
    };

    it('costs every 100 iterations and at 1999 (1e-10 relative: error accumulates)', () => {
      const { costs } = train();
      const actual = run.costs.map(([i]) => [costs[i] ?? NaN]);
      close(actual, run.costs.map(([, c]) => [c]), 'tutorial run costs', 1e-10);
    });

    it('final parameters (1e-10 relative)', () => {
      const { params: final, step } = train();
      expect(step).toBe(run.iterations);
      closeParams(final, run.finalParams, 'tutorial run final', 1e-10);
    });

    it('predict (A2 > 0.5): train and test accuracy', () => {
      const final = train().params;
      const trainA2 = forward(config, final, Xtrain).A2;
      const testA2 = forward(config, final, Xtest).A2;
      close(trainA2, run.trainA2, 'tutorial run train A2', 1e-10);
      close(testA2, run.testA2, 'tutorial run test A2', 1e-10);
      // The engine's predict and accuracy, and the tutorial's count of (A2 > 0.5) == Y.
      const count = (labels: Matrix, Y: Matrix) => labels.data.reduce((n, v, k) => n + (v === Y.data[k] ? 1 : 0), 0);
      expect(count(predict(config, final, Xtrain), Ytrain)).toBe(run.trainCorrect);
      expect(count(predict(config, final, Xtest), Ytest)).toBe(run.testCorrect);
      expect(accuracy(trainA2, Ytrain)).toBe(run.trainAccuracy);
      expect(accuracy(testA2, Ytest)).toBe(run.testAccuracy);
      expect([run.trainTotal, run.testTotal]).toEqual([Ytrain.cols, Ytest.cols]);
    });
  });
});

describe('torch autograd (autograd.json)', () => {
  for (const c of autograd.cases) {
    describe(c.name, () => {
      const params = toParams(c.params);
      const X = fromRows(c.X);
      const Y = fromRows(c.Y);

      it('forward Z1, A1, Z2, A2 and the loss', () => {
        const cache = forward(c.config, params, X);
        close(cache.Z1, c.Z1, `${c.name}: Z1`);
        close(cache.A1, c.A1, `${c.name}: A1`);
        close(cache.Z2, c.Z2, `${c.name}: Z2`);
        close(cache.A2, c.A2, `${c.name}: A2`);
        closeScalar(computeLoss(c.config, cache.A2, Y), c.loss, `${c.name}: loss`);
        for (const [i, j] of c.zeroZ1 ?? []) expect(cache.Z1.data[i * cache.Z1.cols + j]).toBe(0);
      });

      if (c.checkGradients) {
        it('dW1, db1, dW2, db2 equal torch autograd', () => {
          const grads: Gradients = backward(c.config, params, X, Y, forward(c.config, params, X));
          for (const k of GRAD_NAMES) close(grads[k], c[k] as Rows, `${c.name}: ${k}`);
        });
      } else if (c.seedGradients) {
        // Saturated bce: torch's BCELoss backward clamps its denominator at 1e-12 and so reports ~0;
        // ENGINE.md's backward (dZ2 = (A2 − Y)/o) is checked against the same formula in NumPy.
        it('gradients are finite and follow the seed formula (dZ2 = (A2 − Y)/o)', () => {
          const grads: Gradients = backward(c.config, params, X, Y, forward(c.config, params, X));
          for (const k of GRAD_NAMES) close(grads[k], c.seedGradients?.[k] as Rows, `${c.name}: seed ${k}`);
        });
      }

      if (c.zeroZ1 && c.zeroZ1.length > 1) {
        it('a hidden unit stuck at Z1 = 0 gets exactly zero gradients (ReLU′(0) = 0)', () => {
          const grads = backward(c.config, params, X, Y, forward(c.config, params, X));
          const unit = c.zeroZ1?.[0][0] ?? 0;
          expect(toRows(grads.dW1)[unit].every((v) => v === 0)).toBe(true);
          expect(grads.db1.data[unit]).toBe(0);
        });
      }
    });
  }
});

describe('torch.optim trajectories (optimizers.json)', () => {
  for (const problem of optimizers.problems) {
    describe(problem.name, () => {
      const { config } = problem;
      const X = fromRows(problem.X);
      const Y = fromRows(problem.Y);
      const initial = toParams(problem.initialParams);

      for (const r of problem.runs) {
        it(`${r.name}: loss before every step and params after steps ${r.snapshots.map((s) => s.step).join(', ')}`, () => {
          const snapshots = new Map(r.snapshots.map((s) => [s.step, s.params]));
          const losses: number[] = [];
          let params = initial;
          let state = initialOptimizerState(r.spec, params);
          for (let step = 1; step <= r.losses.length; step++) {
            const cache = forward(config, params, X);
            losses.push(computeLoss(config, cache.A2, Y));
            ({ params, state } = optimizerStep(r.spec, state, params, backward(config, params, X, Y, cache)));
            const expected = snapshots.get(step);
            if (expected) closeParams(params, expected, `${problem.name} ${r.name} step ${step}`);
          }
          expect(state.step).toBe(r.losses.length);
          close([losses], [r.losses], `${problem.name} ${r.name} losses`);
        });

        it(`${r.name}: createOptimizer with torch's defaults (${JSON.stringify(r.minimalSpec)})`, () => {
          const optimizer = createOptimizer(r.minimalSpec);
          let params = initial;
          for (let step = 1; step <= r.losses.length; step++) {
            params = optimizer.step(params, backward(config, params, X, Y, forward(config, params, X)));
          }
          const last = r.snapshots[r.snapshots.length - 1];
          expect(last.step).toBe(r.losses.length);
          closeParams(params, last.params, `${problem.name} ${r.name} createOptimizer step ${last.step}`);
        });
      }
    });
  }
});
