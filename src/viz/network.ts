/**
 * Geometry of the network diagram: where each neuron sits for given layer sizes and a
 * drawing size, the path of each edge, and the edge-width scale. Pure functions, no DOM;
 * the view renders their results (STYLE.md §6).
 */
import { pathRound, scaleLinear } from 'd3';

/** Neurons per layer: [inputSize, hiddenSize, outputSize]. */
export type LayerSizes = readonly [number, number, number];

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface LayerLayout {
  /** The column's x (every neuron of a layer shares it). */
  readonly x: number;
  /** Neuron centres, top to bottom. */
  readonly nodes: readonly Point[];
  readonly radius: number;
  /** Distance between neighbouring centres. */
  readonly spacing: number;
  /** Font size for the neurons' value labels; 0 when there is no room for them. */
  readonly fontSize: number;
}

export interface NetworkLayout {
  readonly width: number;
  readonly height: number;
  readonly layers: readonly [LayerLayout, LayerLayout, LayerLayout];
}

/** Room kept free around the columns (for headers and value labels). */
export interface Margins {
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly left: number;
}

const MAX_RADIUS = 24;
/** A radius never exceeds this share of the spacing, so neighbours keep a visible gap… */
const RADIUS_PER_SPACING = 0.38;
/** …of at least this many units, when a hundred neurons crowd a column. */
const MIN_GAP = 2.5;
const MIN_LABEL_SPACING = 22;
/** The largest value label, in drawing units: what a layout's text size (fitDiagram's textPx) is matched to. */
export const MAX_FONT = 15;
const MIN_FONT = 11;

/**
 * Preferred centre spacing by the largest layer's size: roomy for 2-4-1, compact for 32, dots
 * for 100 (the three-spiral case study), whose column then stays about 700 units tall.
 */
const preferredSpacing = scaleLinear().domain([1, 4, 8, 16, 32, 64, 100]).range([72, 62, 46, 30, 18, 10, 7]).clamp(true);

/** The height the neurons' columns want for these sizes (without margins): at least 200. */
export function columnsHeight(sizes: LayerSizes): number {
  const n = Math.max(...sizes);
  return Math.max(200, Math.round(n * preferredSpacing(n)));
}

/**
 * Neuron positions for layer sizes in a width × height drawing: three columns spread
 * evenly between the margins, each layer centred vertically and symmetric about the middle.
 * Radii shrink as a layer grows (and as columns get close), so circles never overlap.
 * `labelScale` lets the value labels grow past MAX_FONT (a drawing shown small in a wide box),
 * never past what the spacing leaves between neighbours.
 */
export function layoutNetwork(sizes: LayerSizes, width: number, height: number, margins: Margins, labelScale = 1): NetworkLayout {
  const innerHeight = Math.max(1, height - margins.top - margins.bottom);
  const innerWidth = Math.max(1, width - margins.left - margins.right);
  const columnGap = innerWidth / 2;
  const maxRadius = Math.min(MAX_RADIUS, columnGap * 0.2, innerHeight * RADIUS_PER_SPACING);
  const midY = margins.top + innerHeight / 2;
  const left = margins.left + maxRadius;
  const step = (innerWidth - 2 * maxRadius) / 2;
  const layer = (n: number, k: number): LayerLayout => {
    const count = Math.max(1, n);
    const spacing = Math.min(innerHeight / count, preferredSpacing(1));
    const radius = Math.max(1, Math.min(maxRadius, spacing * RADIUS_PER_SPACING, (spacing - MIN_GAP) / 2));
    const x = left + k * step;
    const nodes = Array.from({ length: n }, (_, i) => ({ x, y: midY + (i - (n - 1) / 2) * spacing }));
    // Grown labels (labelScale) keep to the spacing; beside several outputs a value has up to
    // three more lines under it (y, −log a, L), so those grow only as far as four lines fit.
    const grown = Math.min(MAX_FONT * labelScale, k === 2 && n > 1 ? Math.max(MAX_FONT, spacing / 5) : Infinity);
    const fontSize = spacing < MIN_LABEL_SPACING ? 0 : Math.max(MIN_FONT, Math.min(grown, spacing * 0.42));
    return { x, nodes, radius, spacing, fontSize };
  };
  return { width, height, layers: [layer(sizes[0], 0), layer(sizes[1], 1), layer(sizes[2], 2)] };
}

/** The point a fraction t of the way from a to b. */
export function pointAlong(a: Point, b: Point, t: number): Point {
  return { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t };
}

/**
 * The path of an edge from a circle at `from` (radius rFrom) to one at `to` (radius rTo),
 * trimmed to the circles' borders. Draw it from source to target in the direction of flow
 * (right to left when backward) and a dash animation along it follows that direction.
 */
export function edgePath(from: Point, to: Point, rFrom: number, rTo: number): string {
  const length = Math.hypot(to.x - from.x, to.y - from.y);
  const p = pathRound(2);
  const [start, end] = length <= rFrom + rTo ? [from, to] : [pointAlong(from, to, rFrom / length), pointAlong(from, to, 1 - rTo / length)];
  p.moveTo(start.x, start.y);
  p.lineTo(end.x, end.y);
  return p.toString();
}

/** A filled triangle `size` long pointing from `from` towards `to`, centred on their midpoint: the edge's direction arrow. */
export function arrowPath(from: Point, to: Point, size: number): string {
  const length = Math.hypot(to.x - from.x, to.y - from.y) || 1;
  const ux = (to.x - from.x) / length;
  const uy = (to.y - from.y) / length;
  const mid = pointAlong(from, to, 0.5);
  const half = size / 2;
  const wing = size * 0.45;
  const p = pathRound(2);
  p.moveTo(mid.x + ux * half, mid.y + uy * half);
  p.lineTo(mid.x - ux * half - uy * wing, mid.y - uy * half + ux * wing);
  p.lineTo(mid.x - ux * half + uy * wing, mid.y - uy * half - ux * wing);
  p.closePath();
  return p.toString();
}

/**
 * Stroke width for a value of a matrix whose largest |entry| is `extent`: linear in |value|,
 * from range[0] at 0 to range[1] at the extent (clamped beyond it).
 */
export function strokeWidthScale(extent: number, range: readonly [number, number] = [0.75, 6]): (value: number) => number {
  const scale = scaleLinear().domain([0, extent > 0 ? extent : 1]).range([range[0], range[1]]).clamp(true);
  return (value: number) => (Number.isFinite(value) ? scale(Math.abs(value)) : range[0]);
}

/** The narrowest and widest drawing (viewBox) widths: narrower crowds the labels, wider spreads the columns thin. */
export const DIAGRAM_WIDTHS = [300, 960] as const;
/**
 * The drawing widths the build prerenders the studio's diagram at (prerender.tsx): a laptop's
 * (its box is 639 px at 1280) and a phone's (the box of a 390–412 px screen). CSS shows the one
 * for the screen until the box is measured.
 */
export const PRERENDERED_WIDTHS = { laptop: 640, phone: 342 } as const;
export type PrerenderedScreen = keyof typeof PRERENDERED_WIDTHS;
/**
 * A studio box from 1% narrower to 6% wider than a prerendered width keeps that drawing, centred
 * in the box (and scaled down by at most 1%): hydrating then changes no mark. Redrawing every mark
 * at the measured width was the longest task of a first load in Lighthouse's run, ~0.2 s. Not more
 * narrowing: the drawing would get shorter, and the page under it would move up as it hydrates.
 */
const KEEPS_PRERENDERED_WIDTH = [0.99, 1.06] as const;
/** Narrower than this, the diagram tightens its margins (and long input values may reach its left edge). */
export const COMPACT_WIDTH = 520;

/** How much larger than MAX_FONT value labels may be drawn (the spacing limits them too). */
export const MAX_LABEL_SCALE = 1.75;
/**
 * How much wider a drawing must be per unit of label scale: its margins (the input and output
 * values) and the gap between the hidden and output columns (the hidden values and the note
 * under the output) grow with the labels; the circles do not.
 */
const LABEL_ROOM = 400;

/** The narrowest drawing whose labels, at `labelScale`, keep their room. */
export function minDrawingWidth(labelScale: number): number {
  return COMPACT_WIDTH + LABEL_ROOM * (labelScale - 1);
}

export interface DiagramFit {
  /** The drawing's width (viewBox units). */
  readonly width: number;
  /** CSS pixels per drawing unit. */
  readonly scale: number;
  /** Value labels (and the margins that hold them) at this multiple of their usual size. */
  readonly labelScale: number;
}

/**
 * How to draw the diagram in a box. With neither a box height nor a text size (the studio), the
 * drawing is as wide as the box, within DIAGRAM_WIDTHS, and scales to fill it; a box near the
 * prerendered width keeps it (KEEPS_PRERENDERED_WIDTH), at most that wide. Filling a box
 * (presenter, embed), it is as large as the box allows without running past its height (whose
 * drawing height `heightAt(labelScale)` gives), its largest value labels at most `textPx`, and
 * never compact. When the box holds the labels below `textPx`, they grow within the drawing
 * (labelScale, up to MAX_LABEL_SCALE) just far enough to reach it. `heightAt` must grow less
 * than in proportion to the label scale (a fixed part plus the margins, as diagramHeight does).
 */
export function fitDiagram(boxWidth: number, boxHeight: number | null, heightAt: (labelScale: number) => number, textPx: number | null): DiagramFit {
  if (boxHeight === null && textPx === null) {
    for (const prerendered of Object.values(PRERENDERED_WIDTHS)) {
      const ratio = boxWidth / prerendered;
      if (ratio >= KEEPS_PRERENDERED_WIDTH[0] && ratio <= KEEPS_PRERENDERED_WIDTH[1]) return { width: prerendered, scale: Math.min(1, ratio), labelScale: 1 };
    }
    const width = Math.max(DIAGRAM_WIDTHS[0], Math.min(DIAGRAM_WIDTHS[1], boxWidth));
    return { width, scale: boxWidth / width, labelScale: 1 };
  }
  const fit = (labelScale: number): DiagramFit => {
    let scale = Math.min(
      textPx === null ? Infinity : textPx / (MAX_FONT * labelScale),
      boxHeight === null ? Infinity : boxHeight / heightAt(labelScale),
    );
    const minWidth = minDrawingWidth(labelScale);
    const width = Math.max(minWidth, Math.min(Math.max(minWidth, DIAGRAM_WIDTHS[1]), boxWidth / scale));
    scale = Math.min(scale, boxWidth / width);
    return { width, scale, labelScale };
  };
  // Reaching the aim within rounding (the scale that reaches it is textPx / (MAX_FONT · labelScale)).
  const reaches = (f: DiagramFit) => textPx === null || MAX_FONT * f.labelScale * f.scale >= textPx - 1e-9;
  const plain = fit(1);
  if (reaches(plain)) return plain;
  // The labels' size grows with labelScale (the drawing's height and width grow less than its
  // labels do), so the smallest label scale that reaches textPx is found by halving; labels no
  // larger than needed keep the drawing's usual proportions.
  const top = fit(MAX_LABEL_SCALE);
  if (!reaches(top)) return top;
  let [low, high] = [1, MAX_LABEL_SCALE];
  while (high - low > 1e-3) {
    const mid = (low + high) / 2;
    if (reaches(fit(mid))) high = mid;
    else low = mid;
  }
  return fit(high);
}
