// forwardInto: the forward pass into reused buffers equals `forward` bit for bit, reuses its
// buffers (allocating nothing), and refuses buffers of another shape.
import { describe, expect, it } from 'vitest';
import { fc, test } from '../prop';
import { expectSameBits } from '../fixtures/compare';
import { ACTIVATIONS, forward, forwardBuffers, forwardInto, initializeParameters, matrix } from '../../src/engine/index';
import type { Matrix, NetworkConfig, Params } from '../../src/engine/index';

const configArb: fc.Arbitrary<NetworkConfig> = fc
  .record({
    inputSize: fc.integer({ min: 1, max: 5 }),
    hiddenSize: fc.integer({ min: 1, max: 9 }),
    outputSize: fc.integer({ min: 1, max: 3 }),
    hiddenActivation: fc.constantFrom(...ACTIVATIONS),
    outputActivation: fc.constantFrom(...ACTIVATIONS),
    isBce: fc.boolean(),
  })
  .map(({ isBce, ...c }): NetworkConfig => (isBce ? { ...c, outputActivation: 'sigmoid', loss: 'bce' } : { ...c, loss: 'mse' }));

const matrixArb = (rows: number, cols: number, bound: number): fc.Arbitrary<Matrix> => fc
  .array(fc.double({ min: -bound, max: bound, noNaN: true }), { minLength: rows * cols, maxLength: rows * cols })
  .map((values) => matrix(rows, cols, Float64Array.from(values)));

const problemArb = fc.tuple(configArb, fc.integer({ min: 1, max: 11 })).chain(([config, m]) => {
  const { inputSize: n, hiddenSize: h, outputSize: o } = config;
  return fc.record({
    config: fc.constant(config),
    params: fc.record({ W1: matrixArb(h, n, 3), b1: matrixArb(h, 1, 3), W2: matrixArb(o, h, 3), b2: matrixArb(o, 1, 3) }),
    params2: fc.record({ W1: matrixArb(h, n, 3), b1: matrixArb(h, 1, 3), W2: matrixArb(o, h, 3), b2: matrixArb(o, 1, 3) }),
    X: matrixArb(n, m, 4),
  });
});

describe('forwardInto', () => {
  test.prop([problemArb])('equals forward bit for bit, call after call on the same buffers', ({ config, params, params2, X }) => {
    const buffers = forwardBuffers(config, X.cols);
    for (const p of [params, params2, params] as Params[]) {
      const out = forwardInto(config, p, X, buffers);
      expect(out).toBe(buffers);
      const { Z1, A1, Z2, A2 } = forward(config, p, X);
      expectSameBits({ Z1: out.Z1, A1: out.A1, Z2: out.Z2, A2: out.A2 }, { Z1, A1, Z2, A2 });
    }
  });

  it('writes into the same arrays every time (a 2-32-1 network over a 40 × 40 grid)', () => {
    const config: NetworkConfig = { inputSize: 2, hiddenSize: 32, outputSize: 1, hiddenActivation: 'tanh', outputActivation: 'sigmoid', loss: 'bce' };
    const params = initializeParameters(config, { scheme: 'xavier', seed: 3 });
    const m = 1600;
    const X = matrix(2, m, Float64Array.from({ length: 2 * m }, (_, k) => Math.sin(k)));
    const buffers = forwardBuffers(config, m);
    const arrays = [buffers.Z1.data, buffers.A1.data, buffers.Z2.data, buffers.A2.data];
    forwardInto(config, params, X, buffers);
    arrays.forEach((a, k) => expect([buffers.Z1, buffers.A1, buffers.Z2, buffers.A2][k].data).toBe(a));
    expectSameBits(buffers.A2, forward(config, params, X).A2);
  });

  it('refuses buffers made for another network or width, and bad inputs like forward', () => {
    const config: NetworkConfig = { inputSize: 2, hiddenSize: 3, outputSize: 1, hiddenActivation: 'tanh', outputActivation: 'sigmoid', loss: 'bce' };
    const params = initializeParameters(config, { seed: 1 });
    const X = matrix(2, 4);
    expect(() => forwardInto(config, params, X, forwardBuffers(config, 5))).toThrow(/buffers .*must be made for 2-3-1 × 4/);
    expect(() => forwardInto(config, params, X, forwardBuffers({ ...config, hiddenSize: 4 }, 4))).toThrow(/buffers/);
    expect(() => forwardInto(config, params, matrix(3, 4), forwardBuffers(config, 4))).toThrow(/X/);
    expect(() => forwardBuffers(config, 0)).toThrow(/m \(samples\)/);
  });
});
