/**
 * A state recipe: everything that pins the studio to one state — configuration, cursor, focus,
 * emphasis — as plain data. A link, a lesson step, an embed and a restored state are all recipes,
 * applied by one store action (applyRecipe), so none of them pokes views (STYLE.md §10).
 */
import type { PhaseId } from '../engine/index';
import type { StudioConfig } from './config';
import type { EdgeRef, Locale, NeuronRef } from './types';

/** The studio's panels, as links, lessons, embeds and the presenter name them. */
export type PanelId = 'network' | 'equations' | 'matrices' | 'code' | 'curves' | 'data';
export const PANELS: readonly PanelId[] = ['network', 'equations', 'matrices', 'code', 'curves', 'data'];

/** What an embed may show: the panels, and the controls bar. */
export type EmbedPart = PanelId | 'controls';
export const EMBED_PARTS: readonly EmbedPart[] = [...PANELS, 'controls'];

/** The two panels the presenter's screen shows side by side, left then right. */
export type PanelPair = readonly [PanelId, PanelId];
export const DEFAULT_PRESENT_PANELS: PanelPair = ['network', 'equations'];

/**
 * How the page lays the studio out (STYLE.md §10: layouts over the same views, not copies):
 * the whole page, a projector's two panels, the panels an embed shows, or the speaker's window.
 */
export type Layout =
  | { readonly mode: 'studio' }
  | { readonly mode: 'present'; readonly panels: PanelPair }
  | { readonly mode: 'embed'; readonly show: readonly EmbedPart[] }
  | { readonly mode: 'speaker' };

/** The matrices a highlight may name. */
export type MatrixName = 'X' | 'Y' | 'W1' | 'b1' | 'Z1' | 'A1' | 'W2' | 'b2' | 'Z2' | 'A2' | 'dZ2' | 'dW2' | 'db2' | 'dA1' | 'dZ1' | 'dW1' | 'db1';
export const MATRIX_NAMES: readonly MatrixName[] = ['X', 'Y', 'W1', 'b1', 'Z1', 'A1', 'W2', 'b2', 'Z2', 'A2', 'dZ2', 'dW2', 'db2', 'dA1', 'dZ1', 'dW1', 'db1'];

/** One thing on screen a lesson (or a presenter) points at. */
export type Highlight =
  | { readonly kind: 'neuron'; readonly neuron: NeuronRef }
  | { readonly kind: 'edge'; readonly edge: EdgeRef }
  | { readonly kind: 'matrix'; readonly name: MatrixName }
  | { readonly kind: 'panel'; readonly panel: PanelId };

export interface StateRecipe {
  /** The configuration; absent means the tutorial example (as a link without settings). */
  readonly config?: StudioConfig;
  readonly iteration?: number;
  readonly phase?: PhaseId;
  readonly locale?: Locale;
  /** Column of the batch whose numbers the equations show (0-based). */
  readonly focusSample?: number;
  readonly focusNeuron?: NeuronRef | null;
  readonly focusEdge?: EdgeRef | null;
  /** Panels to draw the eye to; the others stay as they are. */
  readonly emphasis?: readonly PanelId[];
  readonly highlight?: Highlight | null;
  /** The layout to switch to; absent keeps the current one (a lesson step does not leave presenter mode). */
  readonly layout?: Layout;
}
