/** Lesson expressions against the engine's sessions: the numbers a step's text and questions name. */
import { resolveOptimizerSpec, type Matrix, type PhaseId, type Session } from '../engine/index';
import { ExprError, evaluateExpr, parseExpr, splitTemplate, type MatrixQuantity, type Resolver } from './expr';

/** Names → numbers for one step: `sessionAt(phase)` gives the session at a phase of the step's iteration (null: the step's own). */
export function resolverFor(sessionAt: (phase: PhaseId | null) => Session, sample: number): Resolver {
  return {
    sample,
    matrix(name: MatrixQuantity, isNext: boolean, at: PhaseId | null): Matrix | null {
      const s = sessionAt(at);
      if (isNext) return s.next?.params[name as 'W1' | 'b1' | 'W2' | 'b2'] ?? null;
      switch (name) {
        case 'X': case 'Y': return s.batch[name];
        case 'W1': case 'b1': case 'W2': case 'b2': return s.params[name];
        case 'Z1': case 'A1': case 'Z2': case 'A2': return s.cache[name] ?? null;
        default: return s.grads[name] ?? null;
      }
    },
    scalar(name, at) {
      const s = sessionAt(at);
      const { config } = s.setup;
      switch (name) {
        case 'loss': return s.loss;
        case 'lr': return resolveOptimizerSpec(s.setup.optimizer).lr;
        case 'm': return s.batch.X.cols;
        case 'n': return config.inputSize;
        case 'h': return config.hiddenSize;
        case 'o': return config.outputSize;
        case 'iteration': return s.iteration;
      }
    },
  };
}

/** An expression's value, or null when it has none at this state (the text then shows "…"). */
export function valueOf(text: string, r: Resolver): number | null {
  try {
    const v = evaluateExpr(parseExpr(text), r);
    return Number.isFinite(v) ? v : null;
  } catch (e) {
    if (e instanceof ExprError) return null;
    throw e;
  }
}

/** A template's pieces with each {placeholder} computed: text, number, text, number, …, text. */
export function fillTemplate(template: string, r: Resolver): { parts: string[]; values: (number | null)[] } {
  const { parts, exprs } = splitTemplate(template);
  return { parts, values: exprs.map((e) => valueOf(e, r)) };
}
