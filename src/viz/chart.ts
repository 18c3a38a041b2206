/**
 * Pure helpers for the loss and accuracy curves: min/max downsampling, extents, scales,
 * ticks and SVG path strings. No DOM, no store; the LossChart view renders what these return.
 */
import { format, precisionFixed, scaleLinear, scaleLog, type ScaleLinear, type ScaleLogarithmic } from 'd3';

/** A polyline in data space: xs[k] is an iteration, ys[k] its value (NaN for a gap). */
export interface Series {
  readonly xs: Float64Array;
  readonly ys: Float64Array;
}

export type YScale = ScaleLinear<number, number> | ScaleLogarithmic<number, number>;

/**
 * At most about two points per bucket: each bucket of consecutive rows keeps its minimum and
 * its maximum (in row order), so every peak and trough survives; the first and last rows are
 * always kept. Non-finite values are skipped (a gap is drawn only where a whole bucket is
 * non-finite). With `length` ≤ 2·buckets every row is returned unchanged.
 */
export function downsampleMinMax(values: ArrayLike<number>, length: number, buckets: number): Series {
  const n = Math.max(0, Math.min(length, values.length));
  const b = Math.max(1, Math.floor(buckets));
  if (n <= 2 * b) {
    const xs = new Float64Array(n);
    const ys = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      xs[i] = i;
      ys[i] = values[i];
    }
    return { xs, ys };
  }
  const xs: number[] = [];
  const ys: number[] = [];
  const push = (i: number) => {
    if (xs.length > 0 && xs[xs.length - 1] === i) return;
    xs.push(i);
    ys.push(values[i]);
  };
  push(0);
  for (let k = 0; k < b; k++) {
    const start = Math.floor((k * n) / b);
    const end = Math.floor(((k + 1) * n) / b);
    let lo = -1;
    let hi = -1;
    for (let i = start; i < end; i++) {
      const v = values[i];
      if (!Number.isFinite(v)) continue;
      if (lo < 0 || v < values[lo]) lo = i;
      if (hi < 0 || v > values[hi]) hi = i;
    }
    if (lo < 0) {
      // A whole bucket without a finite value (the loss blew up): keep one row to draw the gap.
      push(start);
      continue;
    }
    push(Math.min(lo, hi));
    push(Math.max(lo, hi));
  }
  push(n - 1);
  return { xs: Float64Array.from(xs), ys: Float64Array.from(ys) };
}

/** [min, max] of the finite values among the first `length` rows of each array; null when there are none. */
export function finiteExtent(arrays: readonly ArrayLike<number>[], length: number, positiveOnly = false): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const a of arrays) {
    const n = Math.min(length, a.length);
    for (let i = 0; i < n; i++) {
      const v = a[i];
      if (!Number.isFinite(v) || (positiveOnly && v <= 0)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  return lo <= hi ? [lo, hi] : null;
}

/** Iterations 0 … maxIteration across [0, width] pixels. */
export function iterationScale(maxIteration: number, width: number): ScaleLinear<number, number> {
  return scaleLinear().domain([0, Math.max(1, maxIteration)]).range([0, Math.max(1, width)]);
}

/**
 * The loss axis over [bottom, top] = [height, 0] pixels. Linear starts at 0 (so a drop looks as
 * big as it is); log spans the positive extent: whole decades when it covers one, else a 5% margin.
 */
export function lossScale(extent: [number, number] | null, height: number, log: boolean): YScale {
  const range: [number, number] = [Math.max(1, height), 0];
  if (log) {
    const [lo, hi] = extent ?? [0.1, 1];
    // Across a decade or more, whole decades; within one, a 5% margin (else a flat curve hugs the top).
    if (hi / lo >= 10) return scaleLog().domain([lo, hi]).range(range).nice();
    const pad = Math.max(1.02, (hi / lo) ** 0.05);
    return scaleLog().domain([lo / pad, hi * pad]).range(range);
  }
  const hi = extent ? Math.max(extent[1], 0) : 1;
  // 5% headroom so a flat curve does not sit on the top edge.
  return scaleLinear().domain([Math.min(0, extent?.[0] ?? 0), hi > 0 ? hi * 1.05 : 1]).range(range).nice();
}

/** Accuracy from 0 to 1 over [height, 0]. */
export function accuracyScale(height: number): ScaleLinear<number, number> {
  return scaleLinear().domain([0, 1]).range([Math.max(1, height), 0]);
}

/** One tick: its position in pixels and its label. */
export interface Tick {
  readonly value: number;
  readonly offset: number;
  readonly label: string;
}

const iterationFormat = format(',d');
const shortFormat = format('~s');
const sciFormat = format('.2~e');

/** Whole-iteration ticks along x (no fractional iterations), short labels past 10,000. */
export function iterationTicks(scale: ScaleLinear<number, number>, count: number): Tick[] {
  const max = scale.domain()[1];
  return scale
    .ticks(count)
    .filter((v) => Number.isInteger(v))
    .map((v) => ({ value: v, offset: scale(v), label: max >= 10_000 ? shortFormat(v) : iterationFormat(v) }));
}

/**
 * Ticks along a value axis. On a log scale spanning decades, only the ticks d3 would label (at
 * most 1, 2, 5 per decade); within one decade, evenly spaced ticks; always plain decimals
 * ("0.2", not the SI "200m").
 */
export function valueTicks(scale: YScale, count: number, kind: 'linear' | 'log' | 'percent' = 'linear'): Tick[] {
  const ticks = scale.ticks(count);
  const [lo, hi] = scale.domain();
  let fmt: (v: number) => string;
  if (kind === 'percent') fmt = format('.0%');
  else if (kind === 'log' && hi / lo >= 10) fmt = scale.tickFormat(count, '~g');
  else if (kind === 'log') fmt = format(`.${ticks.length > 1 ? precisionFixed(ticks[1] - ticks[0]) : 3}f`);
  else if (Math.abs(hi) >= 1e5) fmt = (v) => (v === 0 ? '0' : sciFormat(v)); // a diverging loss: "1e+127", not "10000e+123"
  else fmt = scale.tickFormat(count);
  return ticks.map((v) => ({ value: v, offset: scale(v), label: fmt(v) })).filter((t) => t.label !== '');
}

/**
 * The SVG path of a series in pixel space, coordinates rounded to 0.01 px. Non-finite values
 * (and non-positive ones on a log scale) break the line instead of drawing to infinity.
 * Why not d3.line: this runs for four curves on every training report, and a plain loop
 * with short numbers builds (and the browser parses) a path several times faster.
 */
export function seriesPath(series: Series, x: (v: number) => number, y: YScale, log = false): string {
  const { xs, ys } = series;
  let d = '';
  let isOpen = false;
  for (let k = 0; k < xs.length; k++) {
    const v = ys[k];
    if (!Number.isFinite(v) || (log && v <= 0)) {
      isOpen = false;
      continue;
    }
    d += `${isOpen ? 'L' : 'M'}${Math.round(x(xs[k]) * 100) / 100},${Math.round(y(v) * 100) / 100}`;
    isOpen = true;
  }
  return d;
}

/** The iteration under pixel `px` of a plot `width` wide showing 0 … maxIteration: rounded and clamped. */
export function iterationAt(px: number, width: number, maxIteration: number): number {
  const max = Math.max(0, Math.floor(maxIteration));
  if (width <= 0) return 0;
  const v = Math.round((px / width) * Math.max(1, max));
  return Math.max(0, Math.min(max, v));
}
