// The field's numbers and pictures: the field evaluator (src/worker/field.ts, used in the worker
// and in-thread) computes into reused buffers what a plain forward pass computes, thumbnails
// from their own columns equal the sampled grid, and the worker's service returns those
// numbers for the newest params only, at its own pace.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { expectSameBits } from '../fixtures/compare';
import { forward, initializeParameters, pickColumns, type NetworkConfig, type Params } from '../../src/engine/index';
import { makeGrid, rowRgba, thumbnailColumns, thumbnailStep } from '../../src/viz/boundary';
import { fieldPicture } from '../../src/viz/field';
import { maxAbs } from '../../src/viz/color';
import { createFieldEvaluator, createFieldService, type FieldColumns, type FieldReply, type FieldSetup } from '../../src/worker/field';

const config: NetworkConfig = { inputSize: 2, hiddenSize: 12, outputSize: 1, hiddenActivation: 'tanh', outputActivation: 'sigmoid', loss: 'bce' };
const paramsOf = (seed: number): Params => initializeParameters(config, { scheme: 'xavier', seed });
const options = { scale: { centre: 0.5, extent: 0.5 }, threshold: 0.5, plotSize: 400, maxUnits: 8 };

describe('thumbnailColumns', () => {
  it('lists the grid pixels rowRgba samples, in image order', () => {
    expect(Array.from(thumbnailColumns(4, 2))).toEqual([0, 2, 8, 10]);
    expect(Array.from(thumbnailColumns(3, 1))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    // an odd step starts one pixel in, and the last row and column clamp to the image
    expect(Array.from(thumbnailColumns(5, 3))).toEqual([6, 9, 21, 24]);
    const n = 60;
    const step = thumbnailStep(n);
    const { A1 } = forward(config, paramsOf(1), makeGrid({ x0: -2, x1: 2, y0: -2, y1: 2 }, n).X);
    const columns = thumbnailColumns(n, step);
    const picked = pickColumns(A1, columns);
    const scale = { centre: 0, extent: maxAbs(A1.data) };
    const side = Math.ceil(n / step);
    for (const row of [0, 5, 11]) {
      const thumb = rowRgba(picked, row, scale);
      const full = rowRgba(A1, row, scale);
      // thumbnail pixel (r, c) is grid pixel (2r, 2c) (step 2 starts at the first pixel)
      for (const [r, c] of [[0, 0], [3, 17], [side - 1, side - 1]]) {
        const at = (r * side + c) * 4;
        const gridAt = (2 * r * n + 2 * c) * 4;
        expect(Array.from(thumb.subarray(at, at + 4))).toEqual(Array.from(full.subarray(gridAt, gridAt + 4)));
      }
    }
  });
});

/** A field's columns over `grid` (thumbnails at every grid point when thumbnailStep is 1) and two splits. */
const columnsOf = (grid: ReturnType<typeof makeGrid>, c: NetworkConfig = config, units = options.maxUnits): FieldColumns => ({
  config: c, X: grid.X, thumbX: pickColumns(grid.X, thumbnailColumns(grid.n, thumbnailStep(grid.n))), units,
  splits: [makeGrid({ x0: -1, x1: 1, y0: -1, y1: 1 }, 9).X, makeGrid({ x0: -1.5, x1: 0.5, y0: -1, y1: 1 }, 4).X],
});

describe('the field evaluator and fieldPicture', () => {
  const grid = makeGrid({ x0: -3, x1: 2, y0: -1, y1: 4 }, 40);

  it('computes with reused buffers what a fresh forward pass computes, call after call', () => {
    const evaluate = createFieldEvaluator();
    const columns = columnsOf(grid);
    for (const seed of [1, 2, 1]) {
      const params = paramsOf(seed);
      const numbers = evaluate(columns, params, true);
      const { A1, A2 } = forward(config, params, grid.X);
      expectSameBits(numbers.output, A2.data);
      expect(numbers.unitExtent).toBe(maxAbs(A1.data));
      expect([numbers.units.rows, numbers.units.cols]).toEqual([8, 40 * 40]);
      expectSameBits(numbers.units.data, A1.data.slice(0, 8 * 1600));
      columns.splits.forEach((Xs, k) => expectSameBits(numbers.splits[k], forward(config, params, Xs).A2));
    }
  });

  it('draws the output and thumbnails from the numbers with rowRgba', () => {
    const params = paramsOf(4);
    const picture = fieldPicture(createFieldEvaluator()(columnsOf(grid), params, true), grid, options);
    const { A1, A2 } = forward(config, params, grid.X);
    expect(Array.from(picture.output)).toEqual(Array.from(rowRgba(A2, 0, options.scale)));
    expect(picture.units).toHaveLength(8);
    expect(Array.from(picture.units[7])).toEqual(Array.from(rowRgba(A1, 7, { centre: 0, extent: maxAbs(A1.data) })));
  });
});

describe('the field worker’s service', () => {
  const grid = makeGrid({ x0: -2, x1: 2, y0: -2, y1: 2 }, 80);
  const thumbX = pickColumns(grid.X, thumbnailColumns(grid.n, thumbnailStep(grid.n)));
  const train = makeGrid({ x0: -1, x1: 1, y0: -1, y1: 1 }, 9).X;
  const test = makeGrid({ x0: -1.5, x1: 0.5, y0: -1, y1: 1 }, 4).X;
  const setupOf = (setupId: number, c: NetworkConfig = config, units = options.maxUnits): FieldSetup => ({
    type: 'setup', setupId, config: c, X: grid.X, thumbX, units, splits: [train, test], intervalMs: 80, unitsMs: 250,
  });
  /** What the evaluator must return: forward over the whole grid, the thumbnails picked from it. */
  const expected = (c: NetworkConfig, params: Params, units: number) => {
    const { A1, A2 } = forward(c, params, grid.X);
    const picked = pickColumns(A1, thumbnailColumns(grid.n, thumbnailStep(grid.n)));
    return { output: A2.data, units: picked.data.slice(0, units * picked.cols), unitExtent: maxAbs(A1.data) };
  };
  beforeEach(() => { vi.useFakeTimers(); });
  afterEach(() => { vi.useRealTimers(); });

  function start() {
    const replies: FieldReply[] = [];
    const service = createFieldService((r) => replies.push(r));
    return { replies, service };
  }
  const values = (r: FieldReply) => {
    if ('error' in r) throw new Error(r.error);
    return r;
  };

  it('returns the numbers viz/boundary draws, and A2 of each split, equal to forward bit for bit', () => {
    const { replies, service } = start();
    service.receive(setupOf(1));
    const params = paramsOf(3);
    service.receive({ type: 'params', setupId: 1, id: 0, params });
    vi.advanceTimersByTime(0);
    expect(replies).toHaveLength(1);
    const reply = values(replies[0]);
    expect([reply.setupId, reply.id]).toEqual([1, 0]);
    expectSameBits({ output: reply.output, units: reply.units.data, unitExtent: reply.unitExtent }, expected(config, params, options.maxUnits));
    expectSameBits(reply.splits[0], forward(config, params, train).A2);
    expectSameBits(reply.splits[1], forward(config, params, test).A2);
  });

  it('draws only the newest params, at most once per interval, and the thumbnails at most once per unitsMs', () => {
    const { replies, service } = start();
    service.receive(setupOf(1));
    const send = (id: number) => service.receive({ type: 'params', setupId: 1, id, params: paramsOf(10 + id) });
    send(0);
    vi.advanceTimersByTime(0);
    send(1);
    send(2);
    vi.advanceTimersByTime(79);
    expect(replies.map((r) => r.id)).toEqual([0]);
    vi.advanceTimersByTime(1);
    expect(replies.map((r) => r.id)).toEqual([0, 2]);
    expectSameBits(values(replies[1]).output, forward(config, paramsOf(12), grid.X).A2.data);
    // thumbnails with the first picture, then not again until 250 ms have passed
    expect(replies.map((r) => values(r).units.rows)).toEqual([8, 0]);
    for (let id = 3; id < 6; id++) {
      vi.advanceTimersByTime(80);
      send(id);
      vi.advanceTimersByTime(0);
    }
    expect(replies.map((r) => values(r).units.rows)).toEqual([8, 0, 0, 0, 8]);
    vi.advanceTimersByTime(1000);
    expect(replies).toHaveLength(5);
  });

  it('starts over on a new setup (another network), ignoring params of the old one, and reports engine errors', () => {
    const { replies, service } = start();
    service.receive(setupOf(1));
    service.receive({ type: 'params', setupId: 1, id: 0, params: paramsOf(1) });
    const wide: NetworkConfig = { ...config, hiddenSize: 40, hiddenActivation: 'relu' };
    service.receive(setupOf(2, wide, 32));
    vi.advanceTimersByTime(200);
    expect(replies).toHaveLength(0);
    const p2 = initializeParameters(wide, { scheme: 'he', seed: 2 });
    service.receive({ type: 'params', setupId: 2, id: 0, params: p2 });
    vi.advanceTimersByTime(0);
    const reply = values(replies[0]);
    expectSameBits({ output: reply.output, units: reply.units.data, unitExtent: reply.unitExtent }, expected(wide, p2, 32));
    expectSameBits(reply.splits[0], forward(wide, p2, train).A2);
    service.receive({ type: 'params', setupId: 2, id: 1, params: paramsOf(1) });
    vi.advanceTimersByTime(80);
    expect(replies[1]).toEqual({ setupId: 2, id: 1, error: expect.stringMatching(/W1 must be 40×2/) });
  });
});
