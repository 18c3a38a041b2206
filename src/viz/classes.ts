/**
 * Colours and pictures for K classes (a softmax output): one categorical colour per class,
 * the most probable class over a grid as RGBA pixels shaded by how sure the network is, and
 * the boundaries between the classes' regions as one SVG path. Pure; no DOM.
 */
import { rgb } from 'd3';
import { contourPath } from './boundary';

/**
 * One colour per class, 0 … 9: Paul Tol's colour-blind-safe "bright" scheme (blue, green, red,
 * yellow, cyan, magenta), then teal, olive and wine from his "muted" one, and grey. Why these:
 * they stay apart for the common colour-vision deficiencies, and none of the first three is the
 * orange or the purple of the diverging value palette (PuOr), so a class never reads as a sign.
 */
export const CLASS_COLORS = ['#4477aa', '#228833', '#ee6677', '#ccbb44', '#66ccee', '#aa3377', '#44aa99', '#999933', '#882255', '#bbbbbb'] as const;

/** The colour of class k (clamped into the table). */
export function classColorOf(k: number): string {
  return CLASS_COLORS[Math.max(0, Math.min(CLASS_COLORS.length - 1, Math.trunc(k) || 0))];
}

const CLASS_RGB = CLASS_COLORS.map((c) => {
  const { r, g, b } = rgb(c);
  return [r, g, b] as const;
});

/** How much of the class colour the least and the most certain pixel gets (the rest is white). */
const SHADE = { least: 0.2, most: 0.85 } as const;

/**
 * The most probable class at each of N grid points as RGBA pixels: its colour mixed with white,
 * the more colour the surer the network is (from the top probability, 1/K … 1). `A2` is K × N,
 * row-major (as a forward pass over a Grid's columns), a column a probability distribution.
 * A column holding a non-finite value is black.
 */
export function classRgba(A2: ArrayLike<number>, K: number, N: number): Uint8ClampedArray {
  const pixels = new Uint8ClampedArray(4 * N);
  const floor = 1 / K;
  for (let j = 0, o = 0; j < N; j++, o += 4) {
    let best = 0;
    let top = A2[j];
    let finite = Number.isFinite(top);
    for (let k = 1; k < K; k++) {
      const a = A2[k * N + j];
      if (!Number.isFinite(a)) finite = false;
      if (a > top) {
        top = a;
        best = k;
      }
    }
    pixels[o + 3] = 255;
    if (!finite) continue;
    const sure = Math.max(0, Math.min(1, (top - floor) / (1 - floor)));
    const w = SHADE.least + (SHADE.most - SHADE.least) * sure;
    const [r, g, b] = CLASS_RGB[Math.min(best, CLASS_RGB.length - 1)];
    pixels[o] = 255 + (r - 255) * w;
    pixels[o + 1] = 255 + (g - 255) * w;
    pixels[o + 2] = 255 + (b - 255) * w;
  }
  return pixels;
}

/**
 * Where the most probable class changes, in a size × size square: for each class k the 0
 * contour of a_k − max_{other} a, the edge of the region where k wins (each boundary between
 * two regions is drawn by both). '' when one class wins everywhere.
 */
export function classBoundaryPath(A2: ArrayLike<number>, K: number, n: number, size: number): string {
  const N = n * n;
  const margin = new Float64Array(N);
  let d = '';
  for (let k = 0; k < K; k++) {
    for (let j = 0; j < N; j++) {
      let other = -Infinity;
      for (let i = 0; i < K; i++) if (i !== k && A2[i * N + j] > other) other = A2[i * N + j];
      margin[j] = A2[k * N + j] - other;
    }
    d += contourPath(margin, n, 0, size);
  }
  return d;
}
