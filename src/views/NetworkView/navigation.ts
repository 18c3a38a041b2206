/**
 * Keyboard movement inside the diagram, as pure key arithmetic:
 * on a neuron, ↑/↓ move within its layer, → goes to its first outgoing edge, ← to its first
 * incoming edge; on an edge, ↑/↓ step through the edges of its layer (grouped by source),
 * → goes to its target neuron, ← to its source neuron.
 */
import type { LayerSizes } from '../../viz/network';
import type { EdgeRef, NeuronRef } from '../../store/index';
import { edgeKey, neuronKey, type LayerIndex } from './model';

export type Target = { readonly kind: 'neuron'; readonly ref: NeuronRef } | { readonly kind: 'edge'; readonly ref: EdgeRef };

/** Parses "n:layer:index" or "e:layer:from:to"; null for anything else. */
export function parseKey(key: string | null | undefined): Target | null {
  if (!key) return null;
  const parts = key.split(':');
  const nums = parts.slice(1).map(Number);
  if (parts[0] === 'n' && nums.length === 2 && (nums[0] === 0 || nums[0] === 1 || nums[0] === 2)) {
    return { kind: 'neuron', ref: { layer: nums[0], index: nums[1] } };
  }
  if (parts[0] === 'e' && nums.length === 3 && (nums[0] === 1 || nums[0] === 2)) {
    return { kind: 'edge', ref: { layer: nums[0], from: nums[1], to: nums[2] } };
  }
  return null;
}

/** The key reached from `key` by an arrow key, or null when the move leaves the diagram. */
export function nextKey(key: string, arrow: string, sizes: LayerSizes): string | null {
  const target = parseKey(key);
  if (!target) return null;
  if (target.kind === 'neuron') {
    const { layer, index } = target.ref;
    switch (arrow) {
      case 'ArrowUp': return index > 0 ? neuronKey(layer, index - 1) : null;
      case 'ArrowDown': return index + 1 < sizes[layer] ? neuronKey(layer, index + 1) : null;
      case 'ArrowRight': return layer < 2 ? edgeKey((layer + 1) as 1 | 2, index, 0) : null;
      case 'ArrowLeft': return layer > 0 ? edgeKey(layer as 1 | 2, 0, index) : null;
      default: return null;
    }
  }
  const { layer, from, to } = target.ref;
  const targets = sizes[layer];
  const position = from * targets + to;
  const count = sizes[layer - 1] * targets;
  const at = (p: number) => edgeKey(layer, Math.floor(p / targets), p % targets);
  switch (arrow) {
    case 'ArrowUp': return position > 0 ? at(position - 1) : null;
    case 'ArrowDown': return position + 1 < count ? at(position + 1) : null;
    case 'ArrowRight': return neuronKey(layer as LayerIndex, to);
    case 'ArrowLeft': return neuronKey((layer - 1) as LayerIndex, from);
    default: return null;
  }
}
