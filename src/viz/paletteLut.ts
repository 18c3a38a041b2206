/**
 * The palette as a lookup table: RGB triples of signedColor(t, 1) for t = −1 … 1 in LUT_STEPS + 1
 * steps (color.ts computePaletteLut), for per-pixel colouring. Every canvas view and heatmap reads
 * this one table, so a canvas and an SVG mark of the same value agree.
 *
 * Read from the table the build keeps (paletteTable.ts), not computed in the page: 1,025 Lab
 * interpolations cost ~40 ms at 4× CPU in the first heatmap's render, which lands on a slow
 * device's first steps. Here, not in color.ts: only the lazily loaded panels need it.
 */
import { PALETTE_TABLE } from './paletteTable';

let lut: Uint8ClampedArray | null = null;
export function paletteLut(): Uint8ClampedArray {
  return (lut ??= Uint8ClampedArray.from(atob(PALETTE_TABLE), (c) => c.charCodeAt(0)));
}
