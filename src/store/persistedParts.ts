/**
 * What a reload keeps (see persist.ts): the language, the CSV file, the work (settings and
 * cursor) and the race set-up, restored in this order. Each reads back only what passes the
 * same checks as a link or a file the learner opens: the settings travel as a link (parseLink),
 * the CSV file as CSV text (parseCsv).
 */
import { PHASES, type PhaseId } from '../engine/index';
import { parseCsv } from '../data/csv';
import { formatCsv } from '../data/csvWrite';
import { MAX_CLASSES, type Dataset } from '../data/datasets';
import type { StudioConfig } from './config';
import { definePart, type AnyPart } from './persist';
import { LANE_CHOICES, LANE_HYPERS, type LaneDraft, type RaceSetup } from './raceSlice';
import { currentSession } from './timeline';
import { MAX_ITERATIONS_PER_ACTION, type Locale, type NoticeLine } from './types';
import { parseLink, serializeLink } from './url';
import type { LessonProgress } from './lessonSlice';

/** Fails a check: the part is dropped (never half-read). */
function fail(what: string, value: unknown, rule: string): never {
  const shown = typeof value === 'string' ? JSON.stringify(value.slice(0, 40)) : typeof value;
  throw new Error(`${what} must be ${rule} (got ${shown})`);
}
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
function text(what: string, v: unknown, maxLength: number): string {
  if (typeof v !== 'string' || v.length > maxLength) fail(what, v, `a string of at most ${maxLength} characters`);
  return v;
}
function integer(what: string, v: unknown, min: number, max: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) fail(what, v, `an integer from ${min} to ${max}`);
  return v;
}
function record(what: string, v: unknown, keys: readonly string[]): Record<string, unknown> {
  if (!isRecord(v)) fail(what, v, 'an object');
  const extra = Object.keys(v).find((k) => !keys.includes(k));
  if (extra !== undefined) fail(what, extra, `an object with only ${keys.join(', ')}`);
  return v;
}

const locale = definePart<Locale>({
  key: 'locale',
  version: 1,
  isWork: false,
  yieldsToLink: false, // a link without lang= keeps the reader's language; one with it wins (applyRecipe)
  pick: (s) => s.locale,
  encode: (v) => v,
  decode: (v) => (v === 'en' || v === 'zh-CN' ? v : fail('locale', v, 'en or zh-CN')),
  restore: (state, v) => {
    state().setLocale(v);
    return null;
  },
});

/** Files with more numbers than this are not kept: about 4 MB of text, most of what a browser gives a page. */
export const MAX_KEPT_CSV_VALUES = 200_000;
/** Longest file name kept (file systems allow 255 bytes). */
const MAX_NAME = 300;

interface KeptCsv {
  readonly dataset: Dataset;
  readonly name: string;
}

/** The CSV part as stored: the file as CSV text (formatCsv), its training rows, and K for K classes. */
interface StoredCsv {
  readonly name: string;
  readonly train: number;
  readonly text: string;
  /** K when the target is K classes (read back with loss 'ce'), else null (the importer decides from the labels). */
  readonly classes: number | null;
}

const csv = definePart<KeptCsv>({
  key: 'csv',
  version: 2,
  // Version 1 (before K-class files) had no classes: its labels were read as the importer decides.
  upgrades: { 1: (data) => (isRecord(data) ? { ...data, classes: null } : data) },
  isWork: true,
  yieldsToLink: false, // a link cannot carry a file: the one held stays choosable by name
  pick: (s) => (s.csv && s.csvName !== null ? { dataset: s.csv, name: s.csvName } : null),
  same: (a, b) => a.dataset === b.dataset && a.name === b.name,
  refuse: ({ dataset, name }): NoticeLine | null => {
    if (dataset.outputSize !== 1 && dataset.task !== 'multiclass') {
      // formatCsv writes one target column, as the importer reads it.
      const message = `${name} cannot be kept in this browser: after a reload, choose the file again. Everything else is kept.`;
      return { code: 'storage-csv-not-kept', params: { name }, message };
    }
    const values = (dataset.inputSize + 1) * (dataset.train.X.cols + dataset.test.X.cols);
    if (values <= MAX_KEPT_CSV_VALUES) return null;
    const message = `${name} is too large to keep in this browser (more than ${MAX_KEPT_CSV_VALUES} numbers): after a reload, choose the file again. Everything else is kept.`;
    return { code: 'storage-csv-too-large', params: { name, max: MAX_KEPT_CSV_VALUES }, message };
  },
  encode: ({ dataset, name }): StoredCsv => ({
    name, train: dataset.train.X.cols, text: formatCsv(dataset), classes: dataset.task === 'multiclass' ? dataset.outputSize : null,
  }),
  decode: (data) => {
    const v = record('csv', data, ['name', 'train', 'text', 'classes']);
    const name = text('csv.name', v.name, MAX_NAME);
    const csvText = text('csv.text', v.text, 64 * MAX_KEPT_CSV_VALUES);
    const classes = v.classes === null ? null : integer('csv.classes', v.classes, 2, MAX_CLASSES);
    // The header and one line per sample (formatCsv): the split is written as a row count.
    const m = csvText.split('\n').length - 1;
    const train = integer('csv.train', v.train, 1, Math.max(1, m - 1));
    const result = parseCsv(csvText, { trainFraction: train / m, ...(classes === null ? {} : { loss: 'ce' as const }) });
    if (!result.ok) fail('csv.text', result.errors[0]?.message ?? '', 'a CSV file the importer accepts');
    const { dataset } = result;
    if (dataset.train.X.cols !== train || dataset.test.X.cols !== m - train) fail('csv.train', train, `the number of training rows in ${m}`);
    if (classes !== null && dataset.outputSize !== classes) fail('csv.classes', classes, `the number of classes in the file (${dataset.outputSize})`);
    return { dataset, name };
  },
  restore: (state, v) => {
    state().restoreCsv(v.dataset, v.name);
    return null;
  },
});

interface Work {
  readonly config: StudioConfig;
  readonly iteration: number;
  readonly phase: PhaseId;
}
interface StoredWork {
  /** The settings as a link (serializeLink), read back by parseLink. */
  readonly link: string;
  readonly iteration: number;
  readonly phase: PhaseId;
  /** The CSV file the settings use (data=csv), by name. */
  readonly csv: string | null;
}

const START = { iteration: 0, phase: 'forward-hidden' } as const;

const work = definePart<Work, StoredWork>({
  key: 'work',
  version: 1,
  isWork: true,
  yieldsToLink: true,
  pick: (s) => {
    const { iteration, phase } = currentSession(s.timeline);
    if (iteration === 0 && phase === START.phase && serializeLink(s.config, START, 'en') === '') return null;
    return { config: s.config, iteration, phase };
  },
  same: (a, b) => a.config === b.config && a.iteration === b.iteration && a.phase === b.phase,
  encode: ({ config, iteration, phase }): StoredWork => ({
    link: serializeLink(config, START, 'en'), iteration, phase, csv: config.data.kind === 'csv' ? config.data.name : null,
  }),
  decode: (data) => {
    const v = record('work', data, ['link', 'iteration', 'phase', 'csv']);
    const phase = (PHASES as readonly unknown[]).includes(v.phase) ? (v.phase as PhaseId) : fail('work.phase', v.phase, `one of ${PHASES.join(', ')}`);
    return {
      link: text('work.link', v.link, 2000),
      iteration: integer('work.iteration', v.iteration, 0, MAX_ITERATIONS_PER_ACTION),
      phase,
      csv: v.csv === null ? null : text('work.csv', v.csv, MAX_NAME),
    };
  },
  // The settings are read here, not in decode: they may name the CSV file, restored just before.
  restore: (state, { link, iteration, phase, csv: csvName }) => {
    const s = state();
    if (csvName !== null && (!s.csv || s.csvName !== csvName)) {
      const message = `Your last work used ${csvName}, which could not be kept in this browser, so the tutorial example is shown. Choose the file again to go on.`;
      return { code: 'storage-csv-missing', params: { name: csvName }, message };
    }
    const { init, errors } = parseLink(link, csvName !== null && s.csv ? { dataset: s.csv, name: csvName } : null);
    if (errors.length > 0 || init.iteration !== undefined || init.phase !== undefined || init.locale !== undefined) {
      fail('work.link', link, `a link of settings alone (${errors.map((e) => e.message).join(' ')})`);
    }
    s.applyRecipe({ config: init.config, iteration, phase }, []);
    return null;
  },
});

function laneDraft(v: unknown, k: number): LaneDraft {
  const lane = record(`race.lanes[${k}]`, v, ['key', 'choice', 'lr', 'hypers']);
  const choice = (LANE_CHOICES as readonly unknown[]).includes(lane.choice)
    ? (lane.choice as LaneDraft['choice'])
    : fail(`race.lanes[${k}].choice`, lane.choice, `one of ${LANE_CHOICES.join(', ')}`);
  const hypers = record(`race.lanes[${k}].hypers`, lane.hypers, LANE_HYPERS);
  for (const h of Object.keys(hypers)) text(`race.lanes[${k}].hypers.${h}`, hypers[h], 40);
  return {
    key: integer(`race.lanes[${k}].key`, lane.key, 0, 1_000_000),
    choice,
    lr: text(`race.lanes[${k}].lr`, lane.lr, 40),
    hypers: hypers as LaneDraft['hypers'],
  };
}

const race = definePart<RaceSetup>({
  key: 'race',
  version: 1,
  isWork: true,
  yieldsToLink: false, // a link does not describe the race
  pick: (s) => s.raceSetup,
  encode: (v) => v,
  decode: (data) => {
    const v = record('race', data, ['lanes', 'iterations', 'target']);
    if (!Array.isArray(v.lanes) || v.lanes.length < 2 || v.lanes.length > 4) fail('race.lanes', v.lanes, 'a list of 2 to 4 lanes');
    const lanes = v.lanes.map(laneDraft);
    if (new Set(lanes.map((l) => l.key)).size !== lanes.length) fail('race.lanes', 'keys', 'lanes with different keys');
    return { lanes, iterations: text('race.iterations', v.iterations, 40), target: text('race.target', v.target, 40) };
  },
  restore: (state, v) => {
    state().setRaceSetup(v);
    return null;
  },
});

/** Every kept part, in the order they are restored (the CSV file before the work that may use it). */
/** At most this many lessons' progress is kept (the built-in ones and a few from files would never reach it). */
const MAX_KEPT_LESSONS = 50;

/** Where each lesson got to: offered as "Continue" in the lesson list next time. Kept through "Start over" (it is not the studio's work). */
const lessons = definePart<Readonly<Record<string, LessonProgress>>>({
  key: 'lessons',
  version: 1,
  isWork: false,
  yieldsToLink: false,
  pick: (s) => (Object.keys(s.lessonProgress).length ? s.lessonProgress : null),
  encode: (v) => v,
  decode: (data) => {
    if (!isRecord(data)) fail('lessons', data, 'an object');
    const entries = Object.entries(data);
    if (entries.length > MAX_KEPT_LESSONS) fail('lessons', entries.length, `at most ${MAX_KEPT_LESSONS} lessons`);
    return Object.fromEntries(entries.map(([id, v]) => {
      text('a lesson id', id, 40);
      const r = record(`lessons.${id}`, v, ['step', 'isFinished', 'firstTry']);
      const step = integer(`lessons.${id}.step`, r.step, 0, 99);
      if (typeof r.isFinished !== 'boolean') fail(`lessons.${id}.isFinished`, r.isFinished, 'true or false');
      if (!Array.isArray(r.firstTry) || r.firstTry.length > 100) fail(`lessons.${id}.firstTry`, r.firstTry, 'a list of at most 100 steps');
      const firstTry = (r.firstTry as unknown[]).map((k) => integer(`lessons.${id}.firstTry`, k, 0, 99));
      return [id, { step, isFinished: r.isFinished as boolean, firstTry }];
    }));
  },
  restore: (state, v) => {
    state().setLessonProgress(v);
    return null;
  },
});

export const PARTS: readonly AnyPart[] = [locale, csv, work, race, lessons];
