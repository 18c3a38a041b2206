/**
 * Patching an equation's numbers as text, without KaTeX. Why: from one iteration to the next a
 * line's TeX usually differs only in its digits (same signs, same shape of numbers), and
 * KaTeX lays digits out alike whatever they are, so the typeset HTML differs only in the text
 * and title attributes holding them. Typesetting, parsing and diffing that HTML was most of a
 * step's work on a slow CPU; writing the digits into the nodes that hold them is a few
 * dozen string operations.
 *
 * A line's skeleton is its TeX with every run of digits replaced by '#' (see RUNS). For each skeleton a
 * template is made once: the TeX typeset with every digit run replaced by a code naming it
 * (run k becomes 9, then k in four digits, then 9), which shows where each run lands in the
 * HTML (text nodes, title attributes, the MathML and its TeX annotation). It is checked against
 * the HTML of the TeX it was made from: a skeleton whose digits do anything else (KaTeX merged
 * or split runs, or a digit changed the layout) gets no template and is always typeset.
 */
import { parse } from './patchHtml';

/** Where a number-holding string sits in the typeset line, and how to write it from the TeX's digit runs. */
interface Slot {
  /** Child indices from the line's element down to the node. */
  readonly path: readonly number[];
  /** The attribute holding the digits, or null for a text node's value. */
  readonly attribute: string | null;
  /** The string in parts: literal text, or the index of the TeX digit run that goes there. */
  readonly parts: readonly (string | number)[];
}

/** A line's element bound to its skeleton: the live nodes to write each string into. */
export interface NumberBinding {
  readonly skeleton: string;
  readonly slots: readonly { readonly node: Node; readonly attribute: string | null; readonly parts: readonly (string | number)[] }[];
}

const DIGITS = /\d+/g;
/**
 * The TeX digit runs that may change: not one right after ^ or _ unbraced (`^2`), which takes
 * a single digit as its argument, so that a run of another length typesets differently.
 */
const RUNS = /(?<![\^_\d])\d+/g;
const CODE = /^9(\d{4})9$/;
/** Lines with more digit runs than a code can name are always typeset. */
const MAX_RUNS = 10_000;

/** The TeX with every run of digits that may change replaced by '#'. */
export const skeletonOf = (tex: string): string => tex.replace(RUNS, '#');

/** Templates by skeleton, least recently used first; null: this skeleton cannot be patched. */
const templates = new Map<string, readonly Slot[] | null>();
const TEMPLATE_LIMIT = 256;

/**
 * The slots of a probe's HTML, checked against the HTML of the TeX it was made from (same
 * elements and attributes; the strings holding codes, filled with that TeX's digit runs, give
 * its strings; everything else equal). Null where they differ otherwise (digits that change
 * layout, or runs KaTeX merged or split): such a skeleton is always typeset.
 */
function slotsOf(probe: Node, actual: Node, runs: readonly string[]): Slot[] | null {
  const slots: Slot[] = [];
  /** The parts of a probe string holding codes, if they give the actual string; undefined if it holds none and is equal. */
  const partsOf = (text: string, want: string): (string | number)[] | null | undefined => {
    const parts: (string | number)[] = [];
    let last = 0;
    for (const m of text.matchAll(DIGITS)) {
      // Other digits (KaTeX's metrics in a style, say) are literal text.
      const code = CODE.exec(m[0]);
      if (!code || Number(code[1]) >= runs.length) continue;
      if (m.index > last) parts.push(text.slice(last, m.index));
      parts.push(Number(code[1]));
      last = m.index + m[0].length;
    }
    if (parts.length === 0) return text === want ? undefined : null;
    if (last < text.length) parts.push(text.slice(last));
    return fill(parts, runs) === want ? parts : null;
  };
  const visit = (p: Node, a: Node, path: number[]): boolean => {
    if (p.nodeType !== a.nodeType || p.nodeName !== a.nodeName || p.childNodes.length !== a.childNodes.length) return false;
    if (p.nodeType === 3) {
      const parts = partsOf(p.nodeValue ?? '', a.nodeValue ?? '');
      if (parts) slots.push({ path, attribute: null, parts });
      return parts !== null;
    }
    if (p instanceof Element && a instanceof Element && path.length > 0) {
      if (p.attributes.length !== a.attributes.length) return false;
      for (const { name, value } of p.attributes) {
        const want = a.getAttribute(name);
        if (want === null) return false;
        const parts = partsOf(value, want);
        // A digit in any attribute but a title changes the layout (and a style must go through the CSSOM).
        if (parts === null || (parts && name !== 'title')) return false;
        if (parts) slots.push({ path, attribute: name, parts });
      }
    }
    for (let k = 0; k < p.childNodes.length; k++) {
      if (!visit(p.childNodes[k], a.childNodes[k], [...path, k])) return false;
    }
    return true;
  };
  return visit(probe, actual, []) ? slots : null;
}

const fill = (parts: readonly (string | number)[], runs: readonly string[]): string =>
  parts.map((p) => (typeof p === 'number' ? runs[p] : p)).join('');

/** tex with digit run k replaced by its code, and how many runs it has. */
function probeTexOf(tex: string): { readonly probe: string; readonly runs: number } {
  let k = 0;
  const probe = tex.replace(RUNS, () => `9${String(k++).padStart(4, '0')}9`);
  return { probe, runs: k };
}

/** A skeleton's probe, typeset and parsed ahead of bindNumbers (see probeFor). */
export interface Probe {
  readonly skeleton: string;
  readonly html: HTMLDivElement;
}

/**
 * The probe bindNumbers needs for tex's skeleton, typeset and parsed now, or null if that
 * skeleton's template is made already (or it has no digits to patch). Why ahead: typesetting is
 * the costly part, and a view can do it while rendering, which React interrupts for a key press,
 * leaving the commit (one task) only the check and the writes.
 */
export function probeFor(doc: Document, tex: string, typeset: (tex: string) => string): Probe | null {
  const skeleton = skeletonOf(tex);
  if (templates.has(skeleton)) return null;
  const { probe, runs } = probeTexOf(tex);
  return runs > 0 && runs <= MAX_RUNS ? { skeleton, html: parse(doc, typeset(probe)) } : null;
}

/** The template of tex's skeleton (made once per skeleton, checked against el showing tex), or null if it cannot be patched. */
function templateOf(el: Element, tex: string, skeleton: string, typeset: (tex: string) => string, made: Probe | null): readonly Slot[] | null {
  const hit = templates.get(skeleton);
  if (hit !== undefined) {
    templates.delete(skeleton);
    templates.set(skeleton, hit);
    return hit;
  }
  const runs = tex.match(RUNS) ?? [];
  const probeHtml = () => (made?.skeleton === skeleton ? made.html : parse(el.ownerDocument, typeset(probeTexOf(tex).probe)));
  const template = runs.length > 0 && runs.length <= MAX_RUNS ? slotsOf(probeHtml(), el, runs) : null;
  templates.set(skeleton, template);
  if (templates.size > TEMPLATE_LIMIT) templates.delete(templates.keys().next().value as string);
  return template;
}

/**
 * Binds el, which shows tex typeset (patchHtml(el, typeset(tex))), to tex's skeleton, so that
 * patchNumbers can later write another TeX of that skeleton into it. Null if it cannot be patched.
 * `typeset` (KaTeX) makes the skeleton's template, once per skeleton, unless `probe` (probeFor) did.
 */
export function bindNumbers(el: Element, tex: string, typeset: (tex: string) => string, probe: Probe | null = null): NumberBinding | null {
  const skeleton = skeletonOf(tex);
  const template = templateOf(el, tex, skeleton, typeset, probe);
  if (!template) return null;
  const slots = [];
  for (const slot of template) {
    let node: Node | undefined = el;
    for (const k of slot.path) node = node?.childNodes[k];
    // The element does not have the template's shape (it shows other HTML): typeset instead.
    if (!node) return null;
    slots.push({ node, attribute: slot.attribute, parts: slot.parts });
  }
  return { skeleton, slots };
}

/**
 * Writes tex's numbers into the element `binding` was made for, if tex has its skeleton: the
 * element then shows what typesetting tex would. Returns false (and writes nothing) otherwise.
 */
export function patchNumbers(binding: NumberBinding | null, tex: string): boolean {
  if (!binding || skeletonOf(tex) !== binding.skeleton) return false;
  const runs = tex.match(RUNS) ?? [];
  for (const { node, attribute, parts } of binding.slots) {
    const text = fill(parts, runs);
    if (attribute === null) {
      if (node.nodeValue !== text) node.nodeValue = text;
    } else if ((node as Element).getAttribute(attribute) !== text) {
      (node as Element).setAttribute(attribute, text);
    }
  }
  return true;
}
