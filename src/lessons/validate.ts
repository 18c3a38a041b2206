/**
 * Checks a lesson (a built-in one, or a teacher's JSON file) before anything of it is used, and
 * says exactly what is wrong: which step, which field, what was expected. Never throws.
 */
import { PHASES } from '../engine/index';
import { PANELS, MATRIX_NAMES } from '../store/recipe';
import { MAX_LINK_ITERATION, parseLink } from '../store/url';
import { ExprError, parseExpr, splitTemplate } from './expr';
import type { Lesson } from './types';

/** What is wrong with a lesson: where (step is 1-based, null for the lesson itself) and what. */
export interface LessonIssue {
  readonly step: number | null;
  readonly field: string;
  readonly problem: string;
}

export const MAX_STEPS = 100;
const MAX_TEXT = 2000;
const MAX_OPTIONS = 6;

type Path = { step: number | null; field: string };
class Invalid extends Error {
  constructor(readonly issue: LessonIssue) {
    super(issue.problem);
  }
}
const fail = (at: Path, problem: string): never => {
  throw new Invalid({ ...at, problem });
};
const sub = (at: Path, name: string): Path => ({ step: at.step, field: at.field ? `${at.field}.${name}` : name });
const describe = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v === 'string' ? `"${v.slice(0, 40)}"` : typeof v === 'object' ? 'an object' : String(v));

function record(v: unknown, at: Path): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(at, `must be an object (got ${describe(v)})`);
  return v as Record<string, unknown>;
}
function text(v: unknown, at: Path, max = MAX_TEXT): string {
  if (typeof v !== 'string') fail(at, `must be text (got ${describe(v)})`);
  const s = v as string;
  if (s.length > max) fail(at, `must be at most ${max} characters (got ${s.length})`);
  return s;
}
function integer(v: unknown, at: Path, min: number, max: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) fail(at, `must be a whole number from ${min} to ${max} (got ${describe(v)})`);
  return v as number;
}
function oneOf<T extends string>(v: unknown, at: Path, values: readonly T[]): T {
  if (typeof v !== 'string' || !(values as readonly string[]).includes(v)) fail(at, `must be one of ${values.join(', ')} (got ${describe(v)})`);
  return v as T;
}
function expression(v: unknown, at: Path): string {
  const s = text(v, at, 500);
  try {
    parseExpr(s);
  } catch (e) {
    fail(at, e instanceof ExprError ? e.message : String(e));
  }
  return s;
}
/** Both languages, each a template whose {placeholders} parse. */
function lessonText(v: unknown, at: Path, isTemplate = false) {
  const r = record(v, at);
  for (const locale of ['en', 'zh-CN'] as const) {
    const s = text(r[locale], sub(at, locale));
    if (s.trim() === '') fail(sub(at, locale), 'must not be empty');
    if (!isTemplate) continue;
    try {
      splitTemplate(s).exprs.forEach((e) => parseExpr(e));
    } catch (e) {
      fail(sub(at, locale), `has a placeholder that cannot be computed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}
function settings(v: unknown, at: Path) {
  const s = text(v, at, 500);
  const { errors } = parseLink(s);
  if (errors.length) fail(at, errors.map((e) => e.message).join(' '));
}
function neuron(v: unknown, at: Path) {
  if (!Array.isArray(v) || v.length !== 2) fail(at, `must be [layer, index] (got ${describe(v)})`);
  const [layer, index] = v as unknown[];
  integer(layer, sub(at, '0'), 0, 2);
  integer(index, sub(at, '1'), 0, 99);
}
function edge(v: unknown, at: Path) {
  if (!Array.isArray(v) || v.length !== 3) fail(at, `must be [layer, from, to] (got ${describe(v)})`);
  const [layer, from, to] = v as unknown[];
  integer(layer, sub(at, '0'), 1, 2);
  integer(from, sub(at, '1'), 0, 99);
  integer(to, sub(at, '2'), 0, 99);
}
function mistakes(v: unknown, at: Path) {
  if (v === undefined) return;
  if (!Array.isArray(v) || v.length > MAX_OPTIONS) fail(at, `must be a list of at most ${MAX_OPTIONS} mistakes (got ${describe(v)})`);
  (v as unknown[]).forEach((m, k) => {
    const r = record(m, sub(at, String(k)));
    expression(r.value, sub(at, `${k}.value`));
    lessonText(r.says, sub(at, `${k}.says`), true);
    if (r.highlight !== undefined) highlight(r.highlight, sub(at, `${k}.highlight`));
  });
}
function question(v: unknown, at: Path) {
  const q = record(v, at);
  const kind = oneOf(q.kind, sub(at, 'kind'), ['sign', 'number', 'choice'] as const);
  lessonText(q.prompt, sub(at, 'prompt'), true);
  lessonText(q.explain, sub(at, 'explain'), true);
  if (kind === 'choice') {
    oneOf(q.pick, sub(at, 'pick'), ['largest', 'smallest', 'largest-magnitude', 'true'] as const);
    if (!Array.isArray(q.options) || q.options.length < 2 || q.options.length > MAX_OPTIONS) {
      fail(sub(at, 'options'), `must be a list of 2 to ${MAX_OPTIONS} options (got ${describe(q.options)})`);
    }
    (q.options as unknown[]).forEach((o, k) => {
      const r = record(o, sub(at, `options.${k}`));
      lessonText(r.label, sub(at, `options.${k}.label`), true);
      expression(r.value, sub(at, `options.${k}.value`));
      if (r.says !== undefined) lessonText(r.says, sub(at, `options.${k}.says`), true);
    });
    return;
  }
  expression(q.answer, sub(at, 'answer'));
  if (kind === 'number' && q.tolerance !== undefined) {
    if (typeof q.tolerance !== 'number' || !(q.tolerance > 0 && q.tolerance <= 1)) fail(sub(at, 'tolerance'), `must be a number above 0 and at most 1, e.g. 0.02 for 2 % (got ${describe(q.tolerance)})`);
  }
  mistakes(q.mistakes, sub(at, 'mistakes'));
}
function highlight(v: unknown, at: Path) {
  const r = record(v, at);
  const keys = Object.keys(r);
  if (keys.length !== 1) fail(at, `must have exactly one of neuron, edge, matrix, panel (got ${keys.join(', ') || 'none'})`);
  if ('neuron' in r) neuron(r.neuron, sub(at, 'neuron'));
  else if ('edge' in r) edge(r.edge, sub(at, 'edge'));
  else if ('matrix' in r) oneOf(r.matrix, sub(at, 'matrix'), MATRIX_NAMES);
  else if ('panel' in r) oneOf(r.panel, sub(at, 'panel'), PANELS);
  else fail(at, `must have one of neuron, edge, matrix, panel (got ${keys[0]})`);
}
function step(v: unknown, at: Path) {
  const s = record(v, at);
  if (s.settings !== undefined) settings(s.settings, sub(at, 'settings'));
  integer(s.iteration, sub(at, 'iteration'), 0, MAX_LINK_ITERATION);
  oneOf(s.phase, sub(at, 'phase'), PHASES);
  if (s.sample !== undefined) integer(s.sample, sub(at, 'sample'), 0, 4999);
  if (s.neuron !== undefined) neuron(s.neuron, sub(at, 'neuron'));
  if (s.edge !== undefined) edge(s.edge, sub(at, 'edge'));
  if (s.emphasis !== undefined) {
    if (!Array.isArray(s.emphasis)) fail(sub(at, 'emphasis'), `must be a list of panels (got ${describe(s.emphasis)})`);
    (s.emphasis as unknown[]).forEach((p, k) => oneOf(p, sub(at, `emphasis.${k}`), PANELS));
  }
  if (s.highlight !== undefined) highlight(s.highlight, sub(at, 'highlight'));
  lessonText(s.title, sub(at, 'title'));
  lessonText(s.text, sub(at, 'text'), true);
  if (s.question !== undefined) question(s.question, sub(at, 'question'));
}

/** The lesson if it is valid, else the first issue found (where and what). */
export function validateLesson(value: unknown): { ok: true; lesson: Lesson } | { ok: false; issue: LessonIssue } {
  try {
    const root: Path = { step: null, field: '' };
    const l = record(value, root);
    const id = text(l.id, sub(root, 'id'), 40);
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) fail(sub(root, 'id'), `must be lower-case letters, digits and dashes, e.g. "my-lesson" (got "${id}")`);
    lessonText(l.title, sub(root, 'title'));
    lessonText(l.summary, sub(root, 'summary'));
    integer(l.minutes, sub(root, 'minutes'), 1, 240);
    settings(l.settings ?? '', sub(root, 'settings'));
    if (!Array.isArray(l.steps) || l.steps.length < 1 || l.steps.length > MAX_STEPS) {
      fail(sub(root, 'steps'), `must be a list of 1 to ${MAX_STEPS} steps (got ${describe(l.steps)})`);
    }
    (l.steps as unknown[]).forEach((s, k) => step(s, { step: k + 1, field: '' }));
    return { ok: true, lesson: value as Lesson };
  } catch (e) {
    if (e instanceof Invalid) return { ok: false, issue: e.issue };
    return { ok: false, issue: { step: null, field: '', problem: e instanceof Error ? e.message : String(e) } };
  }
}

/** A lesson file's text as a lesson, or the issue (not JSON, too large, or invalid). */
export function readLessonFile(textContent: string): { ok: true; lesson: Lesson } | { ok: false; issue: LessonIssue } {
  if (textContent.length > 1_000_000) return { ok: false, issue: { step: null, field: '', problem: `a lesson file must be at most 1 MB (got ${(textContent.length / 1e6).toFixed(1)} MB)` } };
  let json: unknown;
  try {
    json = JSON.parse(textContent);
  } catch (e) {
    return { ok: false, issue: { step: null, field: '', problem: `is not JSON: ${e instanceof Error ? e.message : String(e)}` } };
  }
  return validateLesson(json);
}
