/** How a lesson's text shows an engine number: counts as whole numbers, everything else as the studio shows values. */
import { formatValue } from '../viz/color';

export function shownNumber(v: number): string {
  return Number.isInteger(v) && Math.abs(v) < 1e9 ? String(v) : formatValue(v);
}
