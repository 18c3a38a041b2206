import { describe, expect, it } from 'vitest';
import { rgb } from 'd3';
import { CLASS_COLORS, classBoundaryPath, classColorOf, classRgba } from '../../src/viz/classes';
import { PALETTE } from '../../src/viz/color';

describe('class colours', () => {
  it('ten distinct colours, none of them one of the diverging palette\'s stops', () => {
    expect(new Set(CLASS_COLORS).size).toBe(10);
    for (const c of CLASS_COLORS) expect((PALETTE as readonly string[]).includes(c)).toBe(false);
    // the first three (three spirals) are far from the palette's orange and purple ends in RGB
    const distance = (a: string, b: string) => { const x = rgb(a), y = rgb(b); return Math.hypot(x.r - y.r, x.g - y.g, x.b - y.b); };
    for (const c of CLASS_COLORS.slice(0, 3)) for (const end of [PALETTE[0], PALETTE[6]]) expect(distance(c, end)).toBeGreaterThan(80);
    expect(classColorOf(2)).toBe(CLASS_COLORS[2]);
    expect(classColorOf(99)).toBe(CLASS_COLORS[9]);
  });
});

describe('classRgba', () => {
  // K = 3 classes at N = 3 points: sure of class 2, unsure between 0 and 1 (class 0 wins the tie), even.
  const A2 = [0, 0.5, 1 / 3, /**/ 0, 0.5, 1 / 3, /**/ 1, 0, 1 / 3];
  it('gives each point its most probable class\'s colour, paler the less sure it is', () => {
    const px = classRgba(A2, 3, 3);
    const blue = rgb(CLASS_COLORS[2]);
    expect([px[0], px[1], px[2], px[3]]).toEqual([Math.round(255 + (blue.r - 255) * 0.85), Math.round(255 + (blue.g - 255) * 0.85), Math.round(255 + (blue.b - 255) * 0.85), 255]);
    const c0 = rgb(CLASS_COLORS[0]);
    // 0.5 of 3 classes: (0.5 − 1/3) / (2/3) = 1/4 of the way from the palest to the fullest shade
    const w = 0.2 + 0.65 * 0.25;
    expect([px[4], px[5], px[6]]).toEqual([c0.r, c0.g, c0.b].map((v) => Math.round(255 + (v - 255) * w)));
    // all equal: the palest shade of class 0
    expect([px[8], px[9], px[10]]).toEqual([c0.r, c0.g, c0.b].map((v) => Math.round(255 + (v - 255) * 0.2)));
  });

  it('a column with a non-finite value is black', () => {
    expect(Array.from(classRgba([NaN, 0.5], 2, 1))).toEqual([0, 0, 0, 255]);
  });
});

describe('classBoundaryPath', () => {
  it('draws where the winner changes, and nothing when one class wins everywhere', () => {
    const n = 10;
    const N = n * n;
    // class 0 wins on the left half, class 1 on the right
    const A2 = new Float64Array(2 * N);
    for (let j = 0; j < N; j++) {
      const left = j % n < n / 2;
      A2[j] = left ? 0.8 : 0.2;
      A2[N + j] = left ? 0.2 : 0.8;
    }
    const d = classBoundaryPath(A2, 2, n, 100);
    expect(d).toMatch(/^M50,/);
    expect(d.match(/[ML]50,/g)!.length).toBeGreaterThan(4);
    expect(classBoundaryPath(Float64Array.from({ length: 2 * N }, (_, k) => (k < N ? 0.9 : 0.1)), 2, n, 100)).toBe('');
  });
});
