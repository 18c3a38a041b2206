/**
 * TeX building blocks for the equation panel: numbers at the shared display precision (full
 * precision in a hover title), index subscripts, truncated sums, activation formulas. Pure
 * string functions; no store, no DOM (KaTeX itself is in equationsKatex.ts).
 */
import type { Activation } from '../engine/index';
import { formatFull, formatValue } from './color';

/** What one line of the panel is about; the view maps each to a caption. */
export type LineId =
  | 'fh.matrix' | 'fh.shapes' | 'fh.neuron' | 'fh.activation'
  | 'fo.matrix' | 'fo.shapes' | 'fo.neuron' | 'fo.activation' | 'fo.softmax'
  | 'loss.def' | 'loss.sample' | 'loss.total' | 'loss.ce.def' | 'loss.ce.sample' | 'loss.ce.total'
  | 'bo.matrix' | 'bo.shapes' | 'bo.dz' | 'bo.dW' | 'bo.db' | 'bo.chain.def' | 'bo.chain.factors' | 'bo.chain.dz' | 'bo.chain.sample' | 'bo.chain.avg'
  | 'bo.chain.ce.def' | 'bo.chain.ce.factors' | 'bo.chain.ce.dz'
  | 'bh.matrix' | 'bh.shapes' | 'bh.da' | 'bh.dz' | 'bh.dW' | 'bh.db' | 'bh.chain.def' | 'bh.chain.factors' | 'bh.chain.sample' | 'bh.chain.avg'
  | 'up.rule' | 'up.hyper' | 'up.weight';

/** Sections of a phase: the matrix form, the focused numbers, the chain rule; the optimizer's rule and step. */
export type SectionId = 'symbolic' | 'numbers' | 'chain' | 'rule' | 'update';

export type CaptionParams = Readonly<Record<string, string | number>>;

export interface EquationLine {
  readonly id: LineId;
  readonly tex: string;
  readonly params?: CaptionParams;
}

export interface EquationSection {
  readonly id: SectionId;
  readonly lines: readonly EquationLine[];
  readonly params?: CaptionParams;
}

/** A value as the other views show it (formatValue), with its full precision as a hover title. */
export function num(v: number): string {
  const shown = formatValue(v);
  const e = shown.indexOf('e');
  // Text mode keeps the exponent's hyphen and plus exactly as formatValue writes them.
  const body = e < 0 ? shown : `${shown.slice(0, e)}\\text{${shown.slice(e)}}`;
  return `\\htmlData{title=${formatFull(v)}}{${body}}`;
}

/** num(v), parenthesised when negative, for products and sums: (−0.0042). */
export function pnum(v: number): string {
  return v < 0 || Object.is(v, -0) ? `\\left(${num(v)}\\right)` : num(v);
}

/** num(v) in parentheses, always: the factors of a product read (a)(b)(c). */
export function factor(v: number): string {
  return `\\left(${num(v)}\\right)`;
}

/** A configured hyperparameter as typed (0.1, 0.999, 1e-8), not rounded. */
export function hyper(v: number): string {
  const s = String(v);
  return s.includes('e') ? `\\text{${s}}` : s;
}

/** A 1-based two-index subscript: 21, or 2,10 when an index has two digits (or `wide` says one may). */
export function sub(row: number, col: number, wide = false): string {
  return wide || row >= 9 || col >= 9 ? `${row + 1},${col + 1}` : `${row + 1}${col + 1}`;
}

/**
 * The indices a sum of `count` terms shows: all of them up to head + 1, else the first `head`
 * and the last, with null standing for the ⋯ between.
 */
export function shownIndices(count: number, head = 3): (number | null)[] {
  if (count <= head + 1) return Array.from({ length: count }, (_, k) => k);
  return [...Array.from({ length: head }, (_, k) => k), null, count - 1];
}

/** term(0) + term(1) + … with `+ \\cdots +` where terms are left out (see shownIndices). */
export function sumOf(count: number, term: (k: number) => string, head = 3): string {
  return shownIndices(count, head).map((k) => (k === null ? '\\cdots' : term(k))).join(' + ');
}

/** v(0) + (v(1)) + … for plain values: the first unparenthesised, later negatives in parentheses. */
export function sumOfValues(count: number, value: (k: number) => number, head = 3): string {
  return sumOf(count, (k) => (k === 0 ? num(value(k)) : pnum(value(k))), head);
}

/** g applied to an argument: \tanh(x), \sigma(x), \max(0, x), x. */
export function applyTex(g: Activation, arg: string): string {
  switch (g) {
    case 'tanh':
      return `\\tanh\\left(${arg}\\right)`;
    case 'sigmoid':
      return `\\sigma\\left(${arg}\\right)`;
    case 'relu':
      return `\\max\\left(0,\\, ${arg}\\right)`;
    case 'linear':
      return arg;
    case 'softmax':
      return `\\operatorname{softmax}\\left(${arg}\\right)`;
  }
}

/** x², parenthesised when x already carries a superscript (TeX forbids a double one). */
export function squared(x: string): string {
  return x.includes('^') ? `\\left(${x}\\right)^2` : `${x}^2`;
}

/** g'(z) written with a = g(z), as the seed's code computes it; `times` joins a(1 − a) (⊙ for matrices). */
export function slopeTex(g: Activation, a: string, z: string, times = ''): string {
  switch (g) {
    case 'tanh':
      return `1 - ${squared(a)}`;
    case 'sigmoid':
      return `${a} ${times} \\left(1 - ${a}\\right)`;
    case 'relu':
      return `\\mathbb{1}\\left[${z} > 0\\right]`;
    case 'linear':
      return '1';
    case 'softmax':
      // Not one slope but a K×K Jacobian per sample; the equations of ce show it (backward-output).
      return `\\operatorname{diag}\\left(${a}\\right) - ${a}\\,${a}^{T}`;
  }
}

/** g'(z) with numbers substituted for a and z. */
export function slopeNumbers(g: Activation, a: number, z: number): string {
  switch (g) {
    case 'tanh':
      return `1 - ${factor(a)}^2`;
    case 'sigmoid':
      return `${factor(a)}\\left(1 - ${pnum(a)}\\right)`;
    case 'relu':
      return `\\mathbb{1}\\left[${num(z)} > 0\\right]`;
    case 'linear':
      return '1';
    case 'softmax':
      throw new Error('softmax has a Jacobian, not one slope per element');
  }
}

/** A definition line for activations that have no standard symbol (σ, softmax); null for tanh, ReLU, identity. */
export function definitionTex(g: Activation): string | null {
  if (g === 'softmax') return '\\operatorname{softmax}(z)_r = \\frac{e^{z_r}}{\\sum_{k=1}^{K} e^{z_k}}';
  return g === 'sigmoid' ? '\\sigma(z) = \\frac{1}{1 + e^{-z}}' : null;
}

/** The row of column j's 1 in one-hot Y: the sample's true class (the first 1; 0 if none). */
export function trueClass(Y: { readonly rows: number; readonly cols: number; readonly data: Float64Array }, j: number): number {
  for (let k = 0; k < Y.rows; k++) if (Y.data[k * Y.cols + j] === 1) return k;
  return 0;
}

/** \\underset{r×c}{symbol}: a matrix symbol with its shape written under it. */
export function shaped(symbol: string, r: number, c: number): string {
  return `\\underset{${r}\\times ${c}}{${symbol}}`;
}

/** One row of an aligned block: lhs, rhs and the relation between them (= unless given, e.g. :=). */
export type Row = readonly [lhs: string, rhs: string, relation?: string];

/** Several equations aligned at their relation: each row is lhs = rhs (rhs may itself chain with =). */
export function rows(list: readonly Row[]): string {
  if (list.length === 1) return `${list[0][0]} ${list[0][2] ?? '='} ${list[0][1]}`;
  return `\\begin{aligned}${list.map(([l, r, rel]) => `${l} &${rel ?? '='} ${r}`).join(' \\\\ ')}\\end{aligned}`;
}

/** lhs = rhs[0], then each further right-hand side on its own row, aligned at =. */
export function aligned(lhs: string, ...rhs: string[]): string {
  if (rhs.length === 1) return `${lhs} = ${rhs[0]}`;
  return `\\begin{aligned}${lhs} &= ${rhs.join(' \\\\ &= ')}\\end{aligned}`;
}

/** The focused sample (column of the batch) and neurons, all 0-based and within the network. */
export interface EquationFocus {
  readonly sample: number;
  readonly hidden: number;
  readonly output: number;
  readonly input: number;
}

/** Layer sizes: n inputs, h hidden, o outputs, m samples in the batch. */
export interface EquationSizes {
  readonly n: number;
  readonly h: number;
  readonly o: number;
  readonly m: number;
}

/** A scalar symbol: name^{[layer](sample)}_{index}; sample and index are 0-based (shown 1-based), or a TeX string. */
export function sym(name: string, layer: 1 | 2 | null, sample: number | string | null, index: number | string | null): string {
  const s = sample === null ? '' : `(${typeof sample === 'number' ? sample + 1 : sample})`;
  const l = layer === null ? '' : `[${layer}]`;
  const sup = l || s ? `^{${l}${s}}` : '';
  const subscript = index === null ? '' : `_{${typeof index === 'number' ? index + 1 : index}}`;
  return `${name}${sup}${subscript}`;
}

/** Row r of a row-major matrix's column c: data[r·cols + c]. */
export function at(m: { readonly cols: number; readonly data: Float64Array }, r: number, c: number): number {
  return m.data[r * m.cols + c];
}

/** A phase result the session must hold at this phase; throws naming it otherwise. */
export function need<T>(value: T | null | undefined, name: string): T {
  if (value === null || value === undefined) throw new Error(`${name} is missing from the session`);
  return value;
}
