/**
 * Links: the configuration and the cursor as a URL hash, e.g.
 * `#data=xor&hidden=8&opt=adam&lr=0.01&it=120&phase=loss`. One typed table of fields drives
 * both directions (as playground's state.ts does), but parsing is pure: the app passes the
 * hash in and gets an AppInit and a list of specific messages for whatever was not understood.
 */
import { ACTIVATIONS, INIT_SCHEMES, LOSSES, OUTPUT_ACTIVATIONS, PHASES, type OptimizerSpec, type PhaseId } from '../engine/index';
import { DATASET_KINDS, DEFAULT_DATASET_SPECS, type Dataset, type DatasetKind, type DatasetSpec } from '../data/datasets';
import { DEFAULT_CONFIG, buildConfig, type StudioConfig } from './config';
import type { AppInit, Locale, NoticeLine } from './store';
import { LAYOUT_KEYS, parseLayout, serializeLayout, type LayoutIssueCode } from './layoutLink';
import type { Layout } from './recipe';
import { localeOfTag, quoteLink } from './linkTags';

type MutableInit = { -readonly [K in keyof AppInit]: AppInit[K] };

type Draft = { -readonly [K in keyof StudioConfig]: StudioConfig[K] } & { optimizer: Record<string, unknown> & OptimizerSpec };

interface Field {
  readonly key: string;
  /** The value as it appears in a link, or undefined to leave it out (the default). */
  read(c: StudioConfig): string | undefined;
  /** Writes the text into the draft; returns what was wrong, or null when it was understood. */
  write(d: Draft, text: string, csv: LinkCsv | null): LinkIssue | null;
}

const number = (text: string) => (text.trim() === '' ? NaN : Number(text));
const dataSpec = (d: Draft): DatasetSpec | null => (d.data.kind === 'csv' ? null : (d.data as DatasetSpec));

/** One part of a link that was not understood: a NoticeLine with a link code (translated by the views). */
export type LinkIssue = NoticeLine & { readonly code: LinkIssueCode };
export type LinkIssueCode =
  | 'link-unknown-key' | 'link-not-number' | 'link-one-of' | 'link-csv' | 'link-batch' | 'link-misfit' | 'link-iteration'
  | 'link-lang' | LayoutIssueCode;

const oneOfIssue = (key: string, values: readonly string[], text: string): LinkIssue => {
  const params = { key, values: values.join(', '), got: quoteLink(text) };
  return { code: 'link-one-of', params, message: `${key} must be one of ${params.values} (got "${params.got}")` };
};

/** Sets the draft's field when `text` is one of `values`, or says which values it may take. */
function oneOf<T extends string>(key: string, values: readonly T[], text: string, apply: (v: T) => void): LinkIssue | null {
  if (!(values as readonly string[]).includes(text)) return oneOfIssue(key, values, text);
  apply(text as T);
  return null;
}

function numeric(key: string, apply: (d: Draft, v: number) => void): Field['write'] {
  return (d, text) => {
    const v = number(text);
    if (!Number.isFinite(v)) {
      return { code: 'link-not-number', params: { key, got: quoteLink(text) }, message: `${key} must be a number (got "${quoteLink(text)}")` };
    }
    apply(d, v);
    return null;
  };
}

function dataField(key: string, prop: 'points' | 'noise' | 'trainFraction' | 'seed'): Field {
  return {
    key,
    read: (c) => (c.data.kind !== 'csv' && c.data[prop] !== DEFAULT_DATASET_SPECS[c.data.kind][prop] ? String(c.data[prop]) : undefined),
    write: numeric(key, (d, v) => {
      const spec = dataSpec(d);
      if (spec) d.data = { ...spec, [prop]: v };
    }),
  };
}

function optimizerField(key: string, prop: 'lr' | 'momentum' | 'alpha' | 'beta1' | 'beta2' | 'eps' | 'weightDecay'): Field {
  return {
    key,
    read: (c) => {
      const v = (c.optimizer as Record<string, unknown>)[prop];
      return v === undefined || (prop === 'lr' && v === DEFAULT_CONFIG.optimizer.lr && c.optimizer.kind === 'sgd') ? undefined : String(v);
    },
    write: numeric(key, (d, v) => {
      d.optimizer = { ...d.optimizer, [prop]: v };
    }),
  };
}

/** Every field a link may carry, in the order links write them. */
const FIELDS: readonly Field[] = [
  {
    key: 'data',
    read: (c) => (c.data.kind === DEFAULT_CONFIG.data.kind ? undefined : c.data.kind),
    write: (d, text, csv) => {
      if (text === 'csv' && csv) {
        d.data = { kind: 'csv', name: csv.name };
        return null;
      }
      if (text === 'csv') {
        return {
          code: 'link-csv',
          message: 'data=csv cannot be opened from a link: an uploaded file stays on the computer it came from. Showing the tutorial data instead.',
        };
      }
      return oneOf<DatasetKind>('data', DATASET_KINDS, text, (kind) => (d.data = { ...DEFAULT_DATASET_SPECS[kind] }));
    },
  },
  dataField('points', 'points'),
  dataField('noise', 'noise'),
  dataField('train', 'trainFraction'),
  dataField('dataSeed', 'seed'),
  { key: 'hidden', read: (c) => (c.hiddenSize === DEFAULT_CONFIG.hiddenSize ? undefined : String(c.hiddenSize)), write: numeric('hidden', (d, v) => (d.hiddenSize = v)) },
  ...([['hiddenActivation', 'g1', ACTIVATIONS], ['outputActivation', 'g2', OUTPUT_ACTIVATIONS]] as const).map(([prop, key, allowed]): Field => ({
    key,
    read: (c) => (c[prop] === DEFAULT_CONFIG[prop] ? undefined : c[prop]),
    // softmax normalises the output column, so only g2 offers it.
    write: (d, text) => oneOf(key, allowed, text, (v) => (d[prop] = v)),
  })),
  {
    key: 'loss',
    read: (c) => (c.loss === DEFAULT_CONFIG.loss ? undefined : c.loss),
    write: (d, text) => oneOf('loss', LOSSES, text, (v) => (d.loss = v)),
  },
  {
    key: 'init',
    read: (c) => (c.init.scheme === DEFAULT_CONFIG.init.scheme ? undefined : c.init.scheme),
    write: (d, text) => oneOf('init', INIT_SCHEMES, text, (scheme) => (d.init = { ...d.init, scheme })),
  },
  { key: 'scale', read: (c) => (c.init.scale === DEFAULT_CONFIG.init.scale ? undefined : String(c.init.scale)), write: numeric('scale', (d, v) => (d.init = { ...d.init, scale: v })) },
  { key: 'seed', read: (c) => (c.init.seed === DEFAULT_CONFIG.init.seed ? undefined : String(c.init.seed)), write: numeric('seed', (d, v) => (d.init = { ...d.init, seed: v })) },
  {
    key: 'opt',
    read: (c) => (c.optimizer.kind === 'sgd' ? undefined : c.optimizer.kind),
    write: (d, text) => oneOf('opt', ['sgd', 'rmsprop', 'adam'] as const, text, (kind) => (d.optimizer = { ...d.optimizer, kind })),
  },
  optimizerField('lr', 'lr'),
  optimizerField('momentum', 'momentum'),
  optimizerField('alpha', 'alpha'),
  optimizerField('beta1', 'beta1'),
  optimizerField('beta2', 'beta2'),
  optimizerField('eps', 'eps'),
  optimizerField('wd', 'weightDecay'),
  {
    key: 'batch',
    read: (c) => (c.batchSize === null ? undefined : String(c.batchSize)),
    write: (d, text) => {
      if (text === 'full') {
        d.batchSize = null;
        return null;
      }
      const v = number(text);
      if (!Number.isInteger(v) || v < 1) {
        const got = quoteLink(text);
        return { code: 'link-batch', params: { got }, message: `batch must be "full" or a whole number of samples ≥ 1 (got "${got}")` };
      }
      d.batchSize = v;
      return null;
    },
  },
  { key: 'shuffle', read: (c) => (c.shuffleSeed === 0 ? undefined : String(c.shuffleSeed)), write: numeric('shuffle', (d, v) => (d.shuffleSeed = v)) },
];

/** The CSV file a stored link may name as `data=csv` (a link the app itself kept, on the computer the file came from). */
export interface LinkCsv {
  readonly dataset: Dataset;
  readonly name: string;
}

export { isStateLink, localeOfTag, quoteLink } from './linkTags';

/** The furthest iteration a link may open at (reaching it trains in the worker, with progress; a long way asks first). */
export const MAX_LINK_ITERATION = 100_000;

// lesson and step name a lesson's step (lessons/link.ts reads them); embed, show, present and speaker a layout.
const FIELD_KEYS = new Set([...FIELDS.map((f) => f.key), 'it', 'phase', 'lang', 'lesson', 'step', ...LAYOUT_KEYS]);

/** The link hash (without '#') for a config, cursor, locale and layout; defaults are left out. */
export function serializeLink(
  config: StudioConfig, cursor: { iteration: number; phase: PhaseId }, locale: Locale, layout: Layout = { mode: 'studio' },
): string {
  const params = new URLSearchParams();
  for (const f of FIELDS) {
    const v = f.read(config);
    if (v !== undefined) params.set(f.key, v);
  }
  if (cursor.iteration !== 0) params.set('it', String(cursor.iteration));
  if (cursor.phase !== 'forward-hidden') params.set('phase', cursor.phase);
  if (locale !== 'en') params.set('lang', locale);
  return [params.toString(), serializeLayout(layout)].filter(Boolean).join('&');
}

/**
 * Reads a link hash into an AppInit. Never throws: each part that is not understood is
 * skipped with a message naming it, and a combination that does not build falls back to
 * the defaults with the reason. `data=csv` opens only with the file given as `csv`.
 */
export function parseLink(hash: string, csv: LinkCsv | null = null): { init: AppInit; errors: LinkIssue[] } {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const errors: LinkIssue[] = [];
  const draft = { ...DEFAULT_CONFIG, optimizer: { ...DEFAULT_CONFIG.optimizer } } as Draft;
  // 'data' first: it resets the data set's own fields, which later keys then adjust.
  const keys = [...params.keys()];
  for (const key of keys) {
    if (FIELD_KEYS.has(key)) continue;
    const quoted = quoteLink(key);
    errors.push({ code: 'link-unknown-key', params: { key: quoted }, message: `The link's "${quoted}" is not a setting this page knows; it was ignored.` });
  }
  for (const f of FIELDS) {
    const text = params.get(f.key);
    if (text === null) continue;
    const error = f.write(draft, text, csv);
    if (error) errors.push(error);
  }
  const init: MutableInit = {};
  try {
    buildConfig(draft, csv?.dataset);
    if (keys.some((k) => FIELDS.some((f) => f.key === k))) init.config = draft;
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    errors.push({ code: 'link-misfit', params: { reason }, message: `The link's settings do not fit together (${reason}); showing the tutorial example instead.` });
  }
  const it = params.get('it');
  if (it !== null) {
    const v = number(it);
    if (Number.isInteger(v) && v >= 0 && v <= MAX_LINK_ITERATION) init.iteration = v;
    else {
      const got = quoteLink(it);
      const message = `it must be a whole number of iterations from 0 to ${MAX_LINK_ITERATION} (got "${got}"); starting at iteration 0.`;
      errors.push({ code: 'link-iteration', params: { max: MAX_LINK_ITERATION, got }, message });
    }
  }
  const phase = params.get('phase');
  if (phase !== null) {
    if ((PHASES as readonly string[]).includes(phase)) init.phase = phase as PhaseId;
    else errors.push(oneOfIssue('phase', PHASES, phase));
  }
  const lang = params.get('lang');
  if (lang !== null) {
    const locale = localeOfTag(lang);
    if (locale) init.locale = locale;
    else errors.push({ code: 'link-lang', params: { got: quoteLink(lang) }, message: `lang must be en or zh-CN (got "${quoteLink(lang)}")` });
  }
  const layout = parseLayout(params);
  if (layout.layout) init.layout = layout.layout;
  errors.push(...layout.errors);
  return { init, errors };
}
