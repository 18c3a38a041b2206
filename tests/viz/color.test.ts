import { describe, expect, it } from 'vitest';
import { LUT_STEPS, PALETTE, computePaletteLut, formatCount, formatValue, maxAbs, signedColor, textColorOn } from '../../src/viz/color';
import { paletteLut } from '../../src/viz/paletteLut';
import fc from 'fast-check';
import { color, rgb } from 'd3';

describe('the shared palette', () => {
  it('passes through its stops: zero is neutral, the ends are the extremes', () => {
    expect(color(signedColor(0, 1))?.formatHex()).toBe(PALETTE[3]);
    expect(color(signedColor(-1, 1))?.formatHex()).toBe(PALETTE[0]);
    expect(color(signedColor(1, 1))?.formatHex()).toBe(PALETTE[6]);
    expect(signedColor(-5, 1)).toBe(signedColor(-1, 1));
  });

  it('maps a value by its matrix’s largest magnitude, so views that share a matrix share colours', () => {
    const data = [0.5, -2, 1];
    expect(maxAbs(data)).toBe(2);
    expect(signedColor(1, maxAbs(data))).toBe(signedColor(0.5, 1));
  });

  it('formats with sensible precision', () => {
    expect(formatValue(0.69314718)).toBe('0.6931');
    expect(formatValue(-0.0000327353)).toBe('−3.274e-5'); // d3's typographic minus
    expect(formatValue(0)).toBe('0');
  });
});

describe('textColorOn', () => {
  // WCAG 2 contrast, written out here from the standard (not imported from the code under test).
  const channel = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
  const lum = (hex: string) => {
    const c = rgb(hex);
    return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
  };
  it('keeps every heatmap cell\'s text at WCAG AA contrast (4.5 : 1) on its own colour', () => {
    let worst = Infinity;
    for (let k = -200; k <= 200; k++) {
      const bg = lum(signedColor(k / 200, 1));
      const fg = lum(textColorOn(k / 200, 1));
      worst = Math.min(worst, (Math.max(bg, fg) + 0.05) / (Math.min(bg, fg) + 0.05));
    }
    expect(worst).toBeGreaterThanOrEqual(4.5);
  });

  it('groups a count\'s thousands as English does (the browser\'s own en-US format is the reference)', () => {
    const english = new Intl.NumberFormat('en-US');
    expect(formatCount(20000)).toBe('20,000');
    fc.assert(fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (n) => formatCount(n) === english.format(n)));
  });

  it('has the lookup table the build keeps, value for value (else: npm run palette-table)', () => {
    const stored = paletteLut();
    expect(stored.length).toBe(3 * (LUT_STEPS + 1));
    expect([...stored]).toEqual([...computePaletteLut()]);
    // Its ends and middle are the palette's own stops.
    expect(rgb(PALETTE[0])).toMatchObject({ r: stored[0], g: stored[1], b: stored[2] });
    expect(rgb(PALETTE[3])).toMatchObject({ r: stored[1536], g: stored[1537], b: stored[1538] });
  });
});
