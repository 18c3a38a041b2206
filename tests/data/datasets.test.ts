import { describe, expect, it } from 'vitest';
import { test } from '../prop';
import fc from 'fast-check';
import { DATASET_KINDS, DEFAULT_DATASET_SPECS, classCount, makeDataset, oneHot, splitColumns, type DatasetKind, type DatasetSpec } from '../../src/data/datasets';
import { fromRows, sliceColumns, toRows } from '../../src/engine/matrix';
import type { Matrix } from '../../src/engine/types';
import { expectClose, expectWithinUlps } from '../fixtures/compare';
import datasetsFixture from '../fixtures/datasets.json';
import spiralsFixture from '../fixtures/three_spirals.json';
import randomFixture from '../fixtures/random.json';

const PLANE_KINDS: DatasetKind[] = ['circle', 'xor', 'gaussians', 'spiral', 'moons'];
const EDGE = 4;

const withSpec = (kind: DatasetKind, over: Partial<DatasetSpec> = {}): DatasetSpec => ({ ...DEFAULT_DATASET_SPECS[kind], ...over });
const head = (m: Matrix) => toRows(sliceColumns(m, 0, Math.min(EDGE, m.cols)));
const tail = (m: Matrix) => toRows(sliceColumns(m, Math.max(0, m.cols - EDGE), m.cols));
const bits = (m: Matrix) => Array.from(m.data);

describe('DEFAULT_DATASET_SPECS', () => {
  it('has one valid spec per kind, named by its key', () => {
    for (const kind of DATASET_KINDS) {
      expect(DEFAULT_DATASET_SPECS[kind].kind).toBe(kind);
      expect(() => makeDataset(DEFAULT_DATASET_SPECS[kind])).not.toThrow();
    }
  });
});

describe('makeDataset shapes', () => {
  it.each(DATASET_KINDS)('%s has inputSize × m inputs and outputSize × m targets, finite', (kind) => {
    const d = makeDataset(DEFAULT_DATASET_SPECS[kind]);
    const spec = DEFAULT_DATASET_SPECS[kind];
    const nTrain = Math.round(spec.points * spec.trainFraction);
    const o = kind === 'three-spirals' ? 3 : 1;
    expect(d.kind).toBe(kind);
    expect(d.outputSize).toBe(o);
    expect(d.featureNames).toHaveLength(d.inputSize);
    expect([d.train.X.rows, d.train.X.cols, d.train.Y.rows, d.train.Y.cols]).toEqual([d.inputSize, nTrain, o, nTrain]);
    expect([d.test.X.rows, d.test.X.cols, d.test.Y.rows, d.test.Y.cols]).toEqual([d.inputSize, spec.points - nTrain, o, spec.points - nTrain]);
    for (const m of [d.train.X, d.train.Y, d.test.X, d.test.Y]) expect(m.data.every(Number.isFinite)).toBe(true);
  });

  it('tutorial-numpy is 2 × 300 train and 2 × 100 test, classification', () => {
    const d = makeDataset(DEFAULT_DATASET_SPECS['tutorial-numpy']);
    expect([d.inputSize, d.train.X.cols, d.test.X.cols, d.task]).toEqual([2, 300, 100, 'classification']);
  });

  it('tutorial-pytorch is 10 × 256 train and 10 × 64 test, regression', () => {
    const d = makeDataset(DEFAULT_DATASET_SPECS['tutorial-pytorch']);
    expect([d.inputSize, d.train.X.cols, d.test.X.cols, d.task]).toEqual([10, 256, 64, 'regression']);
  });

  it.each(PLANE_KINDS)('%s: binary labels, inputs within [-1.5, 1.5] when clean', (kind) => {
    const d = makeDataset(withSpec(kind, { noise: 0, points: 2000 }));
    expect(d.task).toBe('classification');
    for (const split of [d.train, d.test]) {
      expect(split.Y.data.every((v) => v === 0 || v === 1)).toBe(true);
      expect(split.X.data.every((v) => Math.abs(v) <= 1.5)).toBe(true);
    }
  });
});

describe('makeDataset balance', () => {
  it.each(PLANE_KINDS)('%s: each class is 30–70 % of train and of test', (kind) => {
    for (const seed of [0, 1, 2, 99]) {
      const d = makeDataset(withSpec(kind, { seed }));
      for (const split of [d.train, d.test]) {
        const ones = split.Y.data.reduce((s, v) => s + v, 0) / split.Y.cols;
        expect(ones).toBeGreaterThanOrEqual(0.3);
        expect(ones).toBeLessThanOrEqual(0.7);
      }
    }
  });

  it.each(PLANE_KINDS)('%s: exactly half of all points in each class', (kind) => {
    const d = makeDataset(withSpec(kind, { points: 11 }));
    const ones = [...d.train.Y.data, ...d.test.Y.data].filter((v) => v === 1).length;
    expect(ones).toBe(5);
  });
});

describe('makeDataset determinism', () => {
  test.prop([fc.constantFrom(...DATASET_KINDS.slice(1)), fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: 10, max: 300 })], { numRuns: 40 })(
    'same spec gives the same bits; another seed gives other data',
    (kind, seed, points) => {
      const spec = withSpec(kind, { seed, points, trainFraction: 0.5 });
      const a = makeDataset(spec);
      const b = makeDataset({ ...spec });
      expect(bits(a.train.X)).toEqual(bits(b.train.X));
      expect(bits(a.test.Y)).toEqual(bits(b.test.Y));
      const c = makeDataset({ ...spec, seed: (seed + 1) % 2 ** 32 });
      expect(bits(c.train.X)).not.toEqual(bits(a.train.X));
    },
  );

  it.each(PLANE_KINDS)('%s: noise changes the points but not the shuffle (labels)', (kind) => {
    const a = makeDataset(withSpec(kind, { noise: 0 }));
    const b = makeDataset(withSpec(kind, { noise: 0.5 }));
    expect(bits(a.train.Y)).toEqual(bits(b.train.Y));
    expect(bits(a.train.X)).not.toEqual(bits(b.train.X));
  });
});

describe('makeDataset agrees with the NumPy recipes', () => {
  it('tutorial-numpy equals np.random.seed(1); randn(2, 400); randint(0, 2, (1, 400)) from random.json', () => {
    const scenario = randomFixture.scenarios.find((s) => s.name.startsWith('tutorial data'));
    expect(scenario).toBeDefined();
    const [xCall, yCall] = scenario!.calls;
    const X = fromRows([xCall.values.slice(0, 400), xCall.values.slice(400, 800)]);
    const Y = fromRows([yCall.values]);
    const d = makeDataset(DEFAULT_DATASET_SPECS['tutorial-numpy']);
    expectClose(toRows(d.train.X), toRows(sliceColumns(X, 0, 300)), 1e-12, 'train.X');
    expectClose(toRows(d.test.X), toRows(sliceColumns(X, 300, 400)), 1e-12, 'test.X');
    expect(toRows(d.train.Y)).toEqual(toRows(sliceColumns(Y, 0, 300)));
    expect(toRows(d.test.Y)).toEqual(toRows(sliceColumns(Y, 300, 400)));
  });

  it.each(datasetsFixture.cases.map((c) => [`${c.spec.kind} m=${c.spec.points} seed=${c.spec.seed}`, c] as const))('%s', (_, c) => {
    const d = makeDataset(c.spec as DatasetSpec);
    for (const part of ['train', 'test'] as const) {
      for (const name of ['X', 'Y'] as const) {
        const m = d[part][name];
        const ref = c[part][name];
        expect(m.cols).toBe(ref.cols);
        expectClose(head(m), ref.head, 1e-12, `${part}.${name} head`);
        expectClose(tail(m), ref.tail, 1e-12, `${part}.${name} tail`);
      }
    }
  });
});

describe('three-spirals (cs231n\'s case study)', () => {
  /** Each column's class: the row holding its 1. */
  const classes = (Y: { rows: number; cols: number; data: Float64Array }) =>
    Array.from({ length: Y.cols }, (_, j) => [0, 1, 2].find((k) => Y.data[k * Y.cols + j] === 1));

  it('the default spec is the case study\'s data, shuffled (three_spirals.json, from NumPy): 225 train, 75 test', () => {
    const d = makeDataset(DEFAULT_DATASET_SPECS['three-spirals']);
    expect(DEFAULT_DATASET_SPECS['three-spirals']).toEqual(spiralsFixture.spec);
    expect([d.task, d.inputSize, d.outputSize, classCount(d), d.train.X.cols, d.test.X.cols]).toEqual(['multiclass', 2, 3, 3, 225, 75]);
    const X = [...toRows(d.train.X).map((row, i) => [...row, ...toRows(d.test.X)[i]])];
    // sin and cos may round differently from C's in the last bit; randn may be 1 ulp off (ENGINE.md).
    expectWithinUlps(X, spiralsFixture.X, 4, 'X');
    expect([...classes(d.train.Y), ...classes(d.test.Y)]).toEqual(spiralsFixture.labels);
  });

  it('is one-hot, 3 × m, and the classes differ in size by at most one', () => {
    for (const points of [10, 11, 300, 301, 302]) {
      const d = makeDataset({ ...DEFAULT_DATASET_SPECS['three-spirals'], points });
      const all = [...classes(d.train.Y), ...classes(d.test.Y)];
      expect(all.every((k) => k !== undefined)).toBe(true);
      for (const Y of [d.train.Y, d.test.Y]) expect(Y.data.reduce((s, v) => s + v, 0)).toBe(Y.cols);
      const sizes = [0, 1, 2].map((k) => all.filter((c) => c === k).length);
      expect(sizes).toEqual([0, 1, 2].map((j) => Math.ceil((points - j) / 3)));
    }
  });
});

describe('oneHot', () => {
  it('puts a 1 in row label of each column', () => {
    expect(toRows(oneHot([2, 0, 1, 2], 3))).toEqual([[0, 1, 0, 0], [0, 0, 1, 0], [1, 0, 0, 1]]);
  });
  it('rejects a label out of range or not whole', () => {
    expect(() => oneHot([0, 3], 3)).toThrow('label 1 must be a whole number from 0 to 2 (got 3)');
    expect(() => oneHot([0.5], 3)).toThrow('label 0 must be a whole number from 0 to 2 (got 0.5)');
  });
});

describe('makeDataset rejects bad specs with named errors', () => {
  const circle = DEFAULT_DATASET_SPECS.circle;
  it.each([
    [{ points: 3 }, 'points must be an integer from 10 to 5000 (got 3)'],
    [{ points: 5001 }, 'points must be an integer from 10 to 5000 (got 5001)'],
    [{ points: 12.5 }, 'points must be an integer from 10 to 5000 (got 12.5)'],
    [{ noise: -0.1 }, 'noise must be a finite number from 0 to 1 (got -0.1)'],
    [{ noise: NaN }, 'noise must be a finite number from 0 to 1 (got NaN)'],
    [{ trainFraction: 1 }, 'trainFraction must be a number between 0 and 1, exclusive (got 1)'],
    [{ trainFraction: 0 }, 'trainFraction must be a number between 0 and 1, exclusive (got 0)'],
    [{ points: 10, trainFraction: 0.96 }, 'trainFraction must leave at least one of the 10 points in each split (got 0.96)'],
    [{ points: 10, trainFraction: 0.04 }, 'trainFraction must leave at least one of the 10 points in each split (got 0.04)'],
    [{ seed: -1 }, 'seed must be an integer from 0 to 4294967295 (got -1)'],
    [{ seed: 2 ** 32 }, 'seed must be an integer from 0 to 4294967295 (got 4294967296)'],
    [{ kind: 'blobs' }, 'kind must be one of tutorial-numpy, tutorial-pytorch, circle, xor, gaussians, spiral, moons, three-spirals (got "blobs")'],
  ])('%o → %s', (over, message) => {
    expect(() => makeDataset({ ...circle, ...over } as DatasetSpec)).toThrow(message);
  });

  it('tutorial-numpy accepts only its fixed spec', () => {
    const fixed = DEFAULT_DATASET_SPECS['tutorial-numpy'];
    expect(() => makeDataset({ ...fixed, points: 500 })).toThrow("points must be 400 for the fixed 'tutorial-numpy' data set (got 500)");
    expect(() => makeDataset({ ...fixed, seed: 2 })).toThrow("seed must be 1 for the fixed 'tutorial-numpy' data set (got 2)");
    expect(() => makeDataset({ ...fixed, noise: 0.1 })).toThrow("noise must be 0 for the fixed 'tutorial-numpy' data set (got 0.1)");
    expect(() => makeDataset({ ...fixed, trainFraction: 0.8 })).toThrow(
      "trainFraction must be 0.75 for the fixed 'tutorial-numpy' data set (got 0.8)",
    );
  });

  it('rejects a missing spec', () => {
    expect(() => makeDataset(undefined as unknown as DatasetSpec)).toThrow('spec must be an object');
  });
});

describe('splitColumns', () => {
  const X = fromRows([[0, 1, 2, 3, 4], [5, 6, 7, 8, 9]]);
  const Y = fromRows([[0, 1, 0, 1, 0]]);

  it('puts the first round(m·f) columns in train and the rest in test', () => {
    const { train, test } = splitColumns(X, Y, 0.5); // round(2.5) = 3
    expect(toRows(train.X)).toEqual([[0, 1, 2], [5, 6, 7]]);
    expect(toRows(test.X)).toEqual([[3, 4], [8, 9]]);
    expect(toRows(train.Y)).toEqual([[0, 1, 0]]);
    expect(toRows(test.Y)).toEqual([[1, 0]]);
  });

  it('keeps at least one column on each side', () => {
    expect(splitColumns(X, Y, 0.99).test.X.cols).toBe(1);
    expect(splitColumns(X, Y, 0.01).train.X.cols).toBe(1);
  });

  it('throws named errors for bad inputs', () => {
    expect(() => splitColumns(X, Y, 1.5)).toThrow('trainFraction must be a number between 0 and 1, exclusive (got 1.5)');
    expect(() => splitColumns(X, fromRows([[1, 2]]), 0.5)).toThrow('Y must have 5 columns, one per column of X (got a 1×2 matrix)');
    expect(() => splitColumns(fromRows([[1]]), fromRows([[1]]), 0.5)).toThrow('X must have at least 2 columns');
  });
});
