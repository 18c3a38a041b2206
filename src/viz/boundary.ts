/**
 * Pure helpers for the data view (2-D inputs): the square extent of the data, a grid of input
 * points over it, the network's output and hidden activations on that grid as RGBA images in
 * the shared palette, the decision contour as an SVG path, and misclassified samples. No DOM:
 * the view puts the pixels into ref'd <canvas> elements (STYLE.md §6). The field drawn from one
 * forward pass over the grid is in ./field.
 */
import { contours, format } from 'd3';
import { argmaxColumn, matrix, type ClassRule, type Matrix, type NetworkConfig } from '../engine/index';
import { LUT_STEPS, PALETTE, signedColor } from './color';
import { paletteLut } from './paletteLut';

/** The input plane shown: x = the first feature (row 0 of X), y = the second (row 1). */
export interface Extent {
  readonly x0: number;
  readonly x1: number;
  readonly y0: number;
  readonly y1: number;
}

/** Grid resolutions (points per side) the view may use, finest first. */
export const GRID_LEVELS = [80, 60, 40] as const;

/**
 * The smallest square extent holding every column of every X (2 × m), widened by
 * `margin` × its side on each side. Both axes get the same span, so a circle in the data
 * stays a circle in a square plot. An empty or single-point data set gets side 2.
 */
export function dataExtent(Xs: readonly Matrix[], margin = 0.1): Extent {
  let xMin = Infinity, xMax = -Infinity, yMin = Infinity, yMax = -Infinity;
  for (const X of Xs) {
    if (X.rows !== 2) throw new Error(`X must have 2 rows (inputs) for the data view (got ${X.rows})`);
    const m = X.cols;
    for (let j = 0; j < m; j++) {
      const x = X.data[j], y = X.data[m + j];
      if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
      if (x < xMin) xMin = x;
      if (x > xMax) xMax = x;
      if (y < yMin) yMin = y;
      if (y > yMax) yMax = y;
    }
  }
  if (xMin > xMax) return { x0: -1, x1: 1, y0: -1, y1: 1 };
  const side = Math.max(xMax - xMin, yMax - yMin) || 2;
  const half = side / 2 + margin * side;
  const cx = (xMin + xMax) / 2, cy = (yMin + yMax) / 2;
  return { x0: cx - half, x1: cx + half, y0: cy - half, y1: cy + half };
}

/** n × n input points over an extent, as the columns of one matrix. */
export interface Grid {
  readonly n: number;
  readonly extent: Extent;
  /**
   * 2 × n²: column k = r·n + c is the centre of the cell in image row r (r = 0 at the top,
   * the largest x₂) and image column c (c = 0 at the left, the smallest x₁), so any row of
   * a forward pass over X is an n × n image in ImageData order.
   */
  readonly X: Matrix;
}

/** The grid of cell centres; n is an integer ≥ 2. */
export function makeGrid(extent: Extent, n: number): Grid {
  if (!Number.isInteger(n) || n < 2) throw new Error(`n must be an integer ≥ 2 (got ${n})`);
  const N = n * n;
  const data = new Float64Array(2 * N);
  const dx = (extent.x1 - extent.x0) / n, dy = (extent.y1 - extent.y0) / n;
  for (let r = 0; r < n; r++) {
    const y = extent.y1 - (r + 0.5) * dy;
    for (let c = 0; c < n; c++) {
      data[r * n + c] = extent.x0 + (c + 0.5) * dx;
      data[N + r * n + c] = y;
    }
  }
  return { n, extent, X: matrix(2, N, data) };
}

/** How output values map to colours: signedColor(value − centre, extent). */
export interface ValueScale {
  readonly centre: number;
  readonly extent: number;
}

/**
 * The colour scale of the output: a sigmoid's probability is centred at 0.5 with extent 0.5
 * (0 and 1 are the palette's ends); any other output is centred on the middle of the
 * targets Y, with half their range as the extent.
 */
export function outputScale(outputActivation: NetworkConfig['outputActivation'], Y: Matrix): ValueScale {
  if (outputActivation === 'sigmoid') return { centre: 0.5, extent: 0.5 };
  let lo = Infinity, hi = -Infinity;
  for (const y of Y.data) {
    if (y < lo) lo = y;
    if (y > hi) hi = y;
  }
  if (!(lo <= hi)) return { centre: 0, extent: 1 };
  return { centre: (lo + hi) / 2, extent: (hi - lo) / 2 || 1 };
}

/** The palette colour of value on a scale, as [r, g, b] (same as signedColor up to the table's step). */
export function scaleRgb(value: number, scale: ValueScale): [number, number, number] {
  if (!Number.isFinite(value)) return [0, 0, 0];
  const t = Math.max(-1, Math.min(1, (value - scale.centre) / scale.extent));
  const l = 3 * Math.round(((t + 1) / 2) * LUT_STEPS);
  const lut = paletteLut();
  return [lut[l], lut[l + 1], lut[l + 2]];
}

/**
 * Row `row` of a (rows × n²) matrix, read as an n × n image (as from a Grid, or a thumbnail's
 * columns from thumbnailColumns), as RGBA pixels coloured on scale; non-finite values are black.
 */
export function rowRgba(m: Matrix, row: number, scale: ValueScale): Uint8ClampedArray {
  const N = m.cols;
  const pixels = new Uint8ClampedArray(4 * N);
  const data = m.data;
  const base = row * N;
  // table index = round((t + 1)/2 · LUT_STEPS) with t = (v − centre)/extent, clamped to the table
  const k = LUT_STEPS / (2 * scale.extent);
  const offset = LUT_STEPS / 2 - scale.centre * k + 0.5;
  const lut = paletteLut();
  for (let j = 0, o = 0; j < N; j++, o += 4) {
    const v = data[base + j];
    pixels[o + 3] = 255;
    if (!(v - v === 0)) { // NaN or ±Infinity
      pixels[o] = pixels[o + 1] = pixels[o + 2] = 0;
      continue;
    }
    let l = Math.floor(v * k + offset);
    l = 3 * (l < 0 ? 0 : l > LUT_STEPS ? LUT_STEPS : l);
    pixels[o] = lut[l];
    pixels[o + 1] = lut[l + 1];
    pixels[o + 2] = lut[l + 2];
  }
  return pixels;
}

/** Pixel step for hidden-unit thumbnails of an n-point grid, so that they are at most 40 pixels a side. */
export function thumbnailStep(n: number): number {
  return Math.max(1, Math.ceil(n / 40));
}

/**
 * The grid columns rowRgba shows with pixel step `step` (every step-th row and column of the
 * n × n image), in image order: ⌈n/step⌉² indices. A forward pass over just these columns gives
 * the thumbnails' values exactly, since each column's arithmetic is independent of the others.
 */
export function thumbnailColumns(n: number, step: number): Int32Array {
  const side = Math.ceil(n / step);
  const first = Math.floor((step - 1) / 2);
  const out = new Int32Array(side * side);
  for (let r = 0; r < side; r++) {
    const rowStart = Math.min(n - 1, r * step + first) * n;
    for (let c = 0; c < side; c++) out[r * side + c] = rowStart + Math.min(n - 1, c * step + first);
  }
  return out;
}

/**
 * The threshold contour of an n × n image (row-major, as from a Grid) as an SVG path in a
 * size × size square, open where it leaves the plot: d3-contour closes every polygon along
 * the border of the grid, and those border pieces are dropped so only the boundary itself
 * is drawn. Returns '' when the threshold is not crossed.
 */
export function contourPath(values: ArrayLike<number>, n: number, threshold: number, size: number): string {
  const finite = Array.from(values, (v) => (Number.isFinite(v) ? v : 0));
  const [geometry] = contours().size([n, n]).thresholds([threshold])(finite);
  const k = size / n;
  const onBorder = (p: readonly number[]) => p[0] <= 0 || p[0] >= n || p[1] <= 0 || p[1] >= n;
  const fmt = (v: number) => Math.round(v * k * 100) / 100;
  let d = '';
  for (const polygon of geometry.coordinates) {
    for (const ring of polygon) {
      let open = false;
      for (let i = 1; i < ring.length; i++) {
        const a = ring[i - 1], b = ring[i];
        if (onBorder(a) || onBorder(b)) {
          open = false;
          continue;
        }
        if (!open) d += `M${fmt(a[0])},${fmt(a[1])}`;
        d += `L${fmt(b[0])},${fmt(b[1])}`;
        open = true;
      }
    }
  }
  return d;
}

/** Circles of radius r around the given centres, as one SVG path (two arcs each). */
export function circlesPath(centres: readonly (readonly [number, number])[], r: number): string {
  const f = (v: number) => Math.round(v * 100) / 100;
  return centres.map(([x, y]) => `M${f(x + r)},${f(y)}a${r},${r} 0 1,0 ${-2 * r},0a${r},${r} 0 1,0 ${2 * r},0`).join('');
}

/**
 * Columns j where the prediction differs from the label: with 'threshold' (A2 > 0.5 → 1, else
 * 0) against Y (both 1 × m); with 'argmax' each column's most probable class against one-hot Y's
 * (both K × m).
 */
export function misclassified(A2: Matrix, Y: Matrix, rule: ClassRule = 'threshold'): number[] {
  const wrong: number[] = [];
  const m = A2.cols;
  if (rule === 'argmax') {
    for (let j = 0; j < m; j++) if (argmaxColumn(A2.data, A2.rows, m, j) !== argmaxColumn(Y.data, Y.rows, m, j)) wrong.push(j);
    return wrong;
  }
  for (let j = 0; j < m; j++) if ((A2.data[j] > 0.5 ? 1 : 0) !== Y.data[j]) wrong.push(j);
  return wrong;
}

/** Each column's class, the row of its largest entry (one-hot Y: the label; A2: the prediction), as a 1 × m matrix. */
export function classRow(M: Matrix): Matrix {
  return matrix(1, M.cols, Float64Array.from({ length: M.cols }, (_, j) => argmaxColumn(M.data, M.rows, M.cols, j)));
}

/**
 * The column of X (2 × m) nearest to the input point (x, y) within `radius` (in input units),
 * or null when none is that close.
 */
export function nearestColumn(X: Matrix, x: number, y: number, radius: number): number | null {
  let best: number | null = null;
  let bestD = radius * radius;
  const m = X.cols;
  for (let j = 0; j < m; j++) {
    const d = (X.data[j] - x) ** 2 + (X.data[m + j] - y) ** 2;
    if (d <= bestD) {
      bestD = d;
      best = j;
    }
  }
  return best;
}

/** Colour of a data point from its target: a class label (0/1) at the palette's ends, or a real value on the output's scale. */
export type PointColor = (y: number) => string;

export const classColor: PointColor = (y) => (y > 0.5 ? PALETTE[PALETTE.length - 1] : PALETTE[0]);

export function valueColor(scale: ValueScale): PointColor {
  return (y) => signedColor(y - scale.centre, scale.extent);
}

const percent = format('.1%');

/** "94.3%", or an em dash when there is no accuracy (a non-sigmoid output). */
export function formatAccuracy(accuracy: number | null): string {
  return accuracy === null ? '—' : percent(accuracy);
}

/** A threshold as people write it: 0.5, 1.25 (4 significant digits at most). */
export function formatThreshold(v: number): string {
  return String(Number(v.toPrecision(4)));
}
