// Property tests of the engine (STYLE.md §8): gradients match central finite differences, six
// phase steps equal one full iteration, the fast trainer equals the stepper bit for bit, inputs
// are never mutated, the same seed gives the same bits, and bad input throws a named error.
// A failure prints fast-check's seed and path: replay it with `{ seed, path }` as the second
// argument of `test.prop`.
import { describe, expect, it } from 'vitest';
import { fc, test } from '../prop';
import { expectSameBits } from '../fixtures/compare';
import {
  LIMITS,
  LOSSES,
  PHASES,
  advanceSession,
  backward,
  batchFor,
  computeLoss,
  createOptimizer,
  createTrainer,
  derivative,
  forward,
  fromRows,
  initialOptimizerState,
  initializeParameters,
  matrix,
  numpyRandom,
  optimizerStep,
  sigmoid,
  softmax,
  startSession,
  stepSession,
} from '../../src/engine/index';
import type {
  Activation,
  ForwardCache,
  LossKind,
  Gradients,
  Matrix,
  NetworkConfig,
  OptimizerSpec,
  OptimizerState,
  Params,
  Session,
  SessionSetup,
} from '../../src/engine/index';

// ---------------------------------------------------------------------------------------------
// Helpers

const ACTIVATIONS: readonly Activation[] = ['tanh', 'sigmoid', 'relu', 'linear'];
const PARAM_NAMES = ['W1', 'b1', 'W2', 'b2'] as const;
type ParamName = (typeof PARAM_NAMES)[number];
const GRAD_OF = { W1: 'dW1', b1: 'db1', W2: 'dW2', b2: 'db2' } as const satisfies Record<ParamName, keyof Gradients>;

function deepCopy<T>(value: T): T {
  if (ArrayBuffer.isView(value)) return (value as unknown as Float64Array).slice() as unknown as T;
  if (Array.isArray(value)) return value.map(deepCopy) as unknown as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, deepCopy(v)])) as T;
  }
  return value;
}

function maxAbs(m: Matrix): number {
  return m.data.reduce((acc, v) => Math.max(acc, Math.abs(v)), 0);
}

/** What the engine prints for a bad value: numbers as String, strings quoted, the rest as JSON. */
function printed(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  return JSON.stringify(value) ?? String(value);
}

/** Runs `run`, expects an Error naming `field` and containing `value` (already printed). */
function expectNamedError(run: () => unknown, field: RegExp, value: string): void {
  let error: unknown = null;
  try {
    run();
  } catch (e) {
    error = e;
  }
  expect(error, 'expected an Error').toBeInstanceOf(Error);
  const message = (error as Error).message;
  expect(message).toMatch(field);
  expect(message).toContain(value);
}

// ---------------------------------------------------------------------------------------------
// Arbitraries

const activationArb = fc.constantFrom(...ACTIVATIONS);

/** Small networks: bce always with a sigmoid output, ce with softmax over 2–4 outputs, mse with any element-wise output. */
const configArb: fc.Arbitrary<NetworkConfig> = fc
  .record({
    inputSize: fc.integer({ min: 1, max: 4 }),
    hiddenSize: fc.integer({ min: 1, max: 6 }),
    outputSize: fc.integer({ min: 1, max: 3 }),
    hiddenActivation: activationArb,
    outputActivation: activationArb,
    loss: fc.constantFrom<LossKind>('bce', 'mse', 'ce'),
  })
  .map(({ loss, ...c }): NetworkConfig => {
    if (loss === 'bce') return { ...c, outputActivation: 'sigmoid', loss };
    if (loss === 'ce') return { ...c, outputSize: c.outputSize + 1, outputActivation: 'softmax', loss };
    return { ...c, loss };
  });

function matrixArb(rows: number, cols: number, bound: number): fc.Arbitrary<Matrix> {
  return fc
    .array(fc.double({ min: -bound, max: bound, noNaN: true }), { minLength: rows * cols, maxLength: rows * cols })
    .map((values) => matrix(rows, cols, Float64Array.from(values)));
}

function binaryMatrixArb(rows: number, cols: number): fc.Arbitrary<Matrix> {
  return fc
    .array(fc.constantFrom(0, 1), { minLength: rows * cols, maxLength: rows * cols })
    .map((values) => matrix(rows, cols, Float64Array.from(values)));
}

/** One-hot columns: each of the m columns has a single 1 in a random row. */
function oneHotArb(rows: number, cols: number): fc.Arbitrary<Matrix> {
  return fc.array(fc.integer({ min: 0, max: rows - 1 }), { minLength: cols, maxLength: cols }).map((labels) => {
    const data = new Float64Array(rows * cols);
    labels.forEach((k, j) => (data[k * cols + j] = 1));
    return matrix(rows, cols, data);
  });
}

/** Targets that fit the loss: 0/1 for bce, one-hot for ce, any bounded value for mse. */
function targetsArb(config: NetworkConfig, m: number): fc.Arbitrary<Matrix> {
  const o = config.outputSize;
  return config.loss === 'bce' ? binaryMatrixArb(o, m) : config.loss === 'ce' ? oneHotArb(o, m) : matrixArb(o, m, 3);
}

interface Problem {
  config: NetworkConfig;
  params: Params;
  X: Matrix;
  Y: Matrix;
}

/** A config, params with |w| ≤ 2, X with |x| ≤ 3 and m columns, Y binary for bce and one-hot for ce. */
function problemArb(maxSamples = 8): fc.Arbitrary<Problem> {
  return fc.tuple(configArb, fc.integer({ min: 1, max: maxSamples })).chain(([config, m]) => {
    const { inputSize: n, hiddenSize: h, outputSize: o } = config;
    return fc.record({
      config: fc.constant(config),
      params: fc.record({ W1: matrixArb(h, n, 2), b1: matrixArb(h, 1, 2), W2: matrixArb(o, h, 2), b2: matrixArb(o, 1, 2) }),
      X: matrixArb(n, m, 3),
      Y: targetsArb(config, m),
    });
  });
}

const unit = (min: number, max: number) => fc.double({ min, max, noNaN: true });

/** Every optimizer kind with random hyperparameters; optional ones are sometimes left to torch's defaults. */
const optimizerArb: fc.Arbitrary<OptimizerSpec> = fc.oneof(
  fc.record(
    { kind: fc.constant('sgd' as const), lr: unit(0, 1), momentum: unit(0, 0.99), weightDecay: unit(0, 0.1) },
    { requiredKeys: ['kind', 'lr'] },
  ),
  fc.record(
    {
      kind: fc.constant('rmsprop' as const), lr: unit(0, 0.1), alpha: unit(0, 1), eps: unit(1e-10, 1e-3),
      momentum: unit(0, 0.99), weightDecay: unit(0, 0.1),
    },
    { requiredKeys: ['kind', 'lr'] },
  ),
  fc.record(
    {
      kind: fc.constant('adam' as const), lr: unit(0, 0.1), beta1: unit(0, 0.999), beta2: unit(0, 0.9999),
      eps: unit(1e-10, 1e-3), weightDecay: unit(0, 0.1),
    },
    { requiredKeys: ['kind', 'lr'] },
  ),
);

/** A whole training setup: problem, optimizer, full batch or a mini-batch size, shuffle seed. */
const setupArb: fc.Arbitrary<{ setup: SessionSetup; params: Params }> = problemArb().chain((p) =>
  fc
    .record({
      optimizer: optimizerArb,
      batchSize: fc.option(fc.integer({ min: 1, max: p.X.cols }), { nil: null }),
      shuffleSeed: fc.oneof(fc.integer({ min: 0, max: 100 }), fc.constant(2 ** 32 - 1)),
    })
    .map(({ optimizer, batchSize, shuffleSeed }) => ({
      setup: { config: p.config, optimizer, data: { X: p.X, Y: p.Y }, batchSize, shuffleSeed },
      params: p.params,
    })),
);

function stepTimes(s: Session, count: number): Session {
  let current = s;
  for (let k = 0; k < count; k++) current = stepSession(current);
  return current;
}

/** k iterations the long way: forward, backward, optimizerStep on each iteration's batch. */
function referenceRun(setup: SessionSetup, params: Params, k: number): { params: Params; state: OptimizerState; losses: number[] } {
  let current = { params, state: initialOptimizerState(setup.optimizer, params) };
  const losses: number[] = [];
  for (let it = 0; it < k; it++) {
    const batch = batchFor(setup, it);
    const cache = forward(setup.config, current.params, batch.X);
    losses.push(computeLoss(setup.config, cache.A2, batch.Y));
    const grads = backward(setup.config, current.params, batch.X, batch.Y, cache);
    current = optimizerStep(setup.optimizer, current.state, current.params, grads);
  }
  return { ...current, losses };
}

// ---------------------------------------------------------------------------------------------
// Gradients

describe('backward', () => {
  const STEP = 1e-6;

  /**
   * For bce and ce, scales W2 and b2 so |Z2| ≤ 4: near saturation 1 − A2 loses its digits (bce)
   * or a log is clamped at −100 (both), and L's finite differences turn into steps.
   */
  function keepOutputModerate(p: Problem): Problem {
    if (p.config.loss === 'mse') return p;
    const z = maxAbs(forward(p.config, p.params, p.X).Z2);
    if (z <= 4) return p;
    const s = 4 / z;
    const scale = (m: Matrix) => matrix(m.rows, m.cols, m.data.map((v) => v * s));
    return { ...p, params: { ...p.params, W2: scale(p.params.W2), b2: scale(p.params.b2) } };
  }

  function nearReluKink(config: NetworkConfig, cache: ForwardCache): boolean {
    const near = (m: Matrix) => m.data.some((z) => Math.abs(z) < 1e-4);
    return (config.hiddenActivation === 'relu' && near(cache.Z1)) || (config.outputActivation === 'relu' && near(cache.Z2));
  }

  test.prop([problemArb()], { numRuns: 200 })('dW1, db1, dW2, db2 match central finite differences of the loss', (raw) => {
    const { config, params, X, Y } = keepOutputModerate(raw);
    const cache = forward(config, params, X);
    fc.pre(!nearReluKink(config, cache));
    const grads = backward(config, params, X, Y, cache);
    const lossAt = (name: ParamName, k: number, value: number) => {
      const data = params[name].data.slice();
      data[k] = value;
      const moved = { ...params, [name]: matrix(params[name].rows, params[name].cols, data) };
      return computeLoss(config, forward(config, moved, X).A2, Y);
    };
    const mismatches: string[] = [];
    for (const name of PARAM_NAMES) {
      const analytic = grads[GRAD_OF[name]];
      expect([analytic.rows, analytic.cols]).toEqual([params[name].rows, params[name].cols]);
      for (let k = 0; k < analytic.data.length; k++) {
        const p = params[name].data[k];
        const up = p + STEP;
        const down = p - STEP;
        const numeric = (lossAt(name, k, up) - lossAt(name, k, down)) / (up - down);
        // 1e-6 relative + 1e-8 absolute (the worst of 10,000 samples used 14% of it)
        const tolerance = 1e-6 * Math.abs(analytic.data[k]) + 1e-8;
        const error = Math.abs(numeric - analytic.data[k]);
        if (!(error <= tolerance)) mismatches.push(`${GRAD_OF[name]}[${k}]: analytic ${analytic.data[k]}, numeric ${numeric}`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// The stepper against the whole-iteration functions, and the trainer against the stepper

describe('stepSession', () => {
  test.prop([setupArb, fc.integer({ min: 1, max: 3 })], { numRuns: 120 })(
    'six phase steps per iteration equal forward, backward and optimizerStep, bit for bit',
    ({ setup, params }, k) => {
      const start = startSession(setup, params);
      const expected = referenceRun(setup, params, k);
      let s = start;
      for (let it = 0; it < k; it++) {
        expect(s.phase).toBe('forward-hidden');
        const update = stepTimes(s, PHASES.length - 1);
        expect(update.phase).toBe('update');
        expect(Object.is(update.loss, expected.losses[it])).toBe(true);
        s = stepSession(update);
        expectSameBits(s.params, update.next?.params, 'params');
      }
      expect(s.iteration).toBe(k);
      expect(s.phase).toBe('forward-hidden');
      expectSameBits(s.params, expected.params, 'params');
      expectSameBits(s.optimizerState, expected.state, 'optimizerState');
    },
  );
});

describe('createTrainer', () => {
  test.prop([setupArb, fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 5 })], { numRuns: 120 })(
    'run(k) then snapshot() equals k iterations of stepSession, bit for bit, also resumed and split',
    ({ setup, params }, a, b) => {
      const start = startSession(setup, params);
      const trainer = createTrainer(setup, { iteration: 0, params, optimizerState: start.optimizerState });
      const losses = new Float64Array(a + b).fill(NaN);
      trainer.run(a, losses);
      const first = trainer.snapshot();
      const atA = advanceSession(start, a, 'forward-hidden');
      expect(first.iteration).toBe(a);
      expectSameBits(first.params, atA.params, 'params');
      expectSameBits(first.optimizerState, atA.optimizerState, 'optimizerState');

      trainer.run(b, losses, a);
      const atAB = advanceSession(atA, a + b, 'forward-hidden');
      const second = trainer.snapshot();
      expect(second.iteration).toBe(a + b);
      expectSameBits(second.params, atAB.params, 'params');
      expectSameBits(second.optimizerState, atAB.optimizerState, 'optimizerState');
      expectSameBits(first.params, atA.params, 'earlier snapshot');

      // A trainer resumed from the session's iteration a lands on the same bits.
      const resumed = createTrainer(setup, { iteration: a, params: atA.params, optimizerState: atA.optimizerState });
      resumed.run(b);
      expectSameBits(resumed.snapshot(), second, 'resumed');

      // Each iteration's batch loss equals the session's loss phase.
      const sessionLosses: number[] = [];
      for (let it = 0; it < a + b; it++) sessionLosses.push(advanceSession(start, it, 'loss').loss as number);
      expectSameBits(Array.from(losses), sessionLosses, 'losses');
    },
  );
});

// ---------------------------------------------------------------------------------------------
// Purity

describe('inputs are never mutated', () => {
  test.prop([setupArb], { numRuns: 60 })(
    'forward, backward, optimizerStep, stepSession and createTrainer+run leave their arguments as they were',
    ({ setup, params }) => {
      const { config, optimizer } = setup;
      const { X, Y } = setup.data;
      const setupCopy = deepCopy(setup);
      const paramsCopy = deepCopy(params);

      const cache = forward(config, params, X);
      const cacheCopy = deepCopy(cache);
      const grads = backward(config, params, X, Y, cache);
      const gradsCopy = deepCopy(grads);
      // A state with non-zero buffers and step count 1, so every buffer is read.
      const state = optimizerStep(optimizer, initialOptimizerState(optimizer, params), params, grads).state;
      const stateCopy = deepCopy(state);
      optimizerStep(optimizer, state, params, grads);
      createOptimizer(optimizer).step(params, grads);

      // Every session of two iterations keeps the fields it had when it was made.
      const sessions = [startSession(setup, params, state)];
      const copies = [deepCopy(sessions[0])];
      for (let k = 0; k < 2 * PHASES.length; k++) {
        sessions.push(stepSession(sessions[k]));
        copies.push(deepCopy(sessions[k + 1]));
      }

      const startSnapshot = { iteration: 3, params, optimizerState: state };
      const trainer = createTrainer(setup, startSnapshot);
      trainer.run(2);
      const snapshot = trainer.snapshot();
      const snapshotCopy = deepCopy(snapshot);
      trainer.run(2);

      expectSameBits(setup, setupCopy, 'setup');
      expectSameBits(params, paramsCopy, 'params');
      expectSameBits(cache, cacheCopy, 'cache');
      expectSameBits(grads, gradsCopy, 'grads');
      expectSameBits(state, stateCopy, 'optimizerState');
      expect(startSnapshot.iteration).toBe(3);
      expectSameBits(snapshot, snapshotCopy, 'trainer snapshot after more runs');
      sessions.forEach((s, k) => expectSameBits(s, copies[k], `session ${k}`));
    },
  );
});

// ---------------------------------------------------------------------------------------------
// Determinism

describe('the same seed gives the same bits', () => {
  const seedArb = fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 2 ** 32 - 1 }));

  test.prop([configArb, seedArb, fc.option(unit(0, 2), { nil: undefined }), seedArb], { numRuns: 60 })(
    'initializeParameters',
    (config, seed, scale, otherSeed) => {
      const first = initializeParameters(config, { seed, scale });
      initializeParameters(config, { seed: otherSeed, scale }); // no state carries over between calls
      numpyRandom(otherSeed).randn(3, 3);
      const second = initializeParameters(deepCopy(config), { seed, scale });
      expectSameBits(second, first);
      expect(Array.from(first.b1.data).every((v) => v === 0) && Array.from(first.b2.data).every((v) => v === 0)).toBe(true);
    },
  );

  test.prop([setupArb, seedArb, fc.integer({ min: 0, max: 3 * PHASES.length })], { numRuns: 60 })(
    'startSession and stepping from it',
    ({ setup }, seed, phases) => {
      const params = initializeParameters(setup.config, { seed, scale: 0.5 });
      const first = stepTimes(startSession(setup, params), phases);
      const second = stepTimes(startSession(deepCopy(setup), initializeParameters(setup.config, { seed, scale: 0.5 })), phases);
      expectSameBits(second, first);
    },
  );
});

// ---------------------------------------------------------------------------------------------
// Bad input

describe('bad input throws an Error naming the field and the value', () => {
  // n = 2, h = 3, o = 1, m = 4; tanh hidden, sigmoid output, bce.
  const CONFIG: NetworkConfig = { inputSize: 2, hiddenSize: 3, outputSize: 1, hiddenActivation: 'tanh', outputActivation: 'sigmoid', loss: 'bce' };
  const MSE: NetworkConfig = { ...CONFIG, loss: 'mse' };
  const PARAMS: Params = {
    W1: fromRows([[0.1, -0.2], [0.3, 0.4], [-0.5, 0.6]]),
    b1: fromRows([[0], [0.1], [-0.1]]),
    W2: fromRows([[0.7, -0.8, 0.9]]),
    b2: fromRows([[0.05]]),
  };
  const X = fromRows([[0.5, -1, 2, 0], [1, 0, -0.5, 3]]);
  const Y = fromRows([[1, 0, 1, 0]]);
  const SGD: OptimizerSpec = { kind: 'sgd', lr: 0.5 };
  // The same network with three softmax outputs and categorical cross-entropy.
  const CE: NetworkConfig = { ...CONFIG, outputSize: 3, outputActivation: 'softmax', loss: 'ce' };
  const CE_PARAMS: Params = { ...PARAMS, W2: fromRows([[0.7, -0.8, 0.9], [0.1, 0.2, -0.3], [-0.4, 0.5, 0.6]]), b2: fromRows([[0.05], [0], [-0.05]]) };
  const CE_Y_ROWS = [[1, 0, 0, 0], [0, 1, 0, 1], [0, 0, 1, 0]];
  const CE_Y = fromRows(CE_Y_ROWS);
  const setupWith = (patch: Partial<SessionSetup>): SessionSetup => ({
    config: CONFIG, optimizer: SGD, data: { X, Y }, batchSize: null, shuffleSeed: 0, ...patch,
  });
  const trainFrom = (setup: SessionSetup, params = PARAMS) =>
    createTrainer(setup, { iteration: 0, params, optimizerState: { step: 0, buffers: {} } });
  const withEntry = (m: Matrix, k: number, v: number) => {
    const data = m.data.slice();
    data[k] = v;
    return matrix(m.rows, m.cols, data);
  };
  const cfg = (patch: Record<string, unknown>) => ({ ...CONFIG, ...patch }) as NetworkConfig;
  const opt = (spec: Record<string, unknown>) => spec as unknown as OptimizerSpec;

  type Case = [name: string, run: () => unknown, field: RegExp, value: string];
  const configCases: [patch: Record<string, unknown>, field: RegExp, value: string][] = [
    [{ inputSize: 0 }, /inputSize/, '0'],
    [{ inputSize: -2 }, /inputSize/, '-2'],
    [{ hiddenSize: 0 }, /hiddenSize/, '0'],
    [{ hiddenSize: -1 }, /hiddenSize/, '-1'],
    [{ hiddenSize: 2.5 }, /hiddenSize/, '2.5'],
    [{ hiddenSize: 1e9 }, /hiddenSize/, '1000000000'],
    [{ hiddenSize: NaN }, /hiddenSize/, 'NaN'],
    [{ hiddenSize: Infinity }, /hiddenSize/, 'Infinity'],
    [{ hiddenSize: '3' }, /hiddenSize/, '"3"'],
    [{ outputSize: 0 }, /outputSize/, '0'],
    [{ outputSize: 1e6 }, /outputSize/, '1000000'],
    [{ hiddenActivation: 'softmax' }, /hiddenActivation.*output layer only/, '"softmax"'],
    [{ loss: 'ce' }, /outputActivation.*softmax when loss is ce/, '"sigmoid"'],
    [{ outputActivation: 'softmax' }, /outputActivation.*bce/, '"softmax"'],
    [{ outputActivation: 'softmax', loss: 'mse' }, /loss.*ce when the output is softmax/, '"mse"'],
    [{ outputActivation: 'softmax', loss: 'ce' }, /outputSize.*at least 2 for ce/, '1'],
    [{ hiddenActivation: undefined }, /hiddenActivation/, 'undefined'],
    [{ outputActivation: 'gelu' }, /outputActivation/, '"gelu"'],
    [{ loss: 'hinge' }, /loss/, '"hinge"'],
    [{ outputActivation: 'tanh' }, /outputActivation.*bce|bce.*outputActivation/, '"tanh"'],
    [{ outputActivation: 'linear' }, /outputActivation/, '"linear"'],
  ];
  const cases: Case[] = [
    ...configCases.flatMap(([patch, field, value]): Case[] => {
      const label = JSON.stringify(patch) ?? '';
      return [
        [`forward with ${label}`, () => forward(cfg(patch), PARAMS, X), field, value],
        [`initializeParameters with ${label}`, () => initializeParameters(cfg(patch), { seed: 1 }), field, value],
        [`startSession with ${label}`, () => startSession(setupWith({ config: cfg(patch) }), PARAMS), field, value],
        [`createTrainer with ${label}`, () => trainFrom(setupWith({ config: cfg(patch) })), field, value],
      ];
    }),

    // Non-finite entries, named with their position.
    ['NaN in X', () => forward(CONFIG, PARAMS, withEntry(X, 5, NaN)), /X\[1\]\[1\]/, 'NaN'],
    ['Infinity in X', () => startSession(setupWith({ data: { X: withEntry(X, 2, Infinity), Y } }), PARAMS), /X\[0\]\[2\]/, 'Infinity'],
    ['NaN in W1', () => forward(CONFIG, { ...PARAMS, W1: withEntry(PARAMS.W1, 3, NaN) }, X), /W1\[1\]\[1\]/, 'NaN'],
    ['NaN in b1', () => backward(CONFIG, { ...PARAMS, b1: withEntry(PARAMS.b1, 2, NaN) }, X, Y, forward(CONFIG, PARAMS, X)), /b1\[2\]\[0\]/, 'NaN'],
    ['-Infinity in W2', () => startSession(setupWith({}), { ...PARAMS, W2: withEntry(PARAMS.W2, 1, -Infinity) }), /W2\[0\]\[1\]/, '-Infinity'],
    ['NaN in b2', () => trainFrom(setupWith({}), { ...PARAMS, b2: withEntry(PARAMS.b2, 0, NaN) }), /b2\[0\]\[0\]/, 'NaN'],
    ['NaN in Y (mse)', () => computeLoss(MSE, forward(MSE, PARAMS, X).A2, withEntry(Y, 3, NaN)), /Y\[0\]\[3\]/, 'NaN'],
    ['NaN in A2', () => computeLoss(MSE, withEntry(Y, 0, NaN), Y), /A2\[0\]\[0\]/, 'NaN'],

    // Wrong shapes.
    ['W1 transposed', () => forward(CONFIG, { ...PARAMS, W1: matrix(2, 3) }, X), /W1/, 'a 2×3 matrix'],
    ['b1 as a row', () => forward(CONFIG, { ...PARAMS, b1: matrix(1, 3) }, X), /b1/, 'a 1×3 matrix'],
    ['W2 too wide', () => startSession(setupWith({}), { ...PARAMS, W2: matrix(1, 4) }), /W2/, 'a 1×4 matrix'],
    ['b2 too tall', () => backward(CONFIG, { ...PARAMS, b2: matrix(2, 1) }, X, Y, forward(CONFIG, PARAMS, X)), /b2/, 'a 2×1 matrix'],
    ['X with 3 rows', () => forward(CONFIG, PARAMS, matrix(3, 4)), /X/, 'a 3×4 matrix'],
    ['X with no columns', () => forward(CONFIG, PARAMS, matrix(2, 0)), /X/, '0'],
    ['Y with 3 columns', () => startSession(setupWith({ data: { X, Y: matrix(1, 3) } }), PARAMS), /Y/, 'a 1×3 matrix'],
    ['Y with 2 rows', () => computeLoss(CONFIG, forward(CONFIG, PARAMS, X).A2, matrix(2, 4)), /Y/, 'a 2×4 matrix'],
    ['A2 of the wrong shape', () => computeLoss(CONFIG, matrix(2, 4), Y), /A2/, 'a 2×4 matrix'],
    ['X not a matrix', () => forward(CONFIG, PARAMS, [[1, 2]] as unknown as Matrix), /X/, 'undefined'],
    ['W1 missing', () => forward(CONFIG, { ...PARAMS, W1: undefined } as unknown as Params, X), /W1/, 'undefined'],
    ['grads of the wrong shape', () => optimizerStep(SGD, { step: 0, buffers: {} }, PARAMS, { dW1: matrix(1, 1) } as unknown as Gradients), /dW1/, 'a 1×1 matrix'],

    // bce targets.
    ['Y = 0.5 with bce (backward)', () => backward(CONFIG, PARAMS, X, withEntry(Y, 1, 0.5), forward(CONFIG, PARAMS, X)), /Y\[0\]\[1\]/, '0.5'],
    ['Y = 2 with bce (computeLoss)', () => computeLoss(CONFIG, forward(CONFIG, PARAMS, X).A2, withEntry(Y, 2, 2)), /Y\[0\]\[2\]/, '2'],
    ['Y = -1 with bce (startSession)', () => startSession(setupWith({ data: { X, Y: withEntry(Y, 0, -1) } }), PARAMS), /Y\[0\]\[0\]/, '-1'],

    // ce targets: one-hot K × m, K = outputSize.
    ['Y = 0.5 with ce', () => computeLoss(CE, fromRows(CE_Y_ROWS), withEntry(CE_Y, 1, 0.5)), /Y\[0\]\[1\].*for ce/, '0.5'],
    ['two 1s in a column with ce', () => startSession({ ...setupWith({}), config: CE, data: { X, Y: withEntry(CE_Y, 4, 1) } }, CE_PARAMS), /Y\[:, 0\].*one-hot.*2 ones/, '[1,1,0]'],
    ['a column of 0s with ce', () => backward(CE, CE_PARAMS, X, withEntry(CE_Y, 7, 0), forward(CE, CE_PARAMS, X)), /Y\[:, 3\].*one-hot.*0 ones/, '[0,0,0]'],
    ['Y with 2 rows for 3 classes (wrong K)', () => computeLoss(CE, fromRows(CE_Y_ROWS), matrix(2, 4)), /^Y must be 3×4/, 'a 2×4 matrix'],
    ['softmax of a NaN', () => softmax(withEntry(CE_Y, 2, NaN)), /Z\[0\]\[2\]/, 'NaN'],

    // Optimizers.
    ['negative lr', () => optimizerStep(opt({ kind: 'sgd', lr: -0.1 }), { step: 0, buffers: {} }, PARAMS, backward(CONFIG, PARAMS, X, Y, forward(CONFIG, PARAMS, X))), /lr/, '-0.1'],
    ['NaN lr', () => createOptimizer(opt({ kind: 'adam', lr: NaN })), /lr/, 'NaN'],
    ['Infinite lr', () => startSession(setupWith({ optimizer: opt({ kind: 'rmsprop', lr: Infinity }) }), PARAMS), /lr/, 'Infinity'],
    ['missing lr', () => createOptimizer(opt({ kind: 'sgd' })), /lr/, 'undefined'],
    ['negative sgd momentum', () => createOptimizer(opt({ kind: 'sgd', lr: 0.1, momentum: -0.5 })), /momentum/, '-0.5'],
    ['negative rmsprop momentum', () => trainFrom(setupWith({ optimizer: opt({ kind: 'rmsprop', lr: 0.1, momentum: -1 }) })), /momentum/, '-1'],
    ['beta1 = 1', () => createOptimizer(opt({ kind: 'adam', lr: 0.1, beta1: 1 })), /beta1/, '1'],
    ['beta2 = 1', () => initialOptimizerState(opt({ kind: 'adam', lr: 0.1, beta2: 1 }), PARAMS), /beta2/, '1'],
    ['beta2 = 1.5', () => createOptimizer(opt({ kind: 'adam', lr: 0.1, beta2: 1.5 })), /beta2/, '1.5'],
    ['beta1 < 0', () => createOptimizer(opt({ kind: 'adam', lr: 0.1, beta1: -0.1 })), /beta1/, '-0.1'],
    ['alpha = 2', () => createOptimizer(opt({ kind: 'rmsprop', lr: 0.1, alpha: 2 })), /alpha/, '2'],
    ['NaN eps', () => createOptimizer(opt({ kind: 'adam', lr: 0.1, eps: NaN })), /eps/, 'NaN'],
    ['negative weightDecay', () => createOptimizer(opt({ kind: 'sgd', lr: 0.1, weightDecay: -1 })), /weightDecay/, '-1'],
    ['unknown optimizer', () => createOptimizer(opt({ kind: 'lbfgs', lr: 0.1 })), /kind/, '"lbfgs"'],
    ['state without its buffers', () => optimizerStep(opt({ kind: 'adam', lr: 0.1 }), { step: 0, buffers: {} }, PARAMS, backward(CONFIG, PARAMS, X, Y, forward(CONFIG, PARAMS, X))), /exp_avg/, '[]'],

    // Batches, seeds, iterations.
    ['batchSize 0', () => startSession(setupWith({ batchSize: 0 }), PARAMS), /batchSize/, '0'],
    ['batchSize > m', () => startSession(setupWith({ batchSize: 5 }), PARAMS), /batchSize/, '5'],
    ['batchSize 1.5', () => trainFrom(setupWith({ batchSize: 1.5 })), /batchSize/, '1.5'],
    ['batchSize NaN', () => trainFrom(setupWith({ batchSize: NaN })), /batchSize/, 'NaN'],
    ['shuffleSeed -1', () => startSession(setupWith({ shuffleSeed: -1 }), PARAMS), /shuffleSeed/, '-1'],
    ['shuffleSeed 2^32', () => trainFrom(setupWith({ shuffleSeed: 2 ** 32 })), /shuffleSeed/, '4294967296'],
    ['init seed -1', () => initializeParameters(CONFIG, { seed: -1 }), /seed/, '-1'],
    ['init seed 2^32', () => initializeParameters(CONFIG, { seed: 2 ** 32 }), /seed/, '4294967296'],
    ['init seed 1.5', () => initializeParameters(CONFIG, { seed: 1.5 }), /seed/, '1.5'],
    ['init seed NaN', () => initializeParameters(CONFIG, { seed: NaN }), /seed/, 'NaN'],
    ['init seed "1"', () => initializeParameters(CONFIG, { seed: '1' as unknown as number }), /seed/, '"1"'],
    ['init scale -1', () => initializeParameters(CONFIG, { seed: 1, scale: -1 }), /scale/, '-1'],
    ['numpyRandom seed -1', () => numpyRandom(-1), /seed/, '-1'],
    ['numpyRandom seed 0.5', () => numpyRandom(0.5), /seed/, '0.5'],
    ['iteration -1', () => startSession(setupWith({}), PARAMS, undefined, -1), /iteration/, '-1'],
    ['advance to an unknown phase', () => advanceSession(startSession(setupWith({}), PARAMS), 0, 'sideways' as never), /phase/, '"sideways"'],
    ['advance backwards', () => advanceSession(advanceSession(startSession(setupWith({}), PARAMS), 2, 'loss'), 1, 'update'), /iteration/, '1'],
    ['run a negative count', () => trainFrom(setupWith({})).run(-1), /iterations/, '-1'],
  ];

  it('the fixture itself is valid', () => {
    expect(() => trainFrom(setupWith({})).run(2)).not.toThrow();
    expect(() => startSession(setupWith({ batchSize: 4 }), PARAMS)).not.toThrow();
  });

  it.each(cases)('%s', (_name, run, field, value) => {
    expect(run).toThrow(field);
    expectNamedError(run, field, value);
  });

  // Random garbage for each field: anything outside the documented range must be rejected.
  const garbageArb: fc.Arbitrary<unknown> = fc.oneof(
    fc.constantFrom(NaN, Infinity, -Infinity, 0, -1, 0.5, 1e9, 2 ** 32, -(2 ** 53)),
    fc.double(),
    fc.integer({ min: -1e12, max: 1e12 }),
    fc.string({ maxLength: 6 }),
    fc.boolean(),
    fc.constantFrom(null, undefined, {}, [2]),
  );
  const isIntIn = (min: number, max: number) => (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
  const isNumberIn = (min: number, max: number) => (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max;
  const isOmitted = (v: unknown) => v === undefined || v === null; // optional fields fall back to torch's defaults
  const grads = backward(CONFIG, PARAMS, X, Y, forward(CONFIG, PARAMS, X));
  const stepWith = (spec: Record<string, unknown>) => optimizerStep(opt(spec), { step: 0, buffers: {} }, PARAMS, grads);

  const fields: [field: string, isValid: (v: unknown) => boolean, run: (v: unknown) => unknown][] = [
    ['inputSize', isIntIn(1, LIMITS.inputSize), (v) => forward(cfg({ inputSize: v }), PARAMS, X)],
    ['hiddenSize', isIntIn(1, LIMITS.hiddenSize), (v) => initializeParameters(cfg({ hiddenSize: v }), { seed: 0 })],
    ['outputSize', isIntIn(1, LIMITS.outputSize), (v) => startSession(setupWith({ config: cfg({ outputSize: v }) }), PARAMS)],
    ['hiddenActivation', (v) => ACTIVATIONS.includes(v as Activation), (v) => forward(cfg({ hiddenActivation: v }), PARAMS, X)],
    ['loss', (v) => LOSSES.includes(v as LossKind), (v) => forward(cfg({ loss: v }), PARAMS, X)],
    ['lr', isNumberIn(0, Infinity), (v) => stepWith({ kind: 'sgd', lr: v })],
    ['momentum', (v) => isOmitted(v) || isNumberIn(0, Infinity)(v), (v) => stepWith({ kind: 'sgd', lr: 0.1, momentum: v })],
    ['alpha', (v) => isOmitted(v) || isNumberIn(0, 1)(v), (v) => createOptimizer(opt({ kind: 'rmsprop', lr: 0.1, alpha: v }))],
    ['beta1', (v) => isOmitted(v) || (isNumberIn(0, 1)(v) && v !== 1), (v) => createOptimizer(opt({ kind: 'adam', lr: 0.1, beta1: v }))],
    ['beta2', (v) => isOmitted(v) || (isNumberIn(0, 1)(v) && v !== 1), (v) => createOptimizer(opt({ kind: 'adam', lr: 0.1, beta2: v }))],
    ['eps', (v) => isOmitted(v) || isNumberIn(0, Infinity)(v), (v) => createOptimizer(opt({ kind: 'adam', lr: 0.1, eps: v }))],
    ['weightDecay', (v) => isOmitted(v) || isNumberIn(0, Infinity)(v), (v) => createOptimizer(opt({ kind: 'rmsprop', lr: 0.1, weightDecay: v }))],
    ['batchSize', (v) => v === null || isIntIn(1, X.cols)(v), (v) => startSession(setupWith({ batchSize: v as number }), PARAMS)],
    ['shuffleSeed', isIntIn(0, 2 ** 32 - 1), (v) => trainFrom(setupWith({ shuffleSeed: v as number }))],
    ['seed', isIntIn(0, 2 ** 32 - 1), (v) => initializeParameters(CONFIG, { seed: v as number })],
  ];

  describe.each(fields)('%s', (field, isValid, run) => {
    test.prop([garbageArb.filter((v) => !isValid(v))], { numRuns: 40 })('garbage is rejected by name and value', (value) => {
      expectNamedError(() => run(value), new RegExp(field), printed(value));
    });
  });

  // Random non-finite or non-binary entries, anywhere in any matrix.
  const entryArb = problemArb().chain((p) =>
    fc.record({
      problem: fc.constant(p),
      name: fc.constantFrom('W1', 'b1', 'W2', 'b2', 'X', 'Y'),
      position: fc.nat(),
      nonFinite: fc.constantFrom(NaN, Infinity, -Infinity),
      nonBinary: fc.double({ noNaN: true, noDefaultInfinity: true }).filter((v) => v !== 0 && v !== 1),
      isNonBinary: fc.boolean(),
    }),
  );
  test.prop([entryArb], { numRuns: 150 })('a bad entry is named with its position and value', ({ problem, name, position, nonFinite, nonBinary, isNonBinary }) => {
    const { config } = problem;
    // Any finite value is a valid weight or input; a finite Y must be 0 or 1 for bce and ce.
    const value = name === 'Y' && config.loss !== 'mse' && isNonBinary ? nonBinary : nonFinite;
    const target = name === 'X' || name === 'Y' ? problem[name] : problem.params[name];
    const k = position % target.data.length;
    const bad = withEntry(target, k, value);
    const params = name === 'X' || name === 'Y' ? problem.params : { ...problem.params, [name]: bad };
    const data = { X: name === 'X' ? bad : problem.X, Y: name === 'Y' ? bad : problem.Y };
    const field = new RegExp(`${name}\\[${Math.floor(k / target.cols)}\\]\\[${k % target.cols}\\]`);
    const setup: SessionSetup = { config, optimizer: SGD, data, batchSize: null, shuffleSeed: 0 };
    expectNamedError(() => startSession(setup, params), field, printed(value));
    expectNamedError(() => createTrainer(setup, { iteration: 0, params, optimizerState: { step: 0, buffers: {} } }), field, printed(value));
    if (name === 'Y') {
      expectNamedError(() => computeLoss(config, forward(config, params, data.X).A2, data.Y), field, printed(value));
    } else {
      expectNamedError(() => forward(config, params, data.X), field, printed(value));
    }
  });

  // Random wrong shapes for any matrix.
  const shapeArb = problemArb().chain((p) =>
    fc.record({
      problem: fc.constant(p),
      name: fc.constantFrom('W1', 'b1', 'W2', 'b2', 'X', 'Y'),
      rows: fc.integer({ min: 1, max: 7 }),
      cols: fc.integer({ min: 1, max: 9 }),
    }),
  );
  test.prop([shapeArb], { numRuns: 150 })('a matrix of the wrong shape is named with its shape', ({ problem, name, rows, cols }) => {
    const target = name === 'X' || name === 'Y' ? problem[name] : problem.params[name];
    // X's columns set m; only its rows can be wrong.
    fc.pre(name === 'X' ? rows !== target.rows : rows !== target.rows || cols !== target.cols);
    const bad = matrix(rows, name === 'X' ? target.cols : cols);
    const params = name === 'X' || name === 'Y' ? problem.params : { ...problem.params, [name]: bad };
    const data = { X: name === 'X' ? bad : problem.X, Y: name === 'Y' ? bad : problem.Y };
    const setup: SessionSetup = { config: problem.config, optimizer: SGD, data, batchSize: null, shuffleSeed: 0 };
    const shape = `a ${bad.rows}×${bad.cols} matrix`;
    expectNamedError(() => startSession(setup, params), new RegExp(`^${name} `), shape);
    if (name !== 'Y') expectNamedError(() => forward(problem.config, params, data.X), new RegExp(`^${name} `), shape);
  });
});

// ---------------------------------------------------------------------------------------------
// Edge cases as PyTorch (ENGINE.md)

describe('edge cases as PyTorch', () => {
  const one = (v: number) => fromRows([[v]]);

  it('the ReLU derivative at exactly 0 is 0, in backward as in derivative()', () => {
    expect(derivative('relu', 0, 0)).toBe(0);
    expect(derivative('relu', -0, 0)).toBe(0);
    expect(derivative('relu', 1e-300, 1e-300)).toBe(1);
    // Hidden: Z1 = W1·X + b1 = [0, 2] for x = [0, 2]; dA1 = W2ᵀ·dZ2 ≠ 0 but dZ1 at Z1 = 0 is 0.
    const config: NetworkConfig = { inputSize: 1, hiddenSize: 1, outputSize: 1, hiddenActivation: 'relu', outputActivation: 'linear', loss: 'mse' };
    const params: Params = { W1: one(1), b1: one(0), W2: one(3), b2: one(1) };
    const X = fromRows([[0, 2]]);
    const Y = fromRows([[0, 0]]);
    const cache = forward(config, params, X);
    expect(Array.from(cache.Z1.data)).toEqual([0, 2]);
    const grads = backward(config, params, X, Y, cache);
    // dZ2 = 2·(A2 − Y)/1 = [2·1, 2·7] = [2, 14]; dA1 = 3·dZ2 = [6, 42]; dZ1 = [0, 42]
    expect(Array.from(grads.dA1.data)).toEqual([6, 42]);
    expect(Array.from(grads.dZ1.data)).toEqual([0, 42]);
    // Output: Z2 = 0 exactly with a relu output, so dZ2 = 0 there even though A2 − Y = −1.
    const out: NetworkConfig = { ...config, hiddenActivation: 'linear', outputActivation: 'relu' };
    const outParams: Params = { W1: one(1), b1: one(0), W2: one(1), b2: one(0) };
    const outGrads = backward(out, outParams, fromRows([[0]]), fromRows([[1]]), forward(out, outParams, fromRows([[0]])));
    // dZ2 = 2·(A2 − Y)·0 is −0 here (PyTorch's threshold_backward gives +0); either is zero.
    expect(Math.abs(outGrads.dZ2.data[0])).toBe(0);
  });

  it('sigmoid of ±800 is exactly 1 and 0, without NaN, in forward too', () => {
    expect(sigmoid(800)).toBe(1);
    expect(sigmoid(-800)).toBe(0);
    expect(sigmoid(-Infinity)).toBe(0);
    expect(sigmoid(Infinity)).toBe(1);
    const config: NetworkConfig = { inputSize: 1, hiddenSize: 1, outputSize: 1, hiddenActivation: 'sigmoid', outputActivation: 'sigmoid', loss: 'bce' };
    const params: Params = { W1: one(1), b1: one(0), W2: one(1600), b2: one(-800) };
    const cache = forward(config, params, fromRows([[800, -800]]));
    // A1 = σ(±800) = [1, 0], Z2 = 1600·A1 − 800 = [800, −800], A2 = [1, 0]
    expect(Array.from(cache.A1.data)).toEqual([1, 0]);
    expect(Array.from(cache.Z2.data)).toEqual([800, -800]);
    expect(Array.from(cache.A2.data)).toEqual([1, 0]);
  });

  it('bce clamps each log term at −100', () => {
    const bce: NetworkConfig = { inputSize: 1, hiddenSize: 1, outputSize: 1, hiddenActivation: 'tanh', outputActivation: 'sigmoid', loss: 'bce' };
    // −(1·max(log 0, −100) + 0·log 1) = 100
    expect(computeLoss(bce, fromRows([[0]]), fromRows([[1]]))).toBe(100);
    expect(computeLoss(bce, fromRows([[1]]), fromRows([[0]]))).toBe(100);
    expect(computeLoss(bce, fromRows([[0, 1]]), fromRows([[1, 0]]))).toBe(100);
    // Right answers at the boundary cost exactly 0, where an unclamped 0·log 0 would be NaN.
    expect(computeLoss(bce, fromRows([[0, 1]]), fromRows([[0, 1]]))).toBe(0);
    // (100 + 0)/2 with o = 2, m = 1: the mean is over all o·m elements.
    expect(computeLoss({ ...bce, outputSize: 2 }, fromRows([[0], [1]]), fromRows([[1], [1]]))).toBe(50);
    // A saturated network: Z2 = 900 with Y = 0 gives A2 = 1 and a loss of exactly 100, and finite gradients.
    const params: Params = { W1: one(1), b1: one(0), W2: one(1), b2: one(900) };
    const X = fromRows([[0]]);
    const Y = fromRows([[0]]);
    const cache = forward(bce, params, X);
    expect(computeLoss(bce, cache.A2, Y)).toBe(100);
    expect(backward(bce, params, X, Y, cache).db2.data[0]).toBe(1);
  });

  const hugeArb = fc.tuple(configArb, fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 })).chain(([config, m, logScale]) => {
    const { inputSize: n, hiddenSize: h, outputSize: o } = config;
    const scale = 10 ** logScale;
    // softmax stays (with ce, its log clamped at −100); any other output becomes a sigmoid.
    const saturating: NetworkConfig = {
      ...config,
      hiddenActivation: config.hiddenActivation === 'linear' || config.hiddenActivation === 'relu' ? 'tanh' : config.hiddenActivation,
      ...(config.loss === 'ce' ? {} : { outputActivation: 'sigmoid' }),
    };
    return fc.record({
      config: fc.constant(saturating),
      optimizer: optimizerArb,
      params: fc.record({ W1: matrixArb(h, n, scale), b1: matrixArb(h, 1, scale), W2: matrixArb(o, h, scale), b2: matrixArb(o, 1, scale) }),
      X: matrixArb(n, m, scale),
      Y: config.loss === 'ce' ? oneHotArb(o, m) : binaryMatrixArb(o, m),
    });
  });

  test.prop([hugeArb], { numRuns: 80 })('huge |z| through sigmoid, softmax and tanh gives no Infinity or NaN anywhere', ({ config, optimizer, params, X, Y }) => {
    const setup: SessionSetup = { config, optimizer, data: { X, Y }, batchSize: null, shuffleSeed: 0 };
    let s = startSession(setup, params);
    const nonFinite: string[] = [];
    const scan = (value: unknown, path: string) => {
      if (typeof value === 'number' && !Number.isFinite(value)) nonFinite.push(`${path} = ${value}`);
      if (value instanceof Float64Array) value.forEach((v, k) => Number.isFinite(v) || nonFinite.push(`${path}[${k}] = ${v}`));
      else if (value && typeof value === 'object' && !ArrayBuffer.isView(value)) {
        for (const [k, v] of Object.entries(value)) if (k !== 'setup') scan(v, `${path}.${k}`);
      }
    };
    for (let k = 0; k < 2 * PHASES.length; k++) {
      scan(s, `${s.iteration}/${s.phase}`);
      s = stepSession(s);
    }
    expect(nonFinite.slice(0, 5)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// softmax and categorical cross-entropy

describe('softmax with cross-entropy', () => {
  const logitsArb = fc.tuple(fc.integer({ min: 2, max: 10 }), fc.integer({ min: 1, max: 6 }))
    .chain(([K, m]) => fc.record({ Z: matrixArb(K, m, 30), labels: oneHotArb(K, m), column: fc.nat({ max: m - 1 }), shift: unit(-50, 50) }));

  test.prop([logitsArb], { numRuns: 200 })('each column of softmax(Z) holds probabilities that sum to 1', ({ Z }) => {
    const A = softmax(Z);
    expect(A.data.every((a) => a >= 0 && a <= 1)).toBe(true);
    for (let j = 0; j < Z.cols; j++) {
      let sum = 0;
      for (let i = 0; i < Z.rows; i++) sum += A.data[i * Z.cols + j];
      expect(Math.abs(sum - 1)).toBeLessThanOrEqual(Z.rows * Number.EPSILON);
    }
  });

  test.prop([logitsArb], { numRuns: 200 })('adding a constant to a column of Z changes nothing in it (1e-12), nor elsewhere (bit for bit)', ({ Z, column, shift }) => {
    const shifted = matrix(Z.rows, Z.cols, Z.data.map((z, k) => (k % Z.cols === column ? z + shift : z)));
    const [A, B] = [softmax(Z), softmax(shifted)];
    for (let k = 0; k < A.data.length; k++) {
      if (k % Z.cols === column) expect(Math.abs(B.data[k] - A.data[k])).toBeLessThanOrEqual(1e-12);
      else expect(Object.is(B.data[k], A.data[k])).toBe(true);
    }
  });

  test.prop([logitsArb], { numRuns: 150 })('dZ2 = A2 − Y is m·∂L/∂Z2, by central finite differences', ({ Z, labels }) => {
    // Keep the true class's log above the −100 clamp, where L is smooth.
    const Z2 = matrix(Z.rows, Z.cols, Z.data.map((z) => z / 10));
    const K = Z2.rows;
    const m = Z2.cols;
    const config: NetworkConfig = { inputSize: 1, hiddenSize: 1, outputSize: K, hiddenActivation: 'linear', outputActivation: 'softmax', loss: 'ce' };
    const lossAt = (k: number, value: number) => {
      const data = Z2.data.slice();
      data[k] = value;
      return computeLoss(config, softmax(matrix(K, m, data)), labels);
    };
    const A2 = softmax(Z2);
    for (let k = 0; k < Z2.data.length; k++) {
      const z = Z2.data[k];
      const numeric = (m * (lossAt(k, z + 1e-6) - lossAt(k, z - 1e-6))) / (z + 1e-6 - (z - 1e-6));
      const analytic = A2.data[k] - labels.data[k];
      expect(Math.abs(numeric - analytic)).toBeLessThanOrEqual(1e-6 * Math.abs(analytic) + 1e-8);
    }
  });

  it('a log of 0 is clamped at −100, never −Infinity: a true class with probability 0 costs exactly 100', () => {
    const config: NetworkConfig = { inputSize: 1, hiddenSize: 1, outputSize: 3, hiddenActivation: 'linear', outputActivation: 'softmax', loss: 'ce' };
    const A2 = softmax(fromRows([[0, 0], [-1000, 0], [1, 0]]));
    expect(A2.data[2]).toBe(0); // row 1, column 0: exp(−1001) underflows
    // column 0's true class is 1 (p = 0, cost 100), column 1's is 0 (p = 1/3): mean over m = 2
    const Y = fromRows([[0, 1], [1, 0], [0, 0]]);
    expect(computeLoss(config, A2, Y)).toBe((100 + -Math.log(A2.data[1])) / 2);
  });

  it('logits of ±1e300 give no NaN: the max is subtracted before exp', () => {
    const A = softmax(fromRows([[1e300, -1e300], [0, 1e300]]));
    expect(Array.from(A.data)).toEqual([1, 0, 0, 1]);
  });
});
