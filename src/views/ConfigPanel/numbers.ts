/** Parsing and checking of the typed numbers, and the learning-rate slider's log scale. Pure. */
import type { MessageKey } from '../../i18n/index';

/** What a field accepts; an open bound excludes its value. */
export interface NumberRule {
  readonly min?: number;
  readonly max?: number;
  readonly isMinOpen?: boolean;
  readonly isMaxOpen?: boolean;
  readonly isInteger?: boolean;
}

export type Problem = { readonly key: MessageKey; readonly params: Readonly<Record<string, string | number>> };
export type Parsed = { readonly ok: true; readonly value: number } | ({ readonly ok: false } & Problem);

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** The number typed in `text`, or which message says why it is not acceptable (never clamped). */
export function parseNumber(text: string, rule: NumberRule): Parsed {
  const value = text.trim();
  const params = { value, min: rule.min ?? '', max: rule.max ?? '' };
  const fail = (key: MessageKey): Parsed => ({ ok: false, key, params });
  if (value === '') return fail('config.error.empty');
  const n = Number(value);
  if (!NUMBER.test(value) || !Number.isFinite(n)) return fail('config.error.nan');
  if (rule.isInteger && !Number.isInteger(n)) return fail('config.error.integer');
  const { min, max } = rule;
  const belowMin = min !== undefined && (rule.isMinOpen ? n <= min : n < min);
  const aboveMax = max !== undefined && (rule.isMaxOpen ? n >= max : n > max);
  if (belowMin || aboveMax) {
    if (max === undefined) return fail(rule.isMinOpen ? 'config.error.above' : 'config.error.min');
    if (rule.isMinOpen && rule.isMaxOpen) return fail('config.error.open');
    return fail(rule.isMaxOpen ? 'config.error.minMaxOpen' : 'config.error.range');
  }
  return { ok: true, value: n };
}

/** How a committed number is shown: exactly, as JavaScript writes it (0.01, 1e-8). */
export const formatNumber = (v: number): string => String(v);

/** The learning-rate slider runs over log10(lr) from −5 (1e-5) to 1 (10) in steps of 0.1. */
export const LR_SLIDER = { min: -5, max: 1, step: 0.1 } as const;

/** The slider position of a learning rate; rates outside 1e-5 … 10 sit at the nearer end. */
export function lrToSlider(lr: number): number {
  if (!(lr > 0)) return LR_SLIDER.min;
  const position = Math.round(Math.log10(lr) / LR_SLIDER.step) * LR_SLIDER.step;
  return Math.min(LR_SLIDER.max, Math.max(LR_SLIDER.min, Number(position.toFixed(1))));
}

/** The learning rate at a slider position, rounded to two significant digits (0.0032, 0.01, 0.2). */
export function sliderToLr(position: number): number {
  return Number((10 ** position).toPrecision(2));
}
