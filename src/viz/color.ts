/**
 * One diverging, colour-blind-safe palette for every signed value (ColorBrewer PuOr:
 * orange for negative, purple for positive, near-white at zero). A matrix's colours use
 * ±max|entry| of that matrix as the domain, so a value has the same colour in every view
 * that shows that matrix.
 */
import { format, interpolateLab, piecewise, rgb } from 'd3';

export const PALETTE = ['#b35806', '#e08214', '#fdb863', '#f7f7f7', '#b2abd2', '#8073ac', '#542788'] as const;
// Piecewise through every stop (not a B-spline, which misses them): zero is exactly #f7f7f7.
const interpolate = piecewise(interpolateLab, [...PALETTE]);

/** The largest |x| in data (the colour scales' extent); in the engine so the field worker uses it too. */
export { maxAbs } from '../engine/index';

/** The palette colour for value in [−extent, extent] (clamped). */
export function signedColor(value: number, extent: number): string {
  if (!Number.isFinite(value)) return '#000000';
  const t = Math.max(-1, Math.min(1, value / extent));
  return interpolate(0.5 + 0.5 * t);
}

/** Steps of the palette lookup table across [−extent, extent]; finer than the eye can tell. */
export const LUT_STEPS = 1024;

/**
 * RGB triples of signedColor(t, 1) for t = −1 … 1 in LUT_STEPS + 1 steps, for per-pixel
 * colouring (d3's interpolator is too slow per pixel). Computed here for the build's table
 * (scripts/palette-table.ts writes viz/paletteTable.ts; the page reads it through paletteLut.ts)
 * and for the test that keeps that table true.
 */
export function computePaletteLut(): Uint8ClampedArray {
  const table = new Uint8ClampedArray((LUT_STEPS + 1) * 3);
  for (let k = 0; k <= LUT_STEPS; k++) {
    const c = rgb(signedColor(-1 + (2 * k) / LUT_STEPS, 1));
    table.set([c.r, c.g, c.b], 3 * k);
  }
  return table;
}

/** WCAG relative luminance of an sRGB colour. */
function luminance(css: string): number {
  const c = rgb(css);
  const lin = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b);
}

/**
 * Text colour that stays legible on signedColor(value, extent): white or black, whichever
 * has the higher WCAG contrast with the actual background (a fixed |value| threshold left the
 * mid-orange cells below 4.5 : 1 with either).
 */
export function textColorOn(value: number, extent: number): string {
  // With pure black and white one of the two always reaches 4.58 : 1 (they tie at luminance 0.18).
  const L = luminance(signedColor(value, extent));
  return 1.05 / (L + 0.05) >= (L + 0.05) / 0.05 ? '#ffffff' : '#000000';
}

const fixed4 = format('.4f');
const sci3 = format('.3e');

/** A value at sensible precision: 4 decimals, or scientific for tiny or huge magnitudes. */
export function formatValue(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return '0';
  const a = Math.abs(v);
  return a < 1e-3 || a >= 1e5 ? sci3(v) : fixed4(v);
}

/**
 * A whole count with its thousands grouped (20,000), in both languages. Not Intl.NumberFormat:
 * the page's first Intl object loads the browser's locale data, ~30 ms of the first load at 1×.
 */
export const formatCount = format(',d');

/** A value at full precision (shortest round-trip), for hover and copy. */
export function formatFull(v: number): string {
  return String(v);
}
