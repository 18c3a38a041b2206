/**
 * The little language lesson text and questions compute with: the numbers of a session, by the
 * names the learner reads on screen, so a lesson holds *how* to compute a value, never the value.
 *
 *   W1[0][1]            an entry (row, column); columns of batch matrices are samples
 *   Z1[0][s]            `s` is the sample the lesson focuses on (0-based)
 *   next.W1[0][0]       the parameters the update phase wrote (at or after 'update')
 *   W2[0][0]@forward-hidden   the same quantity at another phase of the same iteration
 *   loss  lr  m  n  h  o  iteration   scalars: the batch loss, learning rate, batch size, layer sizes
 *   sum(dZ2)  mean(dZ2)  maxabs(dW1)  whole-matrix reductions
 *   tanh sigmoid exp log abs sqrt sign   functions of numbers
 *   + - * / ^   ( )   == != < > <= >=   (comparisons give 1 or 0)
 *
 * parseExpr checks the text once (a lesson is validated when it loads); evaluateExpr runs it
 * against whatever resolves names (see lessons/evaluate.ts).
 */
import { PHASES, type PhaseId } from '../engine/index';

export const MATRIX_QUANTITIES = ['X', 'Y', 'W1', 'b1', 'W2', 'b2', 'Z1', 'A1', 'Z2', 'A2', 'dZ2', 'dW2', 'db2', 'dA1', 'dZ1', 'dW1', 'db1'] as const;
export type MatrixQuantity = (typeof MATRIX_QUANTITIES)[number];
export const SCALARS = ['loss', 'lr', 'm', 'n', 'h', 'o', 'iteration'] as const;
export type Scalar = (typeof SCALARS)[number];
const FUNCTIONS = ['tanh', 'sigmoid', 'exp', 'log', 'abs', 'sqrt', 'sign'] as const;
const REDUCTIONS = ['sum', 'mean', 'maxabs'] as const;
type Reduction = (typeof REDUCTIONS)[number];

/** An index of an entry: a whole number, or the focused sample `s`. */
export type Index = number | 's';

export type Expr =
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'scalar'; readonly name: Scalar; readonly at: PhaseId | null }
  | { readonly kind: 'entry'; readonly name: MatrixQuantity; readonly isNext: boolean; readonly row: Index; readonly col: Index; readonly at: PhaseId | null }
  | { readonly kind: 'reduce'; readonly fn: Reduction; readonly name: MatrixQuantity; readonly isNext: boolean; readonly at: PhaseId | null }
  | { readonly kind: 'call'; readonly fn: (typeof FUNCTIONS)[number]; readonly arg: Expr }
  | { readonly kind: 'unary'; readonly arg: Expr }
  | { readonly kind: 'binary'; readonly op: string; readonly left: Expr; readonly right: Expr };

/** What evaluation needs: a matrix or scalar by name, at a phase of the step's iteration (null: the step's own). */
export interface Resolver {
  matrix(name: MatrixQuantity, isNext: boolean, at: PhaseId | null): { rows: number; cols: number; data: ArrayLike<number> } | null;
  scalar(name: Scalar, at: PhaseId | null): number | null;
  /** The focused sample's column. */
  readonly sample: number;
}

export class ExprError extends Error {}

const TOKEN = /\s*(?:(\d+(?:\.\d*)?(?:e[+-]?\d+)?|\.\d+(?:e[+-]?\d+)?)|(next\.[A-Za-z][A-Za-z0-9]*|[A-Za-z][A-Za-z0-9]*)|(@[a-z-]+)|(==|!=|<=|>=|[-+*/^()<>[\]]))/iy;

function tokenize(text: string): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  let at = 0;
  while (at < text.length) {
    if (/^\s*$/.test(text.slice(at))) break;
    TOKEN.lastIndex = at;
    const match = TOKEN.exec(text);
    if (!match) throw new ExprError(`cannot read "${text.slice(at).trim().slice(0, 12)}" in "${text}"`);
    tokens.push(match[1] ?? match[2] ?? match[3] ?? match[4]);
    at = TOKEN.lastIndex;
  }
  return tokens;
}

/** Parses an expression; throws ExprError with what could not be read. */
export function parseExpr(text: string): Expr {
  if (typeof text !== 'string' || text.trim() === '') throw new ExprError('an expression must be non-empty text');
  if (text.length > 500) throw new ExprError(`an expression must be at most 500 characters (got ${text.length})`);
  const tokens = tokenize(text);
  let k = 0;
  const peek = () => tokens[k];
  const take = (expected?: string) => {
    const t = tokens[k];
    if (t === undefined) throw new ExprError(`"${text}" ends too early${expected ? ` (expected ${expected})` : ''}`);
    if (expected !== undefined && t !== expected) throw new ExprError(`expected "${expected}" but found "${t}" in "${text}"`);
    k++;
    return t;
  };
  const phaseSuffix = (): PhaseId | null => {
    const t = peek();
    if (t === undefined || !t.startsWith('@')) return null;
    k++;
    const phase = t.slice(1);
    if (!(PHASES as readonly string[]).includes(phase)) throw new ExprError(`"${t}" is not a phase (one of ${PHASES.join(', ')})`);
    return phase as PhaseId;
  };
  const index = (): Index => {
    take('[');
    const t = take();
    take(']');
    if (t === 's') return 's';
    const v = Number(t);
    if (!Number.isInteger(v) || v < 0) throw new ExprError(`an index must be a whole number or s (got "${t}" in "${text}")`);
    return v;
  };
  const matrixName = (word: string): { name: MatrixQuantity; isNext: boolean } => {
    const isNext = word.startsWith('next.');
    const name = isNext ? word.slice(5) : word;
    if (!(MATRIX_QUANTITIES as readonly string[]).includes(name)) throw new ExprError(`"${word}" is not a matrix (one of ${MATRIX_QUANTITIES.join(', ')})`);
    if (isNext && !['W1', 'b1', 'W2', 'b2'].includes(name)) throw new ExprError(`only parameters have a next value (got "${word}")`);
    return { name: name as MatrixQuantity, isNext };
  };

  const primary = (): Expr => {
    const t = take();
    if (t === '(') {
      const e = comparison();
      take(')');
      return e;
    }
    if (t === '-') return { kind: 'unary', arg: power() };
    if (/^[\d.]/.test(t)) return { kind: 'number', value: Number(t) };
    if ((FUNCTIONS as readonly string[]).includes(t)) {
      take('(');
      const arg = comparison();
      take(')');
      return { kind: 'call', fn: t as (typeof FUNCTIONS)[number], arg };
    }
    if ((REDUCTIONS as readonly string[]).includes(t)) {
      take('(');
      const { name, isNext } = matrixName(take());
      const at = phaseSuffix();
      take(')');
      return { kind: 'reduce', fn: t as Reduction, name, isNext, at };
    }
    if ((SCALARS as readonly string[]).includes(t)) return { kind: 'scalar', name: t as Scalar, at: phaseSuffix() };
    if (/^[A-Za-z]/.test(t)) {
      const { name, isNext } = matrixName(t);
      const row = index();
      const col = index();
      return { kind: 'entry', name, isNext, row, col, at: phaseSuffix() };
    }
    throw new ExprError(`unexpected "${t}" in "${text}"`);
  };
  const power = (): Expr => {
    const base = primary();
    if (peek() === '^') {
      take();
      return { kind: 'binary', op: '^', left: base, right: power() };
    }
    return base;
  };
  const binaryLevel = (ops: readonly string[], next: () => Expr) => (): Expr => {
    let left = next();
    while (peek() !== undefined && ops.includes(peek())) {
      const op = take();
      left = { kind: 'binary', op, left, right: next() };
    }
    return left;
  };
  const product = binaryLevel(['*', '/'], power);
  const sum = binaryLevel(['+', '-'], product);
  const comparison = binaryLevel(['==', '!=', '<', '>', '<=', '>='], sum);

  const expr = comparison();
  if (k < tokens.length) throw new ExprError(`unexpected "${tokens[k]}" in "${text}"`);
  return expr;
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const CALLS: Record<(typeof FUNCTIONS)[number], (x: number) => number> = {
  tanh: Math.tanh, sigmoid, exp: Math.exp, log: Math.log, abs: Math.abs, sqrt: Math.sqrt, sign: Math.sign,
};

/** The value of an expression; throws ExprError when a name has no value at that state (e.g. dW1 before backward). */
export function evaluateExpr(e: Expr, r: Resolver): number {
  switch (e.kind) {
    case 'number':
      return e.value;
    case 'scalar': {
      const v = r.scalar(e.name, e.at);
      if (v === null) throw new ExprError(`${e.name} has no value yet at this phase`);
      return v;
    }
    case 'entry': {
      const m = r.matrix(e.name, e.isNext, e.at);
      const label = `${e.isNext ? 'next.' : ''}${e.name}`;
      if (!m) throw new ExprError(`${label} has no value yet at this phase`);
      const row = e.row === 's' ? r.sample : e.row;
      const col = e.col === 's' ? r.sample : e.col;
      if (row >= m.rows || col >= m.cols) throw new ExprError(`${label}[${row}][${col}] is outside its ${m.rows}×${m.cols} shape`);
      return m.data[row * m.cols + col];
    }
    case 'reduce': {
      const m = r.matrix(e.name, e.isNext, e.at);
      if (!m) throw new ExprError(`${e.name} has no value yet at this phase`);
      let total = 0;
      let largest = 0;
      for (let i = 0; i < m.data.length; i++) {
        total += m.data[i];
        largest = Math.max(largest, Math.abs(m.data[i]));
      }
      return e.fn === 'sum' ? total : e.fn === 'mean' ? total / m.data.length : largest;
    }
    case 'call':
      return CALLS[e.fn](evaluateExpr(e.arg, r));
    case 'unary':
      return -evaluateExpr(e.arg, r);
    case 'binary': {
      const a = evaluateExpr(e.left, r);
      const b = evaluateExpr(e.right, r);
      switch (e.op) {
        case '+': return a + b;
        case '-': return a - b;
        case '*': return a * b;
        case '/': return a / b;
        case '^': return a ** b;
        case '==': return a === b ? 1 : 0;
        case '!=': return a !== b ? 1 : 0;
        case '<': return a < b ? 1 : 0;
        case '>': return a > b ? 1 : 0;
        case '<=': return a <= b ? 1 : 0;
        default: return a >= b ? 1 : 0;
      }
    }
  }
}

/** Phases an expression reads at (besides the step's own), so a caller can prepare them. */
export function phasesRead(e: Expr): PhaseId[] {
  switch (e.kind) {
    case 'scalar': case 'entry': case 'reduce': return e.at ? [e.at] : [];
    case 'call': case 'unary': return phasesRead(e.arg);
    case 'binary': return [...phasesRead(e.left), ...phasesRead(e.right)];
    default: return [];
  }
}

/** The {expression} placeholders of a text, in order, and the text between them. */
export function splitTemplate(text: string): { parts: string[]; exprs: string[] } {
  const parts: string[] = [];
  const exprs: string[] = [];
  let rest = text;
  for (;;) {
    const open = rest.indexOf('{');
    if (open < 0) break;
    const close = rest.indexOf('}', open);
    if (close < 0) throw new ExprError(`a "{" has no closing "}" in "${text.slice(0, 40)}…"`);
    parts.push(rest.slice(0, open));
    exprs.push(rest.slice(open + 1, close));
    rest = rest.slice(close + 1);
  }
  parts.push(rest);
  return { parts, exprs };
}
