import { describe, expect, it } from 'vitest';
import { rgb } from 'd3';
import { accuracy, forward, fromRows, matrix, numpyRandom, pickColumns, type NetworkConfig, type Params } from '../../src/engine/index';
import {
  GRID_LEVELS, circlesPath, contourPath, dataExtent, formatAccuracy, formatThreshold, makeGrid, misclassified, nearestColumn, outputScale, rowRgba,
  scaleRgb, thumbnailColumns, thumbnailStep,
} from '../../src/viz/boundary';
import { fieldPicture, type FieldOptions } from '../../src/viz/field';
import { createFieldEvaluator } from '../../src/worker/field';
import { PALETTE, signedColor } from '../../src/viz/color';

const sigma = (z: number) => 1 / (1 + Math.exp(-z));

/** A2 = σ(x₁): one linear hidden unit copying x₁, an identity output weight, sigmoid output. */
const copyX1: { config: NetworkConfig; params: Params } = {
  config: { inputSize: 2, hiddenSize: 1, outputSize: 1, hiddenActivation: 'linear', outputActivation: 'sigmoid', loss: 'bce' },
  params: { W1: fromRows([[1, 0]]), b1: fromRows([[0]]), W2: fromRows([[1]]), b2: fromRows([[0]]) },
};

describe('dataExtent', () => {
  const X = fromRows([[-1, 3, 0.5], [2, 0, -2]]);
  const T = fromRows([[4], [1]]);

  it('is a square holding every point of every split, widened by the margin', () => {
    const e = dataExtent([X, T], 0.1);
    // x spans −1…4 (5), y spans −2…2 (4): side 5, margin 0.5 on each side
    expect(e.x1 - e.x0).toBeCloseTo(6, 12);
    expect(e.y1 - e.y0).toBeCloseTo(6, 12);
    expect((e.x0 + e.x1) / 2).toBeCloseTo(1.5, 12);
    expect((e.y0 + e.y1) / 2).toBeCloseTo(0, 12);
    for (const M of [X, T]) {
      for (let j = 0; j < M.cols; j++) {
        expect(M.data[j]).toBeGreaterThanOrEqual(e.x0 + 0.5 - 1e-12);
        expect(M.data[j]).toBeLessThanOrEqual(e.x1 - 0.5 + 1e-12);
        expect(M.data[M.cols + j]).toBeGreaterThan(e.y0);
        expect(M.data[M.cols + j]).toBeLessThan(e.y1);
      }
    }
  });

  it('has no margin at 0 and a default square for a single point', () => {
    // x spans −1…3, y spans −2…2
    expect(dataExtent([X], 0)).toEqual({ x0: -1, x1: 3, y0: -2, y1: 2 });
    const one = dataExtent([fromRows([[2], [3]])], 0);
    expect(one).toEqual({ x0: 1, x1: 3, y0: 2, y1: 4 });
  });

  it('rejects data that is not 2-D', () => {
    expect(() => dataExtent([matrix(3, 2)])).toThrow(/X must have 2 rows/);
  });
});

describe('makeGrid', () => {
  const extent = { x0: -2, x1: 2, y0: -1, y1: 3 };

  it('has n² columns of cell centres, top-left first, row by row', () => {
    const n = 4;
    const g = makeGrid(extent, n);
    expect([g.X.rows, g.X.cols]).toEqual([2, 16]);
    // cell size 1 × 1: centres at x = −1.5 … 1.5, y = 2.5 (top) … −0.5 (bottom)
    expect([g.X.data[0], g.X.data[16]]).toEqual([-1.5, 2.5]);
    expect([g.X.data[3], g.X.data[16 + 3]]).toEqual([1.5, 2.5]);
    expect([g.X.data[4], g.X.data[16 + 4]]).toEqual([-1.5, 1.5]);
    expect([g.X.data[15], g.X.data[16 + 15]]).toEqual([1.5, -0.5]);
  });

  it('stays inside the extent at every level', () => {
    for (const n of GRID_LEVELS) {
      const g = makeGrid(extent, n);
      expect(g.X.cols).toBe(n * n);
      for (let k = 0; k < n * n; k++) {
        expect(g.X.data[k]).toBeGreaterThan(extent.x0);
        expect(g.X.data[k]).toBeLessThan(extent.x1);
        expect(g.X.data[n * n + k]).toBeGreaterThan(extent.y0);
        expect(g.X.data[n * n + k]).toBeLessThan(extent.y1);
      }
    }
    expect(() => makeGrid(extent, 1)).toThrow(/n must be an integer/);
  });
});

describe('the boundary of a known network (A2 = σ(x₁))', () => {
  const n = 20;
  const grid = makeGrid({ x0: -3, x1: 3, y0: -3, y1: 3 }, n);
  const { A1, A2 } = forward(copyX1.config, copyX1.params, grid.X);

  it('evaluates every grid point in one forward pass', () => {
    expect([A1.rows, A1.cols, A2.rows, A2.cols]).toEqual([1, n * n, 1, n * n]);
    for (let k = 0; k < n * n; k++) expect(A2.data[k]).toBeCloseTo(sigma(grid.X.data[k]), 14);
  });

  it('is orange (y = 0 side) on the left and purple (y = 1 side) on the right, each pixel signedColor(A2 − 0.5, 0.5)', () => {
    const pixels = rowRgba(A2, 0, outputScale('sigmoid', fromRows([[0, 1]])));
    expect(pixels.length).toBe(4 * n * n);
    const at = (r: number, c: number) => Array.from(pixels.subarray(4 * (r * n + c), 4 * (r * n + c) + 4));
    for (let r = 0; r < n; r++) {
      for (let c = 0; c < n; c++) {
        const x1 = -3 + (c + 0.5) * (6 / n);
        const expected = rgb(signedColor(sigma(x1) - 0.5, 0.5));
        const [red, green, blue, alpha] = at(r, c);
        expect(Math.abs(red - expected.r) + Math.abs(green - expected.g) + Math.abs(blue - expected.b)).toBeLessThanOrEqual(6);
        expect(alpha).toBe(255);
        if (c < n / 4) expect(red).toBeGreaterThan(blue);
        if (c >= (3 * n) / 4) expect(blue).toBeGreaterThan(red);
      }
    }
  });

  it('draws the A2 = 0.5 contour as the vertical line through the middle, without the plot border', () => {
    const d = contourPath(A2.data, n, 0.5, 400);
    expect(d).toMatch(/^M/);
    const points = [...d.matchAll(/[ML]([-\d.]+),([-\d.]+)/g)].map((p) => [Number(p[1]), Number(p[2])]);
    expect(points.length).toBeGreaterThan(2);
    for (const [x, y] of points) {
      expect(x).toBeCloseTo(200, 6);
      expect(y).toBeGreaterThan(0);
      expect(y).toBeLessThan(400);
    }
    expect(contourPath(A2.data, n, 2, 400)).toBe('');
  });

  /** The field's pictures at params, from the evaluator over this grid (thumbnails at every pixel: n ≤ 40). */
  const drawField = (params: Params, options: FieldOptions) => {
    const columns = { config: copyX1.config, X: grid.X, thumbX: grid.X, units: options.maxUnits, splits: [] };
    return fieldPicture(createFieldEvaluator()(columns, params, true), grid, options);
  };

  it('draws the output, the contour and every hidden unit from one pass', () => {
    const options = { scale: { centre: 0.5, extent: 0.5 }, threshold: 0.5, plotSize: 400, maxUnits: 32 };
    const picture = drawField(copyX1.params, options);
    expect(Array.from(picture.output)).toEqual(Array.from(rowRgba(A2, 0, options.scale)));
    expect(picture.contour).toBe(contourPath(A2.data, n, 0.5, 400));
    expect(picture.side).toBeNull();
    expect(picture.units.length).toBe(1);
    // A1 = x₁ on [−3, 3]: the unit scale is max|A1| = 2.85, the centre of the last cell
    expect(picture.unitExtent).toBeCloseTo(2.85, 12);
    expect(picture.unitSide).toBe(n);
    // shifting the output far up leaves no crossing: the whole plane is above 0.5
    const shifted = { ...copyX1.params, b2: fromRows([[10]]) };
    const above = drawField(shifted, options);
    expect([above.contour, above.side]).toEqual(['', 'above']);
    expect(drawField(copyX1.params, { ...options, threshold: null }).side).toBeNull();
  });

  it('paints non-finite values black', () => {
    const pixels = rowRgba(matrix(1, 4, Float64Array.from([NaN, Infinity, 0.5, 0.5])), 0, { centre: 0.5, extent: 0.5 });
    expect(Array.from(pixels.subarray(0, 8))).toEqual([0, 0, 0, 255, 0, 0, 0, 255]);
  });

  it('samples every step-th pixel for thumbnails (thumbnailColumns)', () => {
    expect(thumbnailStep(80)).toBe(2);
    expect(thumbnailStep(60)).toBe(2);
    expect(thumbnailStep(40)).toBe(1);
    const thumb = rowRgba(pickColumns(A2, thumbnailColumns(n, 2)), 0, { centre: 0.5, extent: 0.5 });
    expect(thumb.length).toBe(4 * 10 * 10);
    const full = rowRgba(A2, 0, { centre: 0.5, extent: 0.5 });
    // thumbnail pixel (r, c) is grid pixel (2r, 2c)
    expect(Array.from(thumb.subarray(4 * 23, 4 * 24))).toEqual(Array.from(full.subarray(4 * (4 * n + 6), 4 * (4 * n + 6) + 4)));
  });
});

describe('outputScale and scaleRgb', () => {
  it('centres a sigmoid at 0.5 and other outputs on the middle of the targets', () => {
    expect(outputScale('sigmoid', fromRows([[3, 9]]))).toEqual({ centre: 0.5, extent: 0.5 });
    expect(outputScale('linear', fromRows([[-1, 3, 2]]))).toEqual({ centre: 1, extent: 2 });
    expect(outputScale('linear', fromRows([[2, 2]]))).toEqual({ centre: 2, extent: 1 });
  });

  it('maps the centre to the neutral colour and the ends to the palette ends', () => {
    const s = { centre: 0.5, extent: 0.5 };
    const hex = (c: [number, number, number]) => rgb(...c).formatHex();
    expect(hex(scaleRgb(0.5, s))).toBe(rgb(signedColor(0, 1)).formatHex());
    expect(hex(scaleRgb(0, s))).toBe(PALETTE[0]);
    expect(hex(scaleRgb(1, s))).toBe(PALETTE[6]);
    expect(hex(scaleRgb(-5, s))).toBe(PALETTE[0]);
  });
});

describe('misclassified', () => {
  it('agrees with an independent count and with the engine accuracy', () => {
    const rng = numpyRandom(7);
    const m = 500;
    const A2 = rng.rand(1, m);
    const Y = rng.randint(0, 2, 1, m);
    A2.data[0] = 0.5; // exactly 0.5 predicts 0
    Y.data[0] = 1;
    const wrong = misclassified(A2, Y);
    const expected: number[] = [];
    for (let j = 0; j < m; j++) {
      const predicted = A2.data[j] > 0.5 ? 1 : 0;
      if (predicted !== Y.data[j]) expected.push(j);
    }
    expect(wrong).toEqual(expected);
    expect(wrong[0]).toBe(0);
    expect(1 - wrong.length / m).toBeCloseTo(accuracy(A2, Y), 14);
  });
});

describe('nearestColumn', () => {
  const X = fromRows([[0, 1, 5], [0, 1, 5]]);
  it('finds the nearest point within the radius, or none', () => {
    expect(nearestColumn(X, 0.9, 0.8, 0.5)).toBe(1);
    expect(nearestColumn(X, 0.1, 0, 0.5)).toBe(0);
    expect(nearestColumn(X, 3, 3, 0.5)).toBeNull();
  });
});

describe('circlesPath', () => {
  it('draws each circle as two arcs from its rightmost point', () => {
    expect(circlesPath([[10, 20], [0, 0]], 3)).toBe('M13,20a3,3 0 1,0 -6,0a3,3 0 1,0 6,0M3,0a3,3 0 1,0 -6,0a3,3 0 1,0 6,0');
    expect(circlesPath([], 3)).toBe('');
  });
});

describe('formatting', () => {
  it('prints accuracy as a percentage and thresholds briefly', () => {
    expect(formatAccuracy(0.94333)).toBe('94.3%');
    expect(formatAccuracy(null)).toBe('—');
    expect(formatThreshold(0.5)).toBe('0.5');
    expect(formatThreshold(1.23456)).toBe('1.235');
  });
});
