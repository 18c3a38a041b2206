/**
 * Checking an answer: right or wrong, and when wrong, which usual mistake it looks like (the
 * sign, the factor 1/m, one a lesson names such as a forgotten derivative) and how far off it is.
 */
import type { Resolver } from './expr';
import { valueOf } from './evaluate';
import type { Mistake, Question } from './types';

export type Sign = 'positive' | 'negative' | 'zero';
export type Guess = { readonly kind: 'sign'; readonly sign: Sign } | { readonly kind: 'number'; readonly value: number } | { readonly kind: 'choice'; readonly option: number };

export type Verdict =
  | { readonly isCorrect: true }
  | {
    readonly isCorrect: false;
    /** Which usual mistake the guess looks like, if any. */
    readonly mistake: 'sign' | 'factor-m' | 'named' | null;
    /** The lesson's words for a named mistake (or a chosen option's). */
    readonly named?: Mistake | { readonly says: Mistake['says']; readonly highlight?: undefined };
    /** guess − truth, for number questions. */
    readonly gap?: number;
  };

/** Values the checks need: the question's answer (or each option's value) and the batch size m. */
export interface Truth {
  readonly answer: number | null;
  readonly options: readonly (number | null)[];
  readonly mistakes: readonly (number | null)[];
  readonly m: number;
}

/** The question's truth by the engine's numbers: its answer, each option's and each named mistake's value. */
export function truthOf(q: Question, r: Resolver, m: number): Truth {
  return {
    answer: q.kind === 'choice' ? null : valueOf(q.answer, r),
    options: q.kind === 'choice' ? q.options.map((o) => valueOf(o.value, r)) : [],
    mistakes: q.kind === 'choice' ? [] : (q.mistakes ?? []).map((mk) => valueOf(mk.value, r)),
    m,
  };
}

/** A value's sign, with values within 1e-12 of zero counted as zero (the engine's exact zeros and rounding dust alike). */
export function signOf(v: number): Sign {
  return Math.abs(v) <= 1e-12 ? 'zero' : v > 0 ? 'positive' : 'negative';
}

const isNear = (guess: number, target: number, tolerance: number) =>
  Math.abs(guess - target) <= tolerance * Math.abs(target) || Math.abs(guess - target) <= 1e-12;

/** The index of the right option by the question's rule, or null when the values do not decide it. */
export function rightOption(pick: 'largest' | 'smallest' | 'largest-magnitude' | 'true', values: readonly (number | null)[]): number | null {
  if (values.some((v) => v === null)) return null;
  const vs = values as number[];
  if (pick === 'true') {
    const truthy = vs.flatMap((v, k) => (v !== 0 ? [k] : []));
    return truthy.length === 1 ? truthy[0] : null;
  }
  const key = (v: number) => (pick === 'largest-magnitude' ? Math.abs(v) : pick === 'smallest' ? -v : v);
  let best = 0;
  for (let k = 1; k < vs.length; k++) if (key(vs[k]) > key(vs[best])) best = k;
  return best;
}

/** Right or wrong, and why. */
export function checkAnswer(q: Question, guess: Guess, truth: Truth): Verdict {
  if (q.kind === 'choice') {
    if (guess.kind !== 'choice') return { isCorrect: false, mistake: null };
    const right = rightOption(q.pick, truth.options);
    if (guess.option === right) return { isCorrect: true };
    const says = q.options[guess.option]?.says;
    return { isCorrect: false, mistake: says ? 'named' : null, named: says ? { says } : undefined };
  }
  const t = truth.answer;
  if (t === null) return { isCorrect: false, mistake: null };
  const named = (value: number) => {
    const k = (q.mistakes ?? []).findIndex((_, i) => truth.mistakes[i] !== null && isNear(value, truth.mistakes[i] as number, q.kind === 'number' ? q.tolerance ?? 0.02 : 0));
    return k < 0 ? null : (q.mistakes as Mistake[])[k];
  };
  if (q.kind === 'sign') {
    if (guess.kind !== 'sign') return { isCorrect: false, mistake: null };
    const right = signOf(t);
    if (guess.sign === right) return { isCorrect: true };
    const isOpposite = (guess.sign === 'positive' && right === 'negative') || (guess.sign === 'negative' && right === 'positive');
    return { isCorrect: false, mistake: isOpposite ? 'sign' : null };
  }
  if (guess.kind !== 'number') return { isCorrect: false, mistake: null };
  const tolerance = q.tolerance ?? 0.02;
  const g = guess.value;
  if (isNear(g, t, tolerance)) return { isCorrect: true };
  const gap = g - t;
  const mistake = named(g);
  if (mistake) return { isCorrect: false, mistake: 'named', named: mistake, gap };
  if (t !== 0 && isNear(g, -t, tolerance)) return { isCorrect: false, mistake: 'sign', gap };
  if (truth.m > 1 && t !== 0 && (isNear(g, t * truth.m, tolerance) || isNear(g, t / truth.m, tolerance))) return { isCorrect: false, mistake: 'factor-m', gap };
  return { isCorrect: false, mistake: null, gap };
}

/** A number as a learner types it: "0.52", "-1.3e-2", "0,52" (a decimal comma), "−0.4" (a real minus). */
export function parseGuess(text: string): number | null {
  const cleaned = text.trim().replace(/[−–]/g, '-').replace(/^([-+]?\d*),(\d+)$/, '$1.$2').replace(/\s/g, '');
  if (cleaned === '' || !/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(cleaned)) return null;
  return Number(cleaned);
}
