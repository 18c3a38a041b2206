// Random mutations of a valid session file, and garbage: readSession never throws, and every
// input either opens (with a usable timeline) or gives a problem naming a field that exists in
// the file's layout and saying what was expected. A failure prints fast-check's seed and path.
import { describe, expect } from 'vitest';
import { fc, test } from '../prop';
import { DEFAULT_DATASET_SPECS } from '../../src/data/datasets';
import { DEFAULT_CONFIG, createAppStore, currentSession, readSession, sessionText, type StudioConfig } from '../../src/store/index';
import type { SessionProblemCode } from '../../src/store/sessionFile';

const CODES: readonly SessionProblemCode[] = [
  'not-json', 'not-session', 'version', 'missing', 'object', 'array', 'string', 'integer', 'number', 'number-below', 'finite',
  'double', 'one-of', 'shape', 'length', 'equal', 'settings', 'too-large', 'unreadable',
];

/** Small, so that the cases that do open stay fast: 40 points, 3 hidden neurons, Adam, mini-batches of 16. */
const CONFIG: StudioConfig = {
  ...DEFAULT_CONFIG, data: { ...DEFAULT_DATASET_SPECS.circle, points: 40 }, hiddenSize: 3,
  optimizer: { kind: 'adam', lr: 0.05 }, batchSize: 16,
};
const store = createAppStore({ config: CONFIG });
store.getState().train(4);
store.getState().stepForward();
store.getState().stepForward();
const VALID_TEXT = sessionText(store.getState());
const VALID = JSON.parse(VALID_TEXT) as unknown;

type Path = readonly (string | number)[];
/** Every path in a JSON value, the root included. */
function paths(value: unknown, at: Path = []): Path[] {
  const out: Path[] = [at];
  if (Array.isArray(value)) value.forEach((v, k) => out.push(...paths(v, [...at, k])));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...at, k]));
  return out;
}
const PATHS = paths(VALID);

type Mutation = { kind: 'set'; value: unknown } | { kind: 'delete' } | { kind: 'number'; value: number } | { kind: 'text'; value: string };

/** A copy of `root` with the value at `path` replaced or deleted. */
function mutate(root: unknown, path: Path, m: Mutation): unknown {
  if (path.length === 0) return m.kind === 'delete' ? undefined : 'value' in m ? m.value : root;
  const copy = (Array.isArray(root) ? [...root] : { ...(root as object) }) as Record<string | number, unknown>;
  const [head, ...rest] = path;
  if (rest.length === 0 && m.kind === 'delete') {
    if (Array.isArray(copy)) copy.splice(head as number, 1);
    else delete copy[head];
  } else {
    copy[head] = mutate(copy[head], rest, m);
  }
  return copy;
}

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }).map((value) => ({ kind: 'set' as const, value })),
  fc.constant({ kind: 'delete' as const }),
  fc.oneof(fc.double(), fc.integer({ min: -3, max: 1e6 }), fc.constantFrom(0, -0, 1, 2 ** 32, 1e300))
    .map((value) => ({ kind: 'number' as const, value })),
  fc.constantFrom('NaN', 'Infinity', '-Infinity', '-0', '', 'csv', 'sgd', 'relu', 'loss', '__proto__')
    .map((value) => ({ kind: 'text' as const, value })),
);

/** One to three mutations at random paths of the valid file, written out as JSON. */
const mutatedArb = fc.array(fc.tuple(fc.constantFrom(...PATHS), mutationArb), { minLength: 1, maxLength: 3 })
  .map((changes) => JSON.stringify(changes.reduce((v, [path, m]) => mutate(v, path, m), VALID)) ?? 'undefined');

const garbageArb = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.nat({ max: VALID_TEXT.length }).map((n) => VALID_TEXT.slice(0, n)),
  fc.tuple(fc.nat({ max: VALID_TEXT.length }), fc.string({ minLength: 1, maxLength: 3 }))
    .map(([n, s]) => VALID_TEXT.slice(0, n) + s + VALID_TEXT.slice(n + s.length)),
);

/** Whether `field` ("state.params.W1.data[3]") is a path of the file's layout, or '' (the whole file). */
function isKnownPath(field: string): boolean {
  if (field === '') return true;
  const parts = field.replace(/\[(\d+)\]/g, '.$1').split('.');
  return PATHS.some((p) => p.length === parts.length && p.every((k, i) => String(k) === parts[i]) ||
    // A key the mutation deleted, or an element past a list's end, is named under its parent.
    (p.length === parts.length - 1 && p.every((k, i) => String(k) === parts[i])));
}

function check(text: string) {
  const read = readSession(text);
  if (read.ok) {
    const s = currentSession(read.session.timeline);
    expect(s.params.W1.rows).toBe(read.session.built.network.hiddenSize);
    return;
  }
  const { problem } = read;
  expect(CODES).toContain(problem.code);
  expect(isKnownPath(problem.field), `${problem.field} in ${problem.message}`).toBe(true);
  expect(problem.message).toContain(problem.field === '' ? 'the file' : problem.field);
  expect(problem.message).toMatch(/must|missing/);
}

describe('readSession on damaged files', () => {
  test('the unmutated file opens', () => {
    expect(readSession(VALID_TEXT).ok).toBe(true);
  });
  test.prop([mutatedArb], { numRuns: 8000 })('a mutated session opens or names the bad field, never throws', check, 120_000);
  test.prop([garbageArb], { numRuns: 2000 })('garbage names what it lacks, never throws', check, 120_000);
});
