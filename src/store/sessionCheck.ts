/**
 * The checks a session file's fields go through. Each names the field by its path in the file
 * (`state.params.W1.data[3]`) and says what was expected as a code with parameters, so the
 * views can say it in either language; the first failed check ends the reading.
 */

/** What a session file's field was expected to be (one message per code and language). */
export type SessionProblemCode =
  | 'not-json' | 'not-session' | 'version' | 'missing' | 'object' | 'array' | 'string' | 'integer' | 'number'
  | 'number-below' | 'finite' | 'double' | 'one-of' | 'shape' | 'length' | 'equal' | 'settings' | 'too-large' | 'unreadable';

/**
 * A session file that can't be opened: `field` is the path in the file ('' for the whole file),
 * `got` a short rendering of what was there, `params` the code's other numbers and words.
 */
export interface SessionProblem {
  readonly code: SessionProblemCode;
  readonly field: string;
  readonly got: string;
  readonly params: Readonly<Record<string, string | number>>;
  /** The same in English, for logs and tests. */
  readonly message: string;
}

/** Thrown by the checks below and caught by readSession, which never throws. */
export class SessionFileError extends Error {
  constructor(readonly problem: SessionProblem) {
    super(problem.message);
  }
}

/** A description already written for a message (e.g. "3×2"), shown as it is. */
export class Described {
  constructor(readonly text: string) {}
}

/** A short rendering of a value for a message: JSON, cut to 40 characters. */
export function shown(value: unknown): string {
  if (value instanceof Described) return value.text;
  if (value === undefined) return 'nothing';
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

const EXPECTED: Record<SessionProblemCode, (p: Record<string, string | number>) => string> = {
  'not-json': (p) => `must be JSON (${p.reason})`,
  'not-session': () => 'must be "backprop-studio-session"',
  version: (p) => `must be ${p.expected} (this page reads version ${p.expected} only)`,
  missing: () => 'is missing',
  object: () => 'must be an object',
  array: () => 'must be a list',
  string: (p) => `must be a text of 1 to ${p.max} characters`,
  integer: (p) => `must be a whole number from ${p.min} to ${p.max}`,
  number: (p) => `must be a number from ${p.min} to ${p.max}`,
  'number-below': (p) => `must be a number from ${p.min} up to (not including) ${p.max}`,
  finite: () => 'must be a finite number',
  double: () => 'must be a number or one of "NaN", "Infinity", "-Infinity", "-0"',
  'one-of': (p) => `must be one of ${p.values}`,
  shape: (p) => `must be a ${p.rows}×${p.cols} matrix`,
  length: (p) => `must have ${p.expected} entries`,
  equal: (p) => `must equal ${p.other} (${p.expected})`,
  settings: (p) => `must fit together (${p.reason})`,
  'too-large': (p) => `must be at most ${p.max} MB`,
  unreadable: (p) => `could not be read (${p.reason})`,
};

/** A problem value with its English message. */
export function problem(code: SessionProblemCode, field: string, got: unknown, params: Record<string, string | number> = {}): SessionProblem {
  const gotText = shown(got);
  const where = field === '' ? 'the file' : field;
  return { code, field, got: gotText, params, message: `${where} ${EXPECTED[code](params)} (got ${gotText})` };
}

function stop(code: SessionProblemCode, field: string, got: unknown, params: Record<string, string | number> = {}): never {
  throw new SessionFileError(problem(code, field, got, params));
}

/** An own property of a parsed JSON object (never one from its prototype, e.g. `__proto__`). */
function own(o: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(o, key) ? o[key] : undefined;
}

/** The object at `path`, read field by field through `at`. */
export function object(value: unknown, path: string): (key: string) => { value: unknown; path: string } {
  if (value === undefined) stop('missing', path, value);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) stop('object', path, value);
  const o = value as Record<string, unknown>;
  return (key) => ({ value: own(o, key), path: path === '' ? key : `${path}.${key}` });
}

type Field = { value: unknown; path: string };

export function integer({ value, path }: Field, min: number, max: number): number {
  if (value === undefined) stop('missing', path, value);
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) stop('integer', path, value, { min, max });
  return value;
}

/** A finite number in [min, max], or in [min, max) when `isBelowMax`. */
export function number({ value, path }: Field, min: number, max: number, isBelowMax = false): number {
  if (value === undefined) stop('missing', path, value);
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max || (isBelowMax && value === max)) {
    stop(isBelowMax ? 'number-below' : 'number', path, value, { min, max });
  }
  return value;
}

export function string({ value, path }: Field, max = 255): string {
  if (value === undefined) stop('missing', path, value);
  if (typeof value !== 'string' || value.length === 0 || value.length > max) stop('string', path, value, { max });
  return value;
}

export function oneOf<T extends string>({ value, path }: Field, values: readonly T[]): T {
  if (value === undefined) stop('missing', path, value);
  if (!(values as readonly unknown[]).includes(value)) stop('one-of', path, value, { values: values.join(', ') });
  return value as T;
}

export function array({ value, path }: Field): readonly unknown[] {
  if (value === undefined) stop('missing', path, value);
  if (!Array.isArray(value)) stop('array', path, value);
  return value;
}

/** A list of texts (1 to `max` characters each), each checked at its own path. */
export function strings(field: Field, max = 255): string[] {
  return array(field).map((value, k) => string({ value, path: `${field.path}[${k}]` }, max));
}

/** The texts that stand for the doubles JSON has no number for. */
const SPECIAL: Readonly<Record<string, number>> = { NaN: NaN, Infinity: Infinity, '-Infinity': -Infinity, '-0': -0 };

/** A double as JSON writes it losslessly: the shortest round-trip number, or a text for NaN, ±Infinity and −0. */
export function encodeDouble(v: number): number | string {
  if (Object.is(v, -0)) return '-0';
  return Number.isFinite(v) ? v : String(v);
}

/**
 * `length` doubles (a list of numbers and the SPECIAL texts). `isFinite`: only finite values (and −0),
 * as parameters and data must be; curves may hold NaN (no accuracy) and ±Infinity (a diverged loss).
 */
export function doubles(field: Field, length: number, isFinite: boolean): Float64Array {
  const list = array(field);
  if (list.length !== length) stop('length', field.path, new Described(`${list.length}`), { expected: length });
  const out = new Float64Array(length);
  for (let k = 0; k < length; k++) {
    const item = list[k];
    const v = typeof item === 'number' ? item : typeof item === 'string' && Object.hasOwn(SPECIAL, item) ? SPECIAL[item] : undefined;
    if (v === undefined) stop('double', `${field.path}[${k}]`, item);
    if (isFinite && !Number.isFinite(v)) stop('finite', `${field.path}[${k}]`, item);
    out[k] = v;
  }
  return out;
}

/** Fails unless `value` equals `expected`, which `other` names (another field, or a rule). */
export function expectEqual(field: Field, value: unknown, expected: string | number, other: string): void {
  if (value !== expected) stop('equal', field.path, value, { expected, other });
}

/** Fails unless a matrix field is rows × cols (its own rows and cols say what it is). */
export function expectShape(field: Field, rows: number, cols: number, got: { rows: number; cols: number }): void {
  if (got.rows !== rows || got.cols !== cols) stop('shape', field.path, new Described(`${got.rows}×${got.cols}`), { rows, cols });
}

/** Any other failure (the engine refusing a combination), as a 'settings' problem at `path`. */
export function settings(path: string, reason: string, got: unknown): never {
  stop('settings', path, got, { reason });
}
