import { describe, expect, it } from 'vitest';
import {
  accuracyScale, downsampleMinMax, finiteExtent, iterationAt, iterationScale, iterationTicks, lossScale, seriesPath, valueTicks,
} from '../../src/viz/chart';

/** A deterministic wiggly series: a decaying curve with spikes. */
function wiggly(n: number): Float64Array {
  const a = new Float64Array(n);
  for (let i = 0; i < n; i++) a[i] = 1 / (1 + i / 50) + 0.1 * Math.sin(i * 1.7) + (i % 97 === 13 ? 0.8 : 0);
  return a;
}

describe('downsampleMinMax', () => {
  it('returns every row unchanged when there are at most two per bucket', () => {
    const v = Float64Array.from([3, 1, 4, 1, 5]);
    const s = downsampleMinMax(v, 5, 10);
    expect(Array.from(s.xs)).toEqual([0, 1, 2, 3, 4]);
    expect(Array.from(s.ys)).toEqual([3, 1, 4, 1, 5]);
  });

  it('reads only the first `length` rows (the arrays have spare capacity)', () => {
    const v = new Float64Array(1024);
    v.set([2, 7, 1]);
    expect(Array.from(downsampleMinMax(v, 3, 100).ys)).toEqual([2, 7, 1]);
    expect(downsampleMinMax(v, 0, 100).xs.length).toBe(0);
  });

  it('keeps the minimum and maximum of every bucket, in row order, and the first and last rows', () => {
    const n = 100_000;
    const buckets = 500;
    const v = wiggly(n);
    const s = downsampleMinMax(v, n, buckets);
    expect(s.xs.length).toBeLessThanOrEqual(2 * buckets + 2);
    expect(s.xs[0]).toBe(0);
    expect(s.xs[s.xs.length - 1]).toBe(n - 1);
    for (let k = 1; k < s.xs.length; k++) expect(s.xs[k]).toBeGreaterThan(s.xs[k - 1]);
    for (let k = 0; k < s.xs.length; k++) expect(s.ys[k]).toBe(v[s.xs[k]]);
    const kept = new Set(Array.from(s.xs));
    for (let b = 0; b < buckets; b++) {
      const start = Math.floor((b * n) / buckets);
      const end = Math.floor(((b + 1) * n) / buckets);
      let lo = Infinity;
      let hi = -Infinity;
      for (let i = start; i < end; i++) {
        lo = Math.min(lo, v[i]);
        hi = Math.max(hi, v[i]);
      }
      const inBucket = Array.from(s.xs).filter((i) => i >= start && i < end).map((i) => v[i]);
      expect(Math.min(...inBucket)).toBe(lo);
      expect(Math.max(...inBucket)).toBe(hi);
    }
    expect(kept.has(0) && kept.has(n - 1)).toBe(true);
  });

  it('preserves the global minimum and maximum', () => {
    const v = wiggly(12_345);
    const s = downsampleMinMax(v, v.length, 97);
    expect(Math.min(...s.ys)).toBe(Math.min(...v));
    expect(Math.max(...s.ys)).toBe(Math.max(...v));
  });

  it('skips non-finite values but keeps a row where a whole bucket has none (a gap)', () => {
    const v = new Float64Array(40).fill(1);
    for (let i = 20; i < 40; i++) v[i] = NaN;
    const s = downsampleMinMax(v, 40, 4);
    expect(Array.from(s.ys).some((y) => Number.isNaN(y))).toBe(true);
    expect(Array.from(s.ys).filter(Number.isFinite).every((y) => y === 1)).toBe(true);
  });
});

describe('scales and ticks', () => {
  it('finiteExtent reads `length` rows and ignores NaN, infinities and (for log) non-positive values', () => {
    const a = Float64Array.from([0.5, NaN, 0.2, Infinity]);
    const b = Float64Array.from([0, 0.9, -1]);
    expect(finiteExtent([a, b], 2)).toEqual([0, 0.9]);
    expect(finiteExtent([a, b], 3)).toEqual([-1, 0.9]);
    expect(finiteExtent([a, b], 3, true)).toEqual([0.2, 0.9]);
    expect(finiteExtent([Float64Array.from([NaN])], 1)).toBeNull();
  });

  it('the loss scale starts at 0 when linear and spans positive decades when log', () => {
    const linear = lossScale([0.2, 0.7], 100, false);
    expect(linear.domain()[0]).toBe(0);
    expect(linear(0)).toBe(100);
    expect(linear.domain()[1]).toBeGreaterThanOrEqual(0.7);
    const log = lossScale([0.02, 0.7], 100, true);
    expect(log.domain()).toEqual([0.01, 1]);
    const narrow = lossScale([0.68, 0.7], 100, true);
    expect(narrow.domain()[0]).toBeGreaterThan(0.6);
    expect(narrow.domain()[0]).toBeLessThan(0.68);
    expect(narrow.domain()[1]).toBeGreaterThan(0.7);
    expect(narrow.domain()[1]).toBeLessThan(0.75);
    expect(lossScale([0.5, 0.5], 100, true)(0.5)).toBeCloseTo(50);
  });

  it('iteration ticks are whole numbers inside the domain, grouped or short', () => {
    const x = iterationScale(50, 500);
    const ticks = iterationTicks(x, 5);
    expect(ticks.every((t) => Number.isInteger(t.value) && t.value >= 0 && t.value <= 50)).toBe(true);
    expect(ticks.at(-1)?.label).toBe('50');
    expect(iterationTicks(iterationScale(3, 500), 10).map((t) => t.label)).toEqual(['0', '1', '2', '3']);
    expect(iterationTicks(iterationScale(200_000, 500), 4).at(-1)?.label).toBe('200k');
  });

  it('accuracy ticks are percentages', () => {
    expect(valueTicks(accuracyScale(100), 2, 'percent').map((t) => t.label)).toEqual(['0%', '50%', '100%']);
  });

  it('log ticks are plain decimals, not SI prefixes', () => {
    const labels = valueTicks(lossScale([0.05, 0.9], 100, true), 4, 'log').map((t) => t.label);
    expect(labels).toContain('0.1');
    expect(labels).toContain('1');
    expect(labels.some((l) => /m$/.test(l))).toBe(false);
    const narrow = valueTicks(lossScale([0.68, 0.7], 100, true), 4, 'log').map((t) => t.label);
    expect(narrow.length).toBeGreaterThanOrEqual(2);
    expect(narrow).toContain('0.69');
  });

  it('iterationAt rounds to the nearest iteration and clamps', () => {
    expect(iterationAt(0, 500, 50)).toBe(0);
    expect(iterationAt(250, 500, 50)).toBe(25);
    expect(iterationAt(254, 500, 50)).toBe(25);
    expect(iterationAt(256, 500, 50)).toBe(26);
    expect(iterationAt(-30, 500, 50)).toBe(0);
    expect(iterationAt(900, 500, 50)).toBe(50);
  });
});

describe('seriesPath', () => {
  const x = iterationScale(2, 200);
  const y = accuracyScale(100);

  it('draws one segment per point in pixel space', () => {
    const d = seriesPath({ xs: Float64Array.from([0, 1, 2]), ys: Float64Array.from([1, 0.5, 0]) }, x, y);
    expect(d).toBe('M0,0L100,50L200,100');
  });

  it('breaks the line at NaN, and at non-positive values on a log scale', () => {
    const d = seriesPath({ xs: Float64Array.from([0, 1, 2]), ys: Float64Array.from([1, NaN, 0.5]) }, x, y);
    expect(d.match(/M/g)).toHaveLength(2);
    const log = lossScale([0.1, 1], 100, true);
    const dl = seriesPath({ xs: Float64Array.from([0, 1, 2]), ys: Float64Array.from([1, 0, 0.5]) }, x, log, true);
    expect(dl.match(/M/g)).toHaveLength(2);
    expect(dl).not.toContain('NaN');
    expect(dl).not.toContain('Infinity');
  });

  it('rounds to hundredths of a pixel and draws a lone point between gaps as a bare moveto', () => {
    const third = iterationScale(3, 100);
    const d = seriesPath({ xs: Float64Array.from([0, 1, 2, 3]), ys: Float64Array.from([1 / 3, NaN, 2 / 3, NaN]) }, third, y);
    expect(d).toBe('M0,66.67M66.67,33.33');
  });

  it('is empty for no points', () => {
    expect(seriesPath({ xs: new Float64Array(0), ys: new Float64Array(0) }, x, y)).toBe('');
  });
});

describe('value ticks of a diverging loss', () => {
  it('labels huge values in short scientific notation', async () => {
    const { scaleLinear } = await import('d3');
    const labels = valueTicks(scaleLinear().domain([0, 1e127]).range([100, 0]), 4).map((t) => t.label);
    expect(labels.slice(0, 3)).toEqual(['0', '2e+126', '4e+126']);
    for (const label of labels) expect(label.length).toBeLessThanOrEqual(7);
  });
});
