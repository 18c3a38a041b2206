/** Validates the "Train N iterations" field: a whole number from 1 to MAX_ITERATIONS_PER_ACTION. */
import type { MessageKey } from '../../i18n/index';
import { MAX_ITERATIONS_PER_ACTION } from '../../store/index';
import { formatCount } from '../../viz/color';

export type TrainInput =
  | { readonly ok: true; readonly iterations: number }
  | { readonly ok: false; readonly error: MessageKey; readonly params: Record<string, string | number> };

/** The iterations typed in `text`, or which message explains why it is not a valid count. */
export function parseTrainInput(text: string): TrainInput {
  const trimmed = text.trim();
  const params = { value: trimmed, max: formatCount(MAX_ITERATIONS_PER_ACTION) };
  if (trimmed === '') return { ok: false, error: 'controls.trainError.empty', params };
  const n = Number(trimmed);
  if (!Number.isFinite(n) || !Number.isInteger(n)) return { ok: false, error: 'controls.trainError.integer', params };
  if (n < 1) return { ok: false, error: 'controls.trainError.small', params };
  if (n > MAX_ITERATIONS_PER_ACTION) return { ok: false, error: 'controls.trainError.large', params };
  return { ok: true, iterations: n };
}
