/**
 * The equation panel's gradient check as data: in the backward phases, the weight the chain
 * rule section differentiates, backprop's gradient for it, the engine's numerical gradient (central
 * differences on the whole batch) and their relative error. Pure apart from a memo.
 */
import { format } from 'd3';
import {
  GRADIENT_CHECK_EPSILON, numericalGradient, relativeError, type ParamEntry, type PhaseId, type Session,
} from '../engine/index';
import type { EquationFocus } from './equationsTex';

export interface GradientCheck {
  /** The weight, as the panel names it: W1[0][0]. */
  readonly weight: string;
  /** Its gradient's name: dW1[0][0]. */
  readonly gradient: string;
  /** dW from backward(): the chain rule, exact up to rounding. */
  readonly backprop: number;
  /** (L(w + ε) − L(w − ε)) / 2ε on the session's batch. */
  readonly numerical: number;
  /** |numerical − backprop| / max(|numerical|, |backprop|). */
  readonly relativeError: number;
  readonly epsilon: number;
  /** Samples in the batch the loss is averaged over. */
  readonly m: number;
}

/**
 * The weight a backward phase's chain rule is about: W2[output][hidden] in backward-output,
 * W1[hidden][input] in backward-hidden (the focused edge, else neuron 0s; see resolveFocus);
 * null in the other phases.
 */
export function checkedWeight(phase: PhaseId, focus: EquationFocus): ParamEntry | null {
  if (phase === 'backward-output') return { param: 'W2', row: focus.output, col: focus.hidden };
  if (phase === 'backward-hidden') return { param: 'W1', row: focus.hidden, col: focus.input };
  return null;
}

/**
 * Numerical gradients already computed (or the engine's error for them: the same inputs give the
 * same error), per parameters (one object per iteration, shared by its phases and kept as long as
 * the timeline keeps them), for one setup and batch.
 */
interface Memo {
  readonly setup: Session['setup'];
  readonly X: Session['batch']['X'];
  readonly values: Map<string, number | Error>;
}
const memo = new WeakMap<Session['params'], Memo>();

const keyOf = (e: ParamEntry) => `${e.param}[${e.row}][${e.col}]`;

function memoFor(s: Session): Memo {
  const hit = memo.get(s.params);
  if (hit && hit.setup === s.setup && hit.X === s.batch.X) return hit;
  const fresh: Memo = { setup: s.setup, X: s.batch.X, values: new Map() };
  memo.set(s.params, fresh);
  return fresh;
}

/** dW[row][col] from the session's backward phases: W2's from backward-output on, W1's from backward-hidden. */
export function backpropGradient(s: Session, entry: ParamEntry): number {
  const grad = entry.param === 'W1' ? s.grads.dW1 : s.grads.dW2;
  if (!grad) throw new Error(`d${entry.param} is missing: the session has not reached its backward phase`);
  return grad.data[entry.row * grad.cols + entry.col];
}

function assemble(s: Session, entry: ParamEntry, numerical: number): GradientCheck {
  const backprop = backpropGradient(s, entry);
  return {
    weight: keyOf(entry), gradient: `d${keyOf(entry)}`, backprop, numerical,
    relativeError: relativeError(numerical, backprop), epsilon: GRADIENT_CHECK_EPSILON, m: s.batch.X.cols,
  };
}

/** The check if its numerical gradient is already known (cheap), else null. Throws as gradientCheck. */
export function knownGradientCheck(s: Session, entry: ParamEntry): GradientCheck | null {
  const numerical = memoFor(s).values.get(keyOf(entry));
  if (numerical instanceof Error) throw numerical;
  return numerical === undefined ? null : assemble(s, entry, numerical);
}

/**
 * The check for `entry` in session `s`: two forward passes over the batch, memoised per
 * parameters, batch and weight. Throws the engine's named error on a session it cannot check
 * (a diverged one, say).
 */
export function gradientCheck(s: Session, entry: ParamEntry): GradientCheck {
  const values = memoFor(s).values;
  const key = keyOf(entry);
  if (!values.has(key)) {
    try {
      values.set(key, numericalGradient(s.setup.config, s.params, s.batch.X, s.batch.Y, entry, GRADIENT_CHECK_EPSILON));
    } catch (e) {
      values.set(key, e instanceof Error ? e : new Error(String(e)));
    }
  }
  return knownGradientCheck(s, entry)!;
}

const digits = format('.9e');
const twoDigits = format('.1e');

/** A gradient to 10 significant digits (−3.273532288e-5), enough to see where the two estimates part. */
export const formatGradient = (v: number): string => digits(v);

/** The central difference as text, in one piece: its spaces do not break. */
export const FORMULA_TEXT = '(L(w + ε) − L(w − ε)) / 2ε'.replace(/ /g, '\u00a0');

/** ε as the panel writes it: 1e-5. */
export const EPSILON_TEXT = format('.0e')(GRADIENT_CHECK_EPSILON);

/** A relative error as 1.4e-8 (0 as 0). */
export const formatRelativeError = (v: number): string => (v === 0 ? '0' : twoDigits(v));
