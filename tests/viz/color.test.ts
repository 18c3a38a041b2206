import { describe, expect, it } from 'vitest';
import { PALETTE, formatValue, maxAbs, signedColor } from '../../src/viz/color';
import { color } from 'd3';

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
