/** A lesson step as a state recipe: the lesson's settings with the step's on top, its cursor, focus and emphasis. */
import type { StateRecipe, Highlight } from '../store/recipe';
import { parseLink } from '../store/url';
import type { HighlightSpec, Lesson, LessonStep } from './types';

/** Link-style settings merged: later ones win, key by key. */
export function mergeSettings(...settings: (string | undefined)[]): string {
  const merged = new URLSearchParams();
  for (const s of settings) new URLSearchParams(s ?? '').forEach((v, k) => merged.set(k, v));
  return merged.toString();
}

export function highlightOf(spec: HighlightSpec | undefined): Highlight | null {
  if (!spec) return null;
  if ('neuron' in spec) return { kind: 'neuron', neuron: { layer: spec.neuron[0], index: spec.neuron[1] } };
  if ('edge' in spec) return { kind: 'edge', edge: { layer: spec.edge[0], from: spec.edge[1], to: spec.edge[2] } };
  if ('matrix' in spec) return { kind: 'matrix', name: spec.matrix };
  return { kind: 'panel', panel: spec.panel };
}

/** The state a step pins (a validated lesson's settings always parse). */
export function stepRecipe(lesson: Lesson, step: LessonStep): StateRecipe {
  const { init } = parseLink(mergeSettings(lesson.settings, step.settings));
  // A highlighted neuron or edge is also the focused one: the diagram rings it, the equations follow it.
  const hl = step.highlight;
  const neuron = step.neuron ?? (hl && 'neuron' in hl ? hl.neuron : undefined);
  const edge = step.edge ?? (hl && 'edge' in hl ? hl.edge : undefined);
  return {
    config: init.config,
    iteration: step.iteration,
    phase: step.phase,
    focusSample: step.sample ?? 0,
    focusNeuron: neuron ? { layer: neuron[0], index: neuron[1] } : null,
    focusEdge: edge ? { layer: edge[0], from: edge[1], to: edge[2] } : null,
    emphasis: step.emphasis ?? [],
    highlight: highlightOf(step.highlight),
  };
}
