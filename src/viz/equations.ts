/**
 * The equation panel's content as data: for a Session and a focus (sample, neuron, edge), the
 * phase's formulas as TeX, first symbolic, then with the focused numbers substituted, and in
 * backward phases the chain rule for the focused weight. Pure; the view only renders it.
 */
import type { LossKind, PhaseId, Session } from '../engine/index';
import { backwardHiddenEquations, backwardOutputEquations } from './equationsBackward';
import { forwardHiddenEquations, forwardOutputEquations, lossEquations } from './equationsForward';
import type { EquationFocus, EquationSection, EquationSizes } from './equationsTex';
import { updateEquations } from './equationsUpdate';

export { elementLoss } from './equationsForward';
export {
  num, shownIndices, sumOf,
  type CaptionParams, type EquationFocus, type EquationLine, type EquationSection, type EquationSizes, type LineId, type SectionId,
} from './equationsTex';

/** A focused neuron as the store keeps it: layer 0 = inputs, 1 = hidden, 2 = outputs. */
export interface NeuronFocus {
  readonly layer: 0 | 1 | 2;
  readonly index: number;
}

/** A focused weight as the store keeps it: layer 1 = W1[to][from], 2 = W2[to][from]. */
export interface EdgeFocus {
  readonly layer: 1 | 2;
  readonly from: number;
  readonly to: number;
}

/** What the store says is focused. */
export interface FocusInput {
  readonly sample: number;
  readonly neuron: NeuronFocus | null;
  readonly edge: EdgeFocus | null;
}

/** n, h, o from the parameters and m from the session's batch. */
export function sizesOf(s: Session): EquationSizes {
  return { n: s.params.W1.cols, h: s.params.W1.rows, o: s.params.W2.rows, m: s.batch.X.cols };
}

const clamp = (v: number, size: number) => Math.min(Math.max(0, Number.isFinite(v) ? Math.trunc(v) : 0), size - 1);

/**
 * The sample and the hidden, output and input neuron the equations show. A focused edge fixes
 * its two ends, a focused neuron its own layer; anything left open is neuron 0, and every index
 * is clamped into the network and the batch.
 */
export function resolveFocus(sizes: EquationSizes, focus: FocusInput): EquationFocus {
  const { neuron, edge } = focus;
  const pick = (layer: 0 | 1 | 2): number => {
    if (edge) {
      if (edge.layer === 1 && layer === 0) return edge.from;
      if (edge.layer === 1 && layer === 1) return edge.to;
      if (edge.layer === 2 && layer === 1) return edge.from;
      if (edge.layer === 2 && layer === 2) return edge.to;
    }
    return neuron && neuron.layer === layer ? neuron.index : 0;
  };
  return {
    sample: clamp(focus.sample, sizes.m),
    input: clamp(pick(0), sizes.n),
    hidden: clamp(pick(1), sizes.h),
    output: clamp(pick(2), sizes.o),
  };
}

/**
 * Which neuron pickers a phase offers: the neurons its focused numbers depend on. With ce the
 * loss is one term per sample (its true class's), so that phase has no output to pick.
 */
export function pickersFor(phase: PhaseId, sizes: EquationSizes, loss: LossKind = 'bce'): ('hidden' | 'output' | 'input')[] {
  const output = sizes.o > 1 ? (['output'] as const) : [];
  switch (phase) {
    case 'forward-hidden':
      return ['hidden'];
    case 'forward-output':
      return [...output];
    case 'loss':
      return loss === 'ce' ? [] : [...output];
    case 'backward-output':
      return ['hidden', ...output];
    case 'backward-hidden':
      return ['hidden', 'input'];
    case 'update':
      return ['hidden', 'input', ...output];
  }
}

/**
 * The store focus that makes the panel show `next`: a neuron in the forward phases and the
 * loss, the weight (edge) the backward phases and the update differentiate.
 */
export function focusFor(phase: PhaseId, next: EquationFocus): { neuron: NeuronFocus | null; edge: EdgeFocus | null } {
  switch (phase) {
    case 'forward-hidden':
      return { neuron: { layer: 1, index: next.hidden }, edge: null };
    case 'forward-output':
    case 'loss':
      return { neuron: { layer: 2, index: next.output }, edge: null };
    case 'backward-output':
      return { neuron: null, edge: { layer: 2, from: next.hidden, to: next.output } };
    case 'backward-hidden':
    case 'update':
      return { neuron: next.output > 0 ? { layer: 2, index: next.output } : null, edge: { layer: 1, from: next.input, to: next.hidden } };
  }
}

/** The sections of the session's phase for the focused sample and neurons. Throws only on a malformed session. */
export function buildEquations(s: Session, focus: EquationFocus): EquationSection[] {
  const sizes = sizesOf(s);
  switch (s.phase) {
    case 'forward-hidden':
      return forwardHiddenEquations(s, focus);
    case 'forward-output':
      return forwardOutputEquations(s, focus);
    case 'loss':
      return lossEquations(s, focus, sizes);
    case 'backward-output':
      return backwardOutputEquations(s, focus, sizes);
    case 'backward-hidden':
      return backwardHiddenEquations(s, focus, sizes);
    case 'update':
      return updateEquations(s, focus, sizes);
  }
}
