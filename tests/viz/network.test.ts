import { describe, expect, test } from 'vitest';
import {
  MAX_FONT, MAX_LABEL_SCALE, arrowPath, minDrawingWidth, columnsHeight, edgePath, fitDiagram, layoutNetwork, pointAlong, strokeWidthScale, type LayerSizes,
} from '../../src/viz/network';

const SIZES: LayerSizes[] = [[2, 4, 1], [2, 16, 1], [10, 5, 1], [2, 32, 1], [1, 1, 1], [3, 8, 2], [2, 100, 3], [2, 6, 10]];
const WIDTHS = [300, 340, 640, 960];
const margins = { top: 50, right: 90, bottom: 12, left: 70 };

/** The points of an "M x,y L x,y …" path. */
function points(d: string): { x: number; y: number }[] {
  return [...d.matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]) }));
}

describe('layoutNetwork', () => {
  for (const sizes of SIZES) {
    for (const width of WIDTHS) {
      const height = columnsHeight(sizes) + margins.top + margins.bottom;
      const layout = layoutNetwork(sizes, width, height, margins);
      const label = `${sizes.join('-')} at ${width}×${height}`;

      test(`${label}: one node per neuron, every circle inside the margins`, () => {
        expect(layout.layers.map((l) => l.nodes.length)).toEqual([...sizes]);
        for (const l of layout.layers) {
          expect(l.radius).toBeGreaterThan(0);
          for (const p of l.nodes) {
            expect(p.x - l.radius).toBeGreaterThanOrEqual(margins.left - 1e-9);
            expect(p.x + l.radius).toBeLessThanOrEqual(width - margins.right + 1e-9);
            expect(p.y - l.radius).toBeGreaterThanOrEqual(margins.top - 1e-9);
            expect(p.y + l.radius).toBeLessThanOrEqual(height - margins.bottom + 1e-9);
          }
        }
      });

      test(`${label}: no two circles overlap, neighbours keep a gap`, () => {
        const all = layout.layers.flatMap((l) => l.nodes.map((p) => ({ ...p, r: l.radius })));
        for (let i = 0; i < all.length; i++) {
          for (let j = i + 1; j < all.length; j++) {
            const gap = Math.hypot(all[i].x - all[j].x, all[i].y - all[j].y) - all[i].r - all[j].r;
            expect(gap).toBeGreaterThan(2);
          }
        }
      });

      test(`${label}: symmetric about the middle, columns evenly spaced left to right`, () => {
        const midY = margins.top + (height - margins.top - margins.bottom) / 2;
        for (const l of layout.layers) {
          const n = l.nodes.length;
          for (let i = 0; i < n; i++) {
            expect(l.nodes[i].x).toBe(l.x);
            expect(l.nodes[i].y + l.nodes[n - 1 - i].y).toBeCloseTo(2 * midY, 9);
            if (i > 0) expect(l.nodes[i].y - l.nodes[i - 1].y).toBeCloseTo(l.spacing, 9);
          }
        }
        const [a, b, c] = layout.layers.map((l) => l.x);
        expect(a).toBeLessThan(b);
        expect(c - b).toBeCloseTo(b - a, 9);
      });
    }
  }

  test('radius and labels shrink as the hidden layer grows; labels vanish when there is no room', () => {
    const at = (h: number) => {
      const sizes: LayerSizes = [2, h, 1];
      return layoutNetwork(sizes, 640, columnsHeight(sizes) + 62, margins).layers[1];
    };
    expect(at(4).radius).toBeGreaterThan(at(16).radius);
    expect(at(16).radius).toBeGreaterThan(at(32).radius);
    expect(at(4).fontSize).toBeGreaterThanOrEqual(at(16).fontSize);
    expect(at(16).fontSize).toBeGreaterThanOrEqual(11);
    expect(at(32).fontSize).toBe(0);
  });

  test('columnsHeight grows with the largest layer and stays at least 200', () => {
    expect(columnsHeight([1, 1, 1])).toBe(200);
    expect(columnsHeight([2, 16, 1])).toBeGreaterThan(columnsHeight([2, 4, 1]));
    expect(columnsHeight([2, 32, 1])).toBeGreaterThan(columnsHeight([2, 16, 1]));
    // 100 hidden neurons (the three-spiral preset) stay within about a screen's height.
    expect(columnsHeight([2, 100, 3])).toBeGreaterThan(columnsHeight([2, 32, 1]));
    expect(columnsHeight([2, 100, 3])).toBeLessThanOrEqual(720);
    expect(columnsHeight([10, 5, 1])).toBe(columnsHeight([2, 10, 1]));
  });
});

describe('edgePath', () => {
  const a = { x: 100, y: 100 };
  const b = { x: 400, y: 200 };

  test('starts and ends on the circles’ borders, along the centre line', () => {
    const [start, end, ...rest] = points(edgePath(a, b, 20, 10));
    expect(rest).toEqual([]);
    expect(Math.hypot(start.x - a.x, start.y - a.y)).toBeCloseTo(20, 1);
    expect(Math.hypot(end.x - b.x, end.y - b.y)).toBeCloseTo(10, 1);
    // on the centre line: start's distance from the line through a and b vanishes (up to the path's 0.01 rounding)
    const distance = ((start.x - a.x) * (b.y - a.y) - (start.y - a.y) * (b.x - a.x)) / Math.hypot(b.x - a.x, b.y - a.y);
    expect(Math.abs(distance)).toBeLessThan(0.02);
  });

  test('drawn backward it runs from b to a', () => {
    const forward = points(edgePath(a, b, 20, 10));
    const backward = points(edgePath(b, a, 10, 20));
    expect(backward[0].x).toBeCloseTo(forward[1].x, 1);
    expect(backward[1].x).toBeCloseTo(forward[0].x, 1);
    expect(backward[0].x).toBeGreaterThan(backward[1].x);
  });

  test('circles that touch give a plain centre-to-centre line', () => {
    expect(points(edgePath(a, { x: 110, y: 100 }, 10, 10))).toEqual([a, { x: 110, y: 100 }]);
  });

  test('arrowPath: a triangle at the midpoint whose tip points towards the target', () => {
    const [tip, wing1, wing2] = points(arrowPath(a, b, 12));
    const mid = pointAlong(a, b, 0.5);
    const centroid = { x: (tip.x + wing1.x + wing2.x) / 3, y: (tip.y + wing1.y + wing2.y) / 3 };
    expect(Math.hypot(tip.x - mid.x, tip.y - mid.y)).toBeCloseTo(6, 1);
    expect(Math.hypot(tip.x - b.x, tip.y - b.y)).toBeLessThan(Math.hypot(centroid.x - b.x, centroid.y - b.y));
    const [backTip] = points(arrowPath(b, a, 12));
    expect(backTip.x).toBeLessThan(mid.x);
    expect(Math.hypot(wing1.x - wing2.x, wing1.y - wing2.y)).toBeCloseTo(12 * 0.9, 1);
  });

  test('pointAlong interpolates', () => {
    expect(pointAlong(a, b, 0)).toEqual(a);
    expect(pointAlong(a, b, 1)).toEqual(b);
    expect(pointAlong(a, b, 0.5)).toEqual({ x: 250, y: 150 });
  });
});

describe('strokeWidthScale', () => {
  const width = strokeWidthScale(0.02, [1, 7]);

  test('is linear in |value| from the minimum at 0 to the maximum at the extent', () => {
    expect(width(0)).toBe(1);
    expect(width(0.02)).toBe(7);
    expect(width(-0.02)).toBe(7);
    expect(width(0.01)).toBeCloseTo(4, 12);
    expect(width(-0.005)).toBeCloseTo(2.5, 12);
  });

  test('clamps beyond the extent and maps non-finite values to the minimum', () => {
    expect(width(1)).toBe(7);
    expect(width(Number.NaN)).toBe(1);
    expect(width(Number.POSITIVE_INFINITY)).toBe(1);
  });

  test('a zero extent (an all-zero matrix) gives the minimum width everywhere', () => {
    expect(strokeWidthScale(0)(0)).toBe(0.75);
  });
});

describe('fitDiagram', () => {
  /** The 2-4-1 drawing's height at a label scale: its columns and margins (as the diagram lays them out). */
  const heightAt = (labelScale: number) => columnsHeight([2, 4, 1]) + 50 * labelScale + 12;
  const H = heightAt(1);

  test('in the studio (no height, no text size) the drawing is as wide as the box, from 300 to 960, and fills it', () => {
    expect(fitDiagram(640, null, heightAt, null)).toEqual({ width: 640, scale: 1, labelScale: 1 });
    expect(fitDiagram(1200, null, heightAt, null)).toEqual({ width: 960, scale: 1.25, labelScale: 1 });
    expect(fitDiagram(250, null, heightAt, null)).toEqual({ width: 300, scale: 250 / 300, labelScale: 1 });
    expect(fitDiagram(520, null, heightAt, null)).toEqual({ width: 520, scale: 1, labelScale: 1 });
    expect(fitDiagram(720, null, heightAt, null)).toEqual({ width: 720, scale: 1, labelScale: 1 });
  });

  test('in the studio, a box near a prerendered width (640, 342) keeps that drawing, never wider, so hydrating redraws no mark', () => {
    // A laptop at 1280 px gives the diagram 639 px; Lighthouse's desktop page, 677.
    expect(fitDiagram(639, null, heightAt, null)).toEqual({ width: 640, scale: 639 / 640, labelScale: 1 });
    for (const box of [640, 660, 677]) expect(fitDiagram(box, null, heightAt, null)).toEqual({ width: 640, scale: 1, labelScale: 1 });
    // Further off: narrower would shorten the drawing (the page under it would move), wider would
    // leave wide margins. The drawing takes the box's width.
    for (const box of [630, 682]) expect(fitDiagram(box, null, heightAt, null)).toEqual({ width: box, scale: 1, labelScale: 1 });
    // The phone's: 342, for the boxes of 390 to 412 px screens.
    for (const box of [342, 343, 362]) expect(fitDiagram(box, null, heightAt, null)).toEqual({ width: 342, scale: 1, labelScale: 1 });
    expect(fitDiagram(340, null, heightAt, null)).toEqual({ width: 342, scale: 340 / 342, labelScale: 1 });
    for (const box of [310, 380]) expect(fitDiagram(box, null, heightAt, null)).toEqual({ width: box, scale: 1, labelScale: 1 });
  });

  // Boxes of a projector's panel at 1920×1080 and 1280×720, a short wide one, a phone-sized embed, a 4K panel.
  const BOXES: [number, number, number | null][] = [[916, 720, 27.6], [600, 460, 18.4], [1400, 260, 27.6], [360, 500, null], [1850, 1500, 55]];
  test.each(BOXES)('filling a %i×%i box (labels aiming at %s px): inside the box, labels never above the aim, never compact', (w, h, textPx) => {
    const { width, scale, labelScale } = fitDiagram(w, h, heightAt, textPx);
    expect(width * scale).toBeLessThanOrEqual(w + 1e-9);
    expect(heightAt(labelScale) * scale).toBeLessThanOrEqual(h + 1e-9);
    if (textPx !== null) expect(MAX_FONT * labelScale * scale).toBeLessThanOrEqual(textPx + 1e-9);
    expect(width).toBeGreaterThanOrEqual(minDrawingWidth(labelScale));
    expect(width).toBeGreaterThanOrEqual(520);
    expect(labelScale).toBeGreaterThanOrEqual(1);
    expect(labelScale).toBeLessThanOrEqual(MAX_LABEL_SCALE);
  });

  /**
   * The largest labels a box allows at a label scale, from the constraints alone: the drawing no
   * narrower than minDrawingWidth, inside the box, labels no larger than the aim.
   */
  const reachable = (w: number, h: number, textPx: number, s: number) =>
    Math.min(textPx, (MAX_FONT * s * w) / minDrawingWidth(s), (MAX_FONT * s * h) / heightAt(s));
  const AIMED = BOXES.filter((b): b is [number, number, number] => b[2] !== null);

  test.each(AIMED)('filling a %i×%i box aiming at %s px: labels as large as any label scale allows, and the scale no larger than needed', (w, h, textPx) => {
    const { scale, labelScale } = fitDiagram(w, h, heightAt, textPx);
    const px = MAX_FONT * labelScale * scale;
    const grid = Array.from({ length: 76 }, (_, k) => 1 + ((MAX_LABEL_SCALE - 1) * k) / 75);
    const best = Math.max(...grid.map((s) => reachable(w, h, textPx, s)));
    expect(px).toBeGreaterThanOrEqual(best - 0.01);
    if (labelScale > 1) expect(reachable(w, h, textPx, labelScale - 0.01)).toBeLessThan(textPx);
  });

  test('a 1920×1080 projector\'s diagram panel (916×720, aiming at 27.6 px): the labels reach the aim, above issue 11\'s 24 px', () => {
    const { scale, labelScale } = fitDiagram(916, 720, heightAt, 27.6);
    expect(MAX_FONT * labelScale * scale).toBeCloseTo(27.6, 6);
    // The plain drawing, as wide as the box at the narrowest it may be, would fall short.
    expect((MAX_FONT * 916) / minDrawingWidth(1)).toBeLessThan(27.6);
    expect(labelScale).toBeGreaterThan(1);
  });

  test('a short, wide box holds it by its height: the labels grow into the width to spare', () => {
    const plainLabel = MAX_FONT * (260 / H);
    const { width, scale, labelScale } = fitDiagram(1400, 260, heightAt, 27.6);
    expect(labelScale).toBeGreaterThan(1.3);
    expect(MAX_FONT * labelScale * scale).toBeGreaterThan(plainLabel * 1.3);
    expect(width * scale).toBeGreaterThan(0.5 * 1400);
  });
});
