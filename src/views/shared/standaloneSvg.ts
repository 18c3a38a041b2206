/**
 * A standalone SVG of a panel's picture, for hand-outs: the live SVG layers cloned with every
 * style they get from the page's CSS written onto them as presentation attributes (no class,
 * no stylesheet, no web font), with title lines, a legend and a white background around them,
 * so the file looks the same in Inkscape, in a browser without the page, and drawn to a canvas.
 *
 * Why attributes, not a <style> block: Inkscape and image viewers apply presentation
 * attributes everywhere, and an element's own attributes survive copy and paste between files.
 */
import { textWidth, wrapText } from '../../viz/wrapText';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Font stacks without CSS-only keywords (system-ui, ui-monospace), ending in a generic family, with a Chinese face. */
export const SANS_STACK = "'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, 'Noto Sans CJK SC', 'Microsoft YaHei', 'PingFang SC', sans-serif";
export const MONO_STACK = "'DejaVu Sans Mono', Menlo, Consolas, 'Noto Sans Mono CJK SC', 'Noto Sans CJK SC', monospace";

/** Inherited properties copied when they differ from the parent's (so most elements carry none). */
const INHERITED = [
  'fill', 'fill-opacity', 'fill-rule', 'stroke', 'stroke-width', 'stroke-opacity', 'stroke-dasharray', 'stroke-dashoffset',
  'stroke-linecap', 'stroke-linejoin', 'stroke-miterlimit', 'paint-order', 'font-family', 'font-size', 'font-weight',
  'font-style', 'text-anchor', 'dominant-baseline', 'letter-spacing', 'visibility',
] as const;
/** Properties that are not inherited: copied when they differ from their initial value. */
const OWN: Readonly<Record<string, string>> = { opacity: '1' };
const SHAPES = new Set(['path', 'circle', 'rect', 'line', 'polyline', 'polygon', 'ellipse']);
/** Attributes of the live page (interaction, accessibility of the page itself, styling hooks) that a file has no use for. */
const PAGE_ATTRIBUTE = /^(class|style|tabindex|role|focusable|inert|aria-.*|data-.*)$/;

/** "rgb(26, 26, 26)" → "#1a1a1a", with its alpha (1 when none); other colour syntaxes pass through. */
export function hexColor(value: string): { color: string; alpha: number } {
  const m = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(value.trim());
  if (!m) return { color: value, alpha: 1 };
  const hex = m.slice(1, 4).map((c) => Math.round(Number(c)).toString(16).padStart(2, '0')).join('');
  const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? Number(m[4].slice(0, -1)) / 100 : Number(m[4]);
  return { color: `#${hex}`, alpha };
}

/** A computed value as an SVG attribute value: px dropped from lengths, one font stack per kind. */
function attributeValue(property: string, value: string): string {
  if (property === 'font-family') return /monospace|mono\b/i.test(value) ? MONO_STACK : SANS_STACK;
  return value.replace(/(\d)px\b/g, '$1');
}

/** The computed styles of `live` that matter to an SVG, as attribute values (colours as hex, alpha folded into opacities). */
function svgStyle(live: Element): Map<string, string> {
  const cs = getComputedStyle(live);
  const out = new Map<string, string>();
  for (const p of INHERITED) out.set(p, attributeValue(p, cs.getPropertyValue(p)));
  for (const [paint, opacity] of [['fill', 'fill-opacity'], ['stroke', 'stroke-opacity']] as const) {
    const { color, alpha } = hexColor(out.get(paint) ?? '');
    out.set(paint, alpha === 0 ? 'none' : color);
    if (alpha < 1 && alpha > 0) out.set(opacity, String(Number(out.get(opacity) ?? 1) * alpha));
  }
  for (const p of Object.keys(OWN)) out.set(p, cs.getPropertyValue(p));
  out.set('display', cs.getPropertyValue('display'));
  return out;
}

/**
 * Writes onto `clone` (a deep clone of `live`) every style `live` shows, as attributes, and
 * drops what draws nothing (display: none; shapes with neither fill nor stroke, e.g. hit areas).
 */
function inlineStyles(live: Element, clone: Element, parent: Map<string, string> | null): void {
  const style = svgStyle(live);
  const tag = live.tagName.toLowerCase();
  if (style.get('display') === 'none' || (SHAPES.has(tag) && style.get('fill') === 'none' && style.get('stroke') === 'none')) {
    clone.remove();
    return;
  }
  for (const name of clone.getAttributeNames()) {
    if (PAGE_ATTRIBUTE.test(name) || (INHERITED as readonly string[]).includes(name) || name in OWN) clone.removeAttribute(name);
  }
  for (const p of INHERITED) {
    const value = style.get(p) ?? '';
    if (value !== '' && (parent === null || parent.get(p) !== value)) clone.setAttribute(p, value);
  }
  for (const [p, initial] of Object.entries(OWN)) {
    const value = style.get(p) ?? initial;
    if (value !== initial && value !== '') clone.setAttribute(p, value);
  }
  // Pair the children before recursing: a dropped child must not shift the others.
  const pairs = Array.from(live.children, (child, k) => [child, clone.children[k]] as const);
  for (const [a, b] of pairs) if (b) inlineStyles(a, b, style);
}

/** A text block's look, read from a live element (its font size, weight and colour) or given. */
export interface TextLook {
  readonly fontSize: number;
  readonly fontWeight: string;
  readonly fill: string;
  readonly isMono?: boolean;
}

/** The look of a live HTML element's text (the page's caption, legend line…). */
export function lookOf(element: Element): TextLook {
  const cs = getComputedStyle(element);
  return {
    fontSize: parseFloat(cs.fontSize) || 14,
    fontWeight: cs.fontWeight || '400',
    fill: hexColor(cs.color).color || '#1a1a1a',
    isMono: /monospace/i.test(cs.fontFamily),
  };
}

/** One part of the picture, stacked top to bottom. */
export type SvgPart =
  | { readonly kind: 'text'; readonly text: string; readonly look: TextLook }
  /** Live SVGs drawn over each other (same viewBox), scaled to the picture's width. */
  | { readonly kind: 'layers'; readonly svgs: readonly SVGSVGElement[] }
  /** The colour scale: a gradient bar between two words. */
  | { readonly kind: 'palette'; readonly colors: readonly string[]; readonly left: string; readonly right: string; readonly look: TextLook }
  /** Line samples with labels (a chart's legend). */
  | { readonly kind: 'swatches'; readonly items: readonly { color: string; dash?: string; label: string }[]; readonly look: TextLook };

export interface StandaloneSvg {
  readonly text: string;
  readonly width: number;
  readonly height: number;
}

const PADDING = 16;
const GAP = 8;

function el(doc: Document, tag: string, attributes: Record<string, string | number>, text?: string): Element {
  const e = doc.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attributes)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

function fontAttributes(look: TextLook): Record<string, string | number> {
  return { 'font-family': look.isMono ? MONO_STACK : SANS_STACK, 'font-size': look.fontSize, 'font-weight': look.fontWeight, fill: look.fill };
}

/** The viewBox of a live SVG (its width and height attributes, or its box, when it has none). */
function viewBoxOf(svg: SVGSVGElement): { x: number; y: number; width: number; height: number } {
  const box = svg.getAttribute('viewBox')?.trim().split(/[\s,]+/).map(Number);
  if (box?.length === 4 && box.every(Number.isFinite)) return { x: box[0], y: box[1], width: box[2], height: box[3] };
  return { x: 0, y: 0, width: Number(svg.getAttribute('width')) || 300, height: Number(svg.getAttribute('height')) || 150 };
}

/** Draws one part at `y` into `root`; returns its height. */
function drawPart(doc: Document, root: Element, part: SvgPart, y: number, width: number, defs: Element, gradientId: string): number {
  const inner = width - 2 * PADDING;
  switch (part.kind) {
    case 'text': {
      const lines = wrapText(part.text, inner, part.look.fontSize, part.look.isMono);
      const lineHeight = part.look.fontSize * 1.3;
      const text = el(doc, 'text', { x: PADDING, y: y + part.look.fontSize, ...fontAttributes(part.look) });
      lines.forEach((line, k) => text.append(el(doc, 'tspan', { x: PADDING, dy: k === 0 ? 0 : lineHeight }, line)));
      root.append(text);
      return lines.length * lineHeight;
    }
    case 'layers': {
      const box = viewBoxOf(part.svgs[0]);
      const scale = inner / box.width;
      const g = el(doc, 'g', { transform: `translate(${PADDING},${y}) scale(${scale}) translate(${-box.x},${-box.y})` });
      for (const svg of part.svgs) {
        const layer = svg.cloneNode(true) as SVGSVGElement;
        inlineStyles(svg, layer, null);
        const group = el(doc, 'g', {});
        for (const name of layer.getAttributeNames()) {
          if ((INHERITED as readonly string[]).includes(name) || name in OWN) group.setAttribute(name, layer.getAttribute(name) ?? '');
        }
        group.append(...Array.from(layer.childNodes));
        g.append(group);
      }
      root.append(g);
      return box.height * scale;
    }
    case 'palette': {
      const { look } = part;
      const barWidth = Math.min(160, inner / 3);
      const leftWidth = textWidth(part.left, look.fontSize, look.isMono) + 8;
      const mid = y + look.fontSize * 0.7;
      const gradient = el(doc, 'linearGradient', { id: gradientId, x1: 0, x2: 1, y1: 0, y2: 0 });
      part.colors.forEach((c, k) => gradient.append(el(doc, 'stop', { offset: k / (part.colors.length - 1), 'stop-color': c })));
      defs.append(gradient);
      root.append(
        el(doc, 'text', { x: PADDING, y: mid, dy: '0.35em', ...fontAttributes(look) }, part.left),
        el(doc, 'rect', { x: PADDING + leftWidth, y: mid - 6, width: barWidth, height: 12, rx: 3, fill: `url(#${gradientId})`, stroke: '#d9d9e3' }),
        el(doc, 'text', { x: PADDING + leftWidth + barWidth + 8, y: mid, dy: '0.35em', ...fontAttributes(look) }, part.right),
      );
      return look.fontSize * 1.4;
    }
    case 'swatches': {
      const { look } = part;
      let x = PADDING;
      const mid = y + look.fontSize * 0.7;
      for (const item of part.items) {
        root.append(el(doc, 'line', { x1: x, x2: x + 32, y1: mid, y2: mid, stroke: item.color, 'stroke-width': 3, ...(item.dash ? { 'stroke-dasharray': item.dash } : {}) }));
        root.append(el(doc, 'text', { x: x + 40, y: mid, dy: '0.35em', ...fontAttributes(look) }, item.label));
        x += 40 + textWidth(item.label, look.fontSize, look.isMono) + 24;
      }
      return look.fontSize * 1.4;
    }
  }
}

/**
 * The parts stacked into one SVG document `width` px wide (the on-screen size of the picture),
 * on white, with `title` as its <title>. Needs a DOM with computed styles (the page).
 */
export function standaloneSvg(doc: Document, width: number, title: string, parts: readonly SvgPart[]): StandaloneSvg {
  const root = el(doc, 'svg', { 'font-family': SANS_STACK });
  const defs = el(doc, 'defs', {});
  const background = el(doc, 'rect', { x: 0, y: 0, width, fill: '#ffffff' });
  root.append(el(doc, 'title', {}, title), defs, background);
  let y = PADDING;
  parts.forEach((part, k) => {
    y += drawPart(doc, root, part, y, width, defs, `palette-${k}`) + GAP;
  });
  const height = Math.ceil(y - GAP + PADDING);
  background.setAttribute('height', String(height));
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(height));
  root.setAttribute('viewBox', `0 0 ${width} ${height}`);
  if (!defs.hasChildNodes()) defs.remove();
  const text = `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(root)}\n`;
  return { text, width, height };
}
