/**
 * Writes src/viz/paletteTable.ts: the palette's lookup table (computePaletteLut in
 * src/viz/color.ts) as base64, so the page reads it instead of computing it (paletteLut.ts).
 * Run after changing PALETTE or LUT_STEPS: `npm run palette-table` (a unit test fails until then).
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { computePaletteLut } from '../src/viz/color';

const table = Buffer.from(computePaletteLut()).toString('base64');
const out = fileURLToPath(new URL('../src/viz/paletteTable.ts', import.meta.url));
writeFileSync(out, `/** Written by scripts/palette-table.ts (npm run palette-table): computePaletteLut() in base64. Do not edit. */
export const PALETTE_TABLE =
  '${table}';
`);
console.log(`wrote ${out} (${table.length} characters)`);
