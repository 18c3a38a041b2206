// Example-based tests of the step-through session (src/engine/session.ts) and of evaluate,
// predict and accuracy. Mini-batch orders are checked against tests/fixtures/batches.json,
// written by tests/fixtures/generate_batches.py from NumPy's legacy RandomState.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectSameBits } from '../fixtures/compare';
import {
  PHASES,
  accuracy,
  advanceSession,
  backward,
  batchIndices,
  batchesPerEpoch,
  computeLoss,
  evaluate,
  forward,
  fromRows,
  initialOptimizerState,
  initializeParameters,
  matrix,
  optimizerStep,
  predict,
  startSession,
  stepSession,
  toRows,
} from '../../src/engine/index';
import type { Matrix, NetworkConfig, Params, PhaseId, Session, SessionSetup } from '../../src/engine/index';

function deepCopy<T>(value: T): T {
  if (ArrayBuffer.isView(value)) return (value as unknown as Float64Array).slice() as unknown as T;
  if (Array.isArray(value)) return value.map(deepCopy) as unknown as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, deepCopy(v)])) as T;
  return value;
}

// n = 2, h = 3, o = 1, m = 6: tanh hidden, sigmoid output, bce, Adam (which keeps two buffers).
const CONFIG: NetworkConfig = { inputSize: 2, hiddenSize: 3, outputSize: 1, hiddenActivation: 'tanh', outputActivation: 'sigmoid', loss: 'bce' };
const X = fromRows([
  [0.5, -1, 2, 0, 1.5, -0.25],
  [1, 0, -0.5, 3, -2, 0.75],
]);
const Y = fromRows([[1, 0, 1, 0, 1, 1]]);
const SETUP: SessionSetup = { config: CONFIG, optimizer: { kind: 'adam', lr: 0.1 }, data: { X, Y }, batchSize: null, shuffleSeed: 0 };
const PARAMS: Params = initializeParameters(CONFIG, { seed: 1, scale: 0.5 });

function stepTimes(s: Session, count: number): Session {
  let current = s;
  for (let k = 0; k < count; k++) current = stepSession(current);
  return current;
}

describe('phases', () => {
  it('PHASES lists the six phases in order', () => {
    expect(PHASES).toEqual(['forward-hidden', 'forward-output', 'loss', 'backward-output', 'backward-hidden', 'update']);
  });

  it('stepping visits PHASES in order, then forward-hidden of the next iteration', () => {
    const visited: [number, PhaseId][] = [];
    let s = startSession(SETUP, PARAMS);
    for (let k = 0; k < 2 * PHASES.length + 1; k++) {
      visited.push([s.iteration, s.phase]);
      s = stepSession(s);
    }
    expect(visited).toEqual([...PHASES.map((p) => [0, p]), ...PHASES.map((p) => [1, p]), [2, 'forward-hidden']]);
  });

  // What each phase has computed, cumulatively, as documented on Session.
  const documented: [PhaseId, cache: string[], hasLoss: boolean, grads: string[], hasNext: boolean][] = [
    ['forward-hidden', ['A1', 'Z1'], false, [], false],
    ['forward-output', ['A1', 'A2', 'Z1', 'Z2'], false, [], false],
    ['loss', ['A1', 'A2', 'Z1', 'Z2'], true, [], false],
    ['backward-output', ['A1', 'A2', 'Z1', 'Z2'], true, ['dW2', 'dZ2', 'db2'], false],
    ['backward-hidden', ['A1', 'A2', 'Z1', 'Z2'], true, ['dA1', 'dW1', 'dW2', 'dZ1', 'dZ2', 'db1', 'db2'], false],
    ['update', ['A1', 'A2', 'Z1', 'Z2'], true, ['dA1', 'dW1', 'dW2', 'dZ1', 'dZ2', 'db1', 'db2'], true],
  ];

  it.each(documented)('%s adds exactly its fields', (phase, cacheKeys, hasLoss, gradKeys, hasNext) => {
    // From iteration 1, so the optimizer state is not the initial one.
    const s = advanceSession(startSession(SETUP, PARAMS), 1, phase);
    expect(s.phase).toBe(phase);
    expect(Object.keys(s.cache).sort()).toEqual(cacheKeys);
    expect(s.loss === null).toBe(!hasLoss);
    expect(Object.keys(s.grads).sort()).toEqual(gradKeys);
    expect(s.next === null).toBe(!hasNext);

    // The values are the whole-iteration functions' values, bit for bit.
    const cache = forward(CONFIG, s.params, X);
    const grads = backward(CONFIG, s.params, X, Y, cache);
    for (const key of cacheKeys) expectSameBits(s.cache[key as keyof typeof s.cache], cache[key as keyof typeof cache], key);
    if (hasLoss) expect(Object.is(s.loss, computeLoss(CONFIG, cache.A2, Y))).toBe(true);
    for (const key of gradKeys) expectSameBits(s.grads[key as keyof typeof s.grads], grads[key as keyof typeof grads], key);
    if (hasNext) {
      const next = optimizerStep(SETUP.optimizer, s.optimizerState, s.params, grads);
      expectSameBits(s.next, { params: next.params, optimizerState: next.state }, 'next');
    }
  });

  it('update carries its results into the next iteration, whose own results start empty', () => {
    const update = advanceSession(startSession(SETUP, PARAMS), 0, 'update');
    const next = stepSession(update);
    expect(next.params).toBe(update.next?.params);
    expect(next.optimizerState).toBe(update.next?.optimizerState);
    expect(next.optimizerState.step).toBe(1);
    expect(update.optimizerState.step).toBe(0);
    expect([Object.keys(next.cache).sort(), next.loss, next.grads, next.next]).toEqual([['A1', 'Z1'], null, {}, null]);
  });
});

describe('sessions are immutable values', () => {
  it('each step returns a new object and every earlier session keeps its phase and fields', () => {
    const sessions = [startSession(SETUP, PARAMS)];
    const copies = [deepCopy(sessions[0])];
    for (let k = 0; k < 2 * PHASES.length; k++) {
      const next = stepSession(sessions[k]);
      expect(next).not.toBe(sessions[k]);
      sessions.push(next);
      copies.push(deepCopy(next));
    }
    sessions.forEach((s, k) => expectSameBits(s, copies[k], `session ${k}`));
    expect(sessions[0].phase).toBe('forward-hidden');
    expect(Object.keys(sessions[0].cache).sort()).toEqual(['A1', 'Z1']);
    expect(sessions[0].grads).toEqual({});
    expect(sessions[5].phase).toBe('update');
    // Stepping the same session twice gives equal values: nothing it holds was consumed.
    expectSameBits(stepSession(sessions[3]), sessions[4]);
  });

  it('the arguments of startSession are left as they were', () => {
    const setupCopy = deepCopy(SETUP);
    const paramsCopy = deepCopy(PARAMS);
    advanceSession(startSession(SETUP, PARAMS), 3, 'update');
    expectSameBits(SETUP, setupCopy, 'setup');
    expectSameBits(PARAMS, paramsCopy, 'params');
  });
});

describe('advanceSession', () => {
  const start = startSession(SETUP, PARAMS);

  it('reaches a given iteration and phase, as stepping one phase at a time does', () => {
    const s = advanceSession(start, 2, 'backward-output');
    expect([s.iteration, s.phase]).toEqual([2, 'backward-output']);
    expectSameBits(s, stepTimes(start, 2 * PHASES.length + 3));
    const further = advanceSession(s, 3, 'loss');
    expect([further.iteration, further.phase]).toEqual([3, 'loss']);
    expectSameBits(further, stepTimes(start, 3 * PHASES.length + 2));
  });

  it('returns the session itself when it is already there', () => {
    const s = advanceSession(start, 1, 'loss');
    expect(advanceSession(s, 1, 'loss')).toBe(s);
  });

  it('rejects going backwards, naming the iteration', () => {
    const s = advanceSession(start, 2, 'loss');
    expect(() => advanceSession(s, 1, 'update')).toThrow(/iteration.*\(got 1\)/);
    expect(() => advanceSession(s, 2, 'forward-output')).toThrow(/iteration.*\(got 2\)/);
    expect(() => advanceSession(s, 0, 'forward-hidden')).toThrow(/iteration/);
  });

  it('a session started at iteration k from its state equals one stepped there', () => {
    const far = advanceSession(start, 4, 'forward-hidden');
    expectSameBits(startSession(SETUP, far.params, far.optimizerState, 4), far);
    // The default optimizer state is the initial one.
    expectSameBits(startSession(SETUP, PARAMS), startSession(SETUP, PARAMS, initialOptimizerState(SETUP.optimizer, PARAMS)));
  });
});

describe('mini-batches', () => {
  interface BatchCase {
    m: number;
    batchSize: number;
    shuffleSeed: number;
    epochs: { epoch: number; seed: number; permutation: number[]; batches: number[][] }[];
  }
  const fixture = JSON.parse(readFileSync(new URL('../fixtures/batches.json', import.meta.url), 'utf8')) as { cases: BatchCase[] };

  /** One input feature holding each sample's own index, so a batch's X names its columns. */
  function indexedSetup(m: number, batchSize: number | null, shuffleSeed: number): SessionSetup {
    const config: NetworkConfig = { inputSize: 1, hiddenSize: 2, outputSize: 1, hiddenActivation: 'tanh', outputActivation: 'sigmoid', loss: 'bce' };
    const Xi = matrix(1, m, Float64Array.from({ length: m }, (_, j) => j));
    const Yi = matrix(1, m, Float64Array.from({ length: m }, (_, j) => j % 2));
    return { config, optimizer: { kind: 'sgd', lr: 0.1 }, data: { X: Xi, Y: Yi }, batchSize, shuffleSeed };
  }

  it('the fixture was generated', () => {
    expect(fixture.cases.length).toBeGreaterThan(0);
  });

  it.each(fixture.cases.map((c) => [`m ${c.m}, batchSize ${c.batchSize}, shuffleSeed ${c.shuffleSeed}`, c] as const))(
    '%s: batches follow np.random.seed(shuffleSeed + epoch); np.random.permutation(m)',
    (_label, c) => {
      const setup = indexedSetup(c.m, c.batchSize, c.shuffleSeed);
      const perEpoch = batchesPerEpoch(setup);
      expect(perEpoch).toBe(Math.ceil(c.m / c.batchSize));
      let session = startSession(setup, initializeParameters(setup.config, { seed: 0 }));
      for (const { epoch, seed, permutation, batches } of c.epochs) {
        expect(seed).toBe((c.shuffleSeed + epoch) % 2 ** 32);
        expect(batches.length).toBe(perEpoch);
        const seen: number[] = [];
        batches.forEach((expected, b) => {
          const iteration = epoch * perEpoch + b;
          const indices = Array.from(batchIndices(setup, iteration) ?? []);
          expect(indices, `epoch ${epoch}, batch ${b}`).toEqual(expected);
          seen.push(...indices);
          // The session trains on exactly those columns, in that order.
          session = advanceSession(session, iteration, 'forward-hidden');
          expect(Array.from(session.batch.indices ?? [])).toEqual(expected);
          expect(toRows(session.batch.X)).toEqual([expected]);
          expect(toRows(session.batch.Y)).toEqual([expected.map((j) => j % 2)]);
        });
        expect(seen).toEqual(permutation);
        expect([...seen].sort((p, q) => p - q)).toEqual(Array.from({ length: c.m }, (_, j) => j));
      }
    },
  );

  it('full batch (null, or batchSize m) trains on the data set itself, unshuffled', () => {
    for (const batchSize of [null, 5]) {
      const setup = indexedSetup(5, batchSize, 3);
      expect(batchesPerEpoch(setup)).toBe(1);
      for (const iteration of [0, 1, 7]) expect(batchIndices(setup, iteration)).toBeNull();
      const s = advanceSession(startSession(setup, initializeParameters(setup.config, { seed: 0 })), 2, 'loss');
      expect(s.batch.indices).toBeNull();
      expect(s.batch.X).toBe(setup.data.X);
      expect(s.batch.Y).toBe(setup.data.Y);
    }
  });

  it('the last batch of an epoch may be short, and the gradients are means over it', () => {
    const setup = indexedSetup(10, 3, 7);
    const s = advanceSession(startSession(setup, initializeParameters(setup.config, { seed: 2, scale: 0.3 })), 3, 'backward-hidden');
    expect(s.batch.X.cols).toBe(1);
    const grads = backward(setup.config, s.params, s.batch.X, s.batch.Y, forward(setup.config, s.params, s.batch.X));
    expectSameBits(s.grads, grads);
  });
});

describe('evaluate, predict and accuracy', () => {
  // n = 1, h = 2, o = 1; relu hidden, sigmoid output, bce.
  // W1 = [1; −1], b1 = 0, W2 = [1, −1], b2 = 0, so Z1 = [x; −x], A1 = [relu(x); relu(−x)] and
  // Z2 = relu(x) − relu(−x) = x. With X = [0, ln 3, −ln 3]: A2 = σ(X) = [1/2, 3/4, 1/4].
  const bce: NetworkConfig = { inputSize: 1, hiddenSize: 2, outputSize: 1, hiddenActivation: 'relu', outputActivation: 'sigmoid', loss: 'bce' };
  const params: Params = { W1: fromRows([[1], [-1]]), b1: fromRows([[0], [0]]), W2: fromRows([[1, -1]]), b2: fromRows([[0]]) };
  const Xb = fromRows([[0, Math.log(3), -Math.log(3)]]);

  it('bce: loss and accuracy by hand', () => {
    // Y = [0, 1, 0]: L = −(1/3)[ln(1 − 1/2) + ln(3/4) + ln(1 − 1/4)] = (1/3)(ln 2 + 2 ln(4/3))
    //   = (1/3)(5 ln 2 − 2 ln 3) ≈ 0.4228370; predictions (A2 > 0.5) = [0, 1, 0], all right.
    const right = evaluate({ config: bce }, params, Xb, fromRows([[0, 1, 0]]));
    expect(right.loss).toBeCloseTo(0.422837, 6);
    expect(right.loss).toBeCloseTo((5 * Math.LN2 - 2 * Math.log(3)) / 3, 14);
    expect(right.accuracy).toBe(1);
    // Y = [1, 1, 1]: L = −(1/3)[ln(1/2) + ln(3/4) + ln(1/4)] = (1/3)(5 ln 2 − ln 3) ≈ 0.7890414;
    // only the middle prediction is right (A2 = 1/2 is not > 0.5, so it predicts 0).
    const ones = evaluate({ config: bce }, params, Xb, fromRows([[1, 1, 1]]));
    expect(ones.loss).toBeCloseTo(0.789041, 6);
    expect(ones.loss).toBeCloseTo((5 * Math.LN2 - Math.log(3)) / 3, 14);
    expect(ones.accuracy).toBeCloseTo(1 / 3, 15);
  });

  it('predict thresholds a sigmoid output at 0.5 (strictly greater)', () => {
    expect(toRows(predict(bce, params, Xb))).toEqual([[0, 1, 0]]);
  });

  // n = 2, h = 2, o = 1; linear, linear, mse. W1 = I, b1 = [1; −1], W2 = [2, 3], b2 = 0.5.
  // X = [[1, 0], [0, 2]] (samples (1, 0) and (0, 2)): Z1 = [[2, 1], [−1, 1]],
  // Z2 = 2·Z1[0] + 3·Z1[1] + 0.5 = [4 − 3 + 0.5, 2 + 3 + 0.5] = [1.5, 5.5].
  const mse: NetworkConfig = { inputSize: 2, hiddenSize: 2, outputSize: 1, hiddenActivation: 'linear', outputActivation: 'linear', loss: 'mse' };
  const linear: Params = { W1: fromRows([[1, 0], [0, 1]]), b1: fromRows([[1], [-1]]), W2: fromRows([[2, 3]]), b2: fromRows([[0.5]]) };
  const Xm = fromRows([[1, 0], [0, 2]]);

  it('mse: loss by hand, no accuracy for a linear output, predict returns A2', () => {
    // Y = [1, 5]: errors [0.5, 0.5], L = (0.25 + 0.25)/2 = 0.25, exactly.
    expect(evaluate({ config: mse }, linear, Xm, fromRows([[1, 5]]))).toEqual({ loss: 0.25, accuracy: null });
    expect(toRows(predict(mse, linear, Xm))).toEqual([[1.5, 5.5]]);
  });

  it('accuracy counts every output of every sample', () => {
    // Predictions [[1, 0], [1, 0]] against Y [[1, 0], [0, 1]]: right, right, wrong, wrong → 2/4.
    expect(accuracy(fromRows([[0.9, 0.2], [0.6, 0.5]]), fromRows([[1, 0], [0, 1]]))).toBe(0.5);
    expect(accuracy(fromRows([[0.51, 0.49]]), fromRows([[1, 0]]))).toBe(1);
    expect(accuracy(fromRows([[0.5]]), fromRows([[1]]))).toBe(0);
  });

  // ENGINE.md: bad values are rejected with a named error, never a silent NaN.
  it('evaluate rejects NaN in X', () => {
    const bad = matrix(1, 3, Float64Array.from([NaN, 1, 2]));
    expect(() => evaluate({ config: bce }, params, bad, fromRows([[0, 1, 0]]))).toThrow(/X\[0\]\[0\]/);
  });

  it('evaluate rejects a Y of the wrong shape', () => {
    expect(() => evaluate({ config: bce }, params, Xb, fromRows([[0]]))).toThrow(/Y/);
  });

  it('evaluate rejects params that do not fit the config', () => {
    expect(() => evaluate({ config: bce }, { ...params, W1: matrix(3, 3) }, Xb, fromRows([[0, 1, 0]]))).toThrow(/W1/);
  });

  it('evaluate rejects an unknown activation', () => {
    expect(() => evaluate({ config: { ...bce, hiddenActivation: 'bogus' as never } }, params, Xb, fromRows([[0, 1, 0]]))).toThrow(/hiddenActivation/);
  });

  it('accuracy rejects A2 and Y of different shapes', () => {
    expect(() => accuracy(fromRows([[0.9, 0.1]]), fromRows([[1]]) as Matrix)).toThrow(/Y|A2/);
  });
});
