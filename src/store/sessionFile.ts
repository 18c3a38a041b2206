/**
 * Session files: the studio's whole state at the cursor as one JSON document, written by
 * "Save session" and read back by "Open session…" without retraining.
 *
 * Doubles are written losslessly: JSON numbers in JavaScript's shortest round-trip form (which
 * JSON.parse reads back to the same bits), and the texts "NaN", "Infinity", "-Infinity" and "-0"
 * for the values JSON has no number for. Reading is pure and never throws: a file either opens
 * or gives one SessionProblem naming the field and what was expected.
 */
import {
  ACTIVATIONS, INIT_SCHEMES, LOSSES, OUTPUT_ACTIVATIONS, PHASES, bufferNames, resolveOptimizerSpec,
  type Matrix, type OptimizerSpec, type OptimizerState, type Params, type PhaseId,
} from '../engine/index';
import { DATASET_KINDS, type Dataset, type DatasetKind } from '../data/datasets';
import { MAX_HIDDEN, buildConfig, type Built, type StudioConfig } from './config';
import {
  Described, SessionFileError, doubles, encodeDouble, expectEqual, expectShape, integer, number, object, oneOf, problem, settings, string, strings,
  type SessionProblem,
} from './sessionCheck';
import { EMPTY_CURVES, appendCurves, currentSession, restoreTimeline, type Curves, type Timeline } from './timeline';

export { problem as sessionProblem, type SessionProblem, type SessionProblemCode } from './sessionCheck';

/** The `format` field every session file starts with. */
export const SESSION_FORMAT = 'backprop-studio-session';
/** The version this page writes and reads. */
export const SESSION_VERSION = 1;

/** What a session is saved from (a subset of the store's state). */
export interface SessionSource {
  readonly config: StudioConfig;
  readonly csv: Dataset | null;
  readonly csvName: string | null;
  readonly timeline: Timeline;
}

/** A session file's contents, ready to become the store's state. */
export interface OpenedSession extends SessionSource {
  readonly built: Built;
}

export type SessionRead = { readonly ok: true; readonly session: OpenedSession } | { readonly ok: false; readonly problem: SessionProblem };

type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };

const METRICS = ['trainLoss', 'testLoss', 'trainAccuracy', 'testAccuracy'] as const;
const PARAMS = ['W1', 'b1', 'W2', 'b2'] as const;
const MAX_SEED = 2 ** 32 - 1;
/** Larger than any CSV the importer accepts (100 000 rows of 64 inputs) and any network the studio builds. */
const MAX_ROWS = 1024;
const MAX_COLUMNS = 1_000_000;
const MAX_ITERATION = 1e9;

/** Rows the curves hold at (iteration, phase): one per iteration whose loss phase has been reached. */
export function curveRowsAt(iteration: number, phase: PhaseId): number {
  return iteration + (PHASES.indexOf(phase) >= PHASES.indexOf('loss') ? 1 : 0);
}

const matrixJson = (m: Matrix): Json => ({ rows: m.rows, cols: m.cols, data: Array.from(m.data, encodeDouble) });
const paramsJson = (p: Params): Json => Object.fromEntries(PARAMS.map((name) => [name, matrixJson(p[name])]));

function csvJson(csv: Dataset, name: string): Json {
  return {
    name, task: csv.task, featureNames: csv.featureNames, targetName: csv.targetName,
    train: { X: matrixJson(csv.train.X), Y: matrixJson(csv.train.Y) }, test: { X: matrixJson(csv.test.X), Y: matrixJson(csv.test.Y) },
  };
}

/** The session file's object: configuration, data, the state at the cursor and the curves up to it. */
export function sessionObject(s: SessionSource): Json {
  const { iteration, phase, params, optimizerState } = currentSession(s.timeline);
  const rows = Math.min(s.timeline.curves.length, curveRowsAt(iteration, phase));
  return {
    format: SESSION_FORMAT,
    version: SESSION_VERSION,
    config: s.config as unknown as Json,
    csv: s.csv ? csvJson(s.csv, s.csvName ?? (s.config.data.kind === 'csv' ? s.config.data.name : 'data.csv')) : null,
    cursor: { iteration, phase },
    state: {
      params: paramsJson(params),
      optimizer: {
        step: optimizerState.step,
        buffers: Object.fromEntries(Object.entries(optimizerState.buffers).map(([name, p]) => [name, paramsJson(p)])),
      },
    },
    curves: Object.fromEntries(METRICS.map((k) => [k, Array.from(s.timeline.curves[k].subarray(0, rows), encodeDouble)])),
  };
}

/**
 * JSON laid out for reading: objects indented, lists of numbers or texts on one line
 * (a parameter matrix is one line, not one line per number).
 */
export function layoutJson(value: Json, indent = ''): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    const items = value as readonly Json[];
    if (items.every((v) => v === null || typeof v !== 'object')) return `[${items.map((v) => JSON.stringify(v)).join(', ')}]`;
    return `[\n${items.map((v) => inner + layoutJson(v, inner)).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${layoutJson(v, inner)}`).join(',\n')}\n${indent}}`;
}

/** The text of a session file for the store's state. */
export function sessionText(s: SessionSource): string {
  return `${layoutJson(sessionObject(s))}\n`;
}

type Reader = ReturnType<typeof object>;

function readMatrix(at: Reader, key: string, rows?: number, cols?: number, isFinite = true): Matrix {
  const field = at(key);
  const m = object(field.value, field.path);
  const r = integer(m('rows'), 1, MAX_ROWS);
  const c = integer(m('cols'), 1, MAX_COLUMNS);
  if (rows !== undefined && cols !== undefined) expectShape(field, rows, cols, { rows: r, cols: c });
  return { rows: r, cols: c, data: doubles(m('data'), r * c, isFinite) };
}

function readParams(at: Reader, key: string, built: Built): Params {
  const field = at(key);
  const p = object(field.value, field.path);
  const { inputSize: n, hiddenSize: h, outputSize: o } = built.network;
  return { W1: readMatrix(p, 'W1', h, n), b1: readMatrix(p, 'b1', h, 1), W2: readMatrix(p, 'W2', o, h), b2: readMatrix(p, 'b2', o, 1) };
}

function readData(at: Reader): StudioConfig['data'] {
  const field = at('data');
  const d = object(field.value, field.path);
  const kind = oneOf(d('kind'), [...DATASET_KINDS, 'csv'] as const);
  if (kind === 'csv') return { kind, name: string(d('name')) };
  return {
    kind: kind as DatasetKind,
    points: integer(d('points'), 10, 5000),
    noise: number(d('noise'), 0, 1),
    trainFraction: number(d('trainFraction'), 0, 1, true),
    seed: integer(d('seed'), 0, MAX_SEED),
  };
}

/** The optimizer fields a kind may carry, each a number in [min, max] (or [min, max) when below). */
const OPTIMIZER_FIELDS: Record<OptimizerSpec['kind'], Record<string, readonly [number, number, boolean?]>> = {
  sgd: { momentum: [0, 1e6], weightDecay: [0, 1e6] },
  rmsprop: { alpha: [0, 1], eps: [0, 1], momentum: [0, 1e6], weightDecay: [0, 1e6] },
  adam: { beta1: [0, 1, true], beta2: [0, 1, true], eps: [0, 1], weightDecay: [0, 1e6] },
};

function readOptimizer(at: Reader): OptimizerSpec {
  const field = at('optimizer');
  const o = object(field.value, field.path);
  const kind = oneOf(o('kind'), ['sgd', 'rmsprop', 'adam'] as const);
  const spec: Record<string, number | string> = { kind, lr: number(o('lr'), 0, 1e6) };
  for (const [name, [min, max, isBelow]] of Object.entries(OPTIMIZER_FIELDS[kind])) {
    const f = o(name);
    if (f.value !== undefined) spec[name] = number(f, min, max, isBelow);
  }
  return spec as unknown as OptimizerSpec;
}

function readConfig(at: Reader): StudioConfig {
  const field = at('config');
  const c = object(field.value, field.path);
  const readInit = () => {
    const init = object(c('init').value, c('init').path);
    return { scheme: oneOf(init('scheme'), INIT_SCHEMES), scale: number(init('scale'), 0, 1e6), seed: integer(init('seed'), 0, MAX_SEED) };
  };
  const batch = c('batchSize');
  // In the order the file writes them, so the first problem named is the first in the file.
  return {
    data: readData(c),
    hiddenSize: integer(c('hiddenSize'), 1, MAX_HIDDEN),
    hiddenActivation: oneOf(c('hiddenActivation'), ACTIVATIONS),
    outputActivation: oneOf(c('outputActivation'), OUTPUT_ACTIVATIONS),
    loss: oneOf(c('loss'), LOSSES),
    init: readInit(),
    optimizer: readOptimizer(c),
    batchSize: batch.value === null ? null : integer(batch, 1, MAX_COLUMNS),
    shuffleSeed: integer(c('shuffleSeed'), 0, MAX_SEED),
  };
}

function readCsv(at: Reader): { dataset: Dataset; name: string } {
  const field = at('csv');
  const d = object(field.value, field.path);
  const name = string(d('name'));
  const task = oneOf(d('task'), ['classification', 'multiclass', 'regression'] as const);
  const featureNames = strings(d('featureNames'));
  const targetName = string(d('targetName'));
  const split = (key: 'train' | 'test') => {
    const s = object(d(key).value, d(key).path);
    const X = readMatrix(s, 'X');
    expectEqual(s('X'), X.rows, featureNames.length, `the number of ${field.path}.featureNames`);
    const Y = readMatrix(s, 'Y');
    expectEqual(s('Y'), Y.cols, X.cols, `${d(key).path}.X.cols`);
    return { X, Y };
  };
  const train = split('train');
  const test = split('test');
  expectEqual(d('test'), test.Y.rows, train.Y.rows, `${field.path}.train.Y.rows`);
  return { name, dataset: { kind: 'csv', task, inputSize: train.X.rows, outputSize: train.Y.rows, train, test, featureNames, targetName } };
}

function readCurves(at: Reader, rows: number): Curves {
  const field = at('curves');
  const c = object(field.value, field.path);
  const columns = Object.fromEntries(METRICS.map((k) => [k, doubles(c(k), rows, false)])) as Record<(typeof METRICS)[number], Float64Array>;
  return appendCurves(EMPTY_CURVES, columns, rows);
}

function read(text: string): OpenedSession {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new SessionFileError(problem('not-json', '', text.length > 40 ? new Described(`${text.slice(0, 40)}…`) : text, {
      reason: e instanceof Error ? e.message : String(e),
    }));
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new SessionFileError(problem('not-session', 'format', json));
  const at = object(json, '');
  if (at('format').value !== SESSION_FORMAT) throw new SessionFileError(problem('not-session', 'format', at('format').value));
  if (at('version').value !== SESSION_VERSION) throw new SessionFileError(problem('version', 'version', at('version').value, { expected: SESSION_VERSION }));

  const config = readConfig(at);
  const csvField = at('csv');
  const csv = csvField.value === null || csvField.value === undefined ? null : readCsv(at);
  if (config.data.kind === 'csv') {
    if (!csv) throw new SessionFileError(problem('missing', 'csv', csvField.value));
    expectEqual({ value: csv.name, path: 'csv.name' }, csv.name, config.data.name, 'config.data.name');
  }
  let built: Built;
  try {
    built = buildConfig(config, csv?.dataset);
  } catch (e) {
    settings('config', e instanceof Error ? e.message : String(e), config.data.kind);
  }

  const cursorField = at('cursor');
  const cursor = object(cursorField.value, cursorField.path);
  const iteration = integer(cursor('iteration'), 0, MAX_ITERATION);
  const phase = oneOf(cursor('phase'), PHASES);

  const stateField = at('state');
  const state = object(stateField.value, stateField.path);
  const params = readParams(state, 'params', built);
  const optimizerField = state('optimizer');
  const optimizer = object(optimizerField.value, optimizerField.path);
  const step = optimizer('step');
  expectEqual(step, integer(step, 0, MAX_ITERATION), iteration, 'cursor.iteration (one optimizer step per iteration)');
  const buffersField = optimizer('buffers');
  const buffers = object(buffersField.value, buffersField.path);
  const optimizerState: OptimizerState = {
    step: iteration,
    buffers: Object.fromEntries(bufferNames(resolveOptimizerSpec(config.optimizer)).map((name) => [name, readParams(buffers, name, built)])),
  };
  const curves = readCurves(at, curveRowsAt(iteration, phase));

  let timeline: Timeline;
  try {
    timeline = restoreTimeline(built.setup, built.dataset.test, built.initialParams, { iteration, params, optimizerState }, phase, curves);
  } catch (e) {
    settings('state', e instanceof Error ? e.message : String(e), iteration);
  }
  return { config, csv: csv?.dataset ?? null, csvName: csv?.name ?? null, built, timeline };
}

/** Reads a session file's text: the state to open, or the first problem found. Never throws. */
export function readSession(text: string): SessionRead {
  try {
    return { ok: true, session: read(text) };
  } catch (e) {
    if (e instanceof SessionFileError) return { ok: false, problem: e.problem };
    return { ok: false, problem: problem('settings', 'state', '', { reason: e instanceof Error ? e.message : String(e) }) };
  }
}
