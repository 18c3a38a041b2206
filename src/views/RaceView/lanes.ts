/**
 * The lane editor's model, pure: drafts of each lane's optimizer as typed text, their checking
 * into OptimizerSpecs (with the message that says what is wrong), lane names and lane styles.
 */
import { OPTIMIZER_DEFAULTS, type OptimizerSpec } from '../../engine/index';
import type { MessageKey } from '../../i18n/index';
import { LANE_CHOICES, type LaneChoice, type LaneDraft, type LaneHyper, type RaceSetup } from '../../store/index';

/** The four choices (the store keeps the set-up, so a reload keeps it too). */
export type Choice = LaneChoice;
export const CHOICES = LANE_CHOICES;
export type Hyper = LaneHyper;
export type { LaneDraft };
/** The key hyperparameters each choice shows besides the learning rate. */
export const HYPERS: Record<Choice, readonly Hyper[]> = {
  sgd: [],
  momentum: ['momentum'],
  rmsprop: ['alpha', 'eps', 'momentum'],
  adam: ['beta1', 'beta2', 'eps'],
};

/** The momentum "SGD with momentum" starts from (PyTorch's default is 0, i.e. plain SGD). */
const MOMENTUM = 0.9;

/** The value each hyperparameter starts from: torch.optim's default (0.9 for "SGD with momentum"). */
export const HYPER_DEFAULTS: Record<Choice, Partial<Record<Hyper, number>>> = {
  sgd: {},
  momentum: { momentum: MOMENTUM },
  rmsprop: { alpha: OPTIMIZER_DEFAULTS.rmsprop.alpha, eps: OPTIMIZER_DEFAULTS.rmsprop.eps, momentum: OPTIMIZER_DEFAULTS.rmsprop.momentum },
  adam: { beta1: OPTIMIZER_DEFAULTS.adam.beta1, beta2: OPTIMIZER_DEFAULTS.adam.beta2, eps: OPTIMIZER_DEFAULTS.adam.eps },
};

/** torch.optim's default learning rate per optimizer (SGD's since PyTorch 2.2). */
export const LR_DEFAULTS: Record<OptimizerSpec['kind'], number> = { sgd: 0.001, rmsprop: 0.01, adam: 0.001 };

/** What each hyperparameter accepts; an open bound excludes its value. */
interface Rule {
  readonly min: number;
  readonly max?: number;
  readonly isMinOpen?: boolean;
  readonly isMaxOpen?: boolean;
}
const LR_RULE: Rule = { min: 0, isMinOpen: true };
const RULES: Record<Hyper, Rule> = {
  momentum: { min: 0, max: 1, isMaxOpen: true },
  alpha: { min: 0, max: 1 },
  beta1: { min: 0, max: 1, isMaxOpen: true },
  beta2: { min: 0, max: 1, isMaxOpen: true },
  eps: { min: 0, isMinOpen: true },
};

export const MIN_LANES = 2;
export const MAX_LANES = 4;

export const choiceOf = (spec: OptimizerSpec): Choice =>
  spec.kind === 'sgd' ? ((spec.momentum ?? 0) > 0 ? 'momentum' : 'sgd') : spec.kind;

/** The value of `hyper` in `spec`, or the choice's default. */
function hyperOf(spec: OptimizerSpec, hyper: Hyper): number | undefined {
  const given = (spec as Partial<Record<Hyper, number>>)[hyper];
  return given ?? HYPER_DEFAULTS[choiceOf(spec)][hyper];
}

export function draftFromSpec(key: number, spec: OptimizerSpec): LaneDraft {
  const choice = choiceOf(spec);
  const hypers: Partial<Record<Hyper, string>> = {};
  for (const h of HYPERS[choice]) hypers[h] = String(hyperOf(spec, h));
  return { key, choice, lr: String(spec.lr), hypers };
}

/** A lane switched to `choice`: the learning rate is kept, the hyperparameters start at their defaults. */
export function withChoice(draft: LaneDraft, choice: Choice): LaneDraft {
  const hypers: Partial<Record<Hyper, string>> = {};
  for (const h of HYPERS[choice]) hypers[h] = String(HYPER_DEFAULTS[choice][h]);
  return { ...draft, choice, hypers };
}

/** The first two lanes: the studio's optimizer against Adam at 0.01 (or, when the studio already uses Adam, SGD at 0.1). */
export function defaultDrafts(current: OptimizerSpec): LaneDraft[] {
  const other: OptimizerSpec = current.kind === 'adam' ? { kind: 'sgd', lr: 0.1 } : { kind: 'adam', lr: 0.01 };
  return [draftFromSpec(0, current), draftFromSpec(1, other)];
}

/** The editor before the learner changes it: those two lanes, 1000 iterations, a target loss of 0.1. */
export const defaultSetup = (current: OptimizerSpec): RaceSetup => ({ lanes: defaultDrafts(current), iterations: '1000', target: '0.1' });

/** A message to show, by key, with its placeholders. */
export interface Problem {
  readonly key: MessageKey;
  readonly params: Readonly<Record<string, string | number>>;
}

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** The number in `text`, or null when it is not one (never clamped). */
export function parseDecimal(text: string): number | null {
  const value = text.trim();
  const n = Number(value);
  return NUMBER.test(value) && Number.isFinite(n) ? n : null;
}

function checkRule(text: string, rule: Rule, label: MessageKey, lane: number): { value: number } | Problem {
  const params = { label, lane, value: text.trim(), min: rule.min, max: rule.max ?? '' };
  if (text.trim() === '') return { key: 'race.error.empty', params };
  const n = parseDecimal(text);
  if (n === null) return { key: 'race.error.nan', params };
  const belowMin = rule.isMinOpen ? n <= rule.min : n < rule.min;
  const aboveMax = rule.max !== undefined && (rule.isMaxOpen ? n >= rule.max : n > rule.max);
  if (!belowMin && !aboveMax) return { value: n };
  if (rule.max === undefined) return { key: 'race.error.above', params };
  return { key: rule.isMaxOpen ? 'race.error.halfOpen' : 'race.error.closed', params };
}

/** Field ids for errors: `${key}:lr`, `${key}:beta1`, …, `${key}:lane`, 'iterations', 'target'. */
export const fieldId = (draft: LaneDraft, field: Hyper | 'lr' | 'lane') => `${draft.key}:${field}`;

/**
 * Checks every lane; returns the specs when all are valid, and a problem per bad field. The
 * `label` param of a problem is a MessageKey (the view translates it before showing).
 */
export function checkLanes(drafts: readonly LaneDraft[]): { specs: OptimizerSpec[] | null; problems: Map<string, Problem> } {
  const problems = new Map<string, Problem>();
  const specs: OptimizerSpec[] = [];
  drafts.forEach((draft, index) => {
    const lane = index + 1;
    const lr = checkRule(draft.lr, LR_RULE, 'race.lr', lane);
    if (!('value' in lr)) problems.set(fieldId(draft, 'lr'), lr);
    const values: Partial<Record<Hyper, number>> = {};
    for (const h of HYPERS[draft.choice]) {
      const result = checkRule(draft.hypers[h] ?? '', RULES[h], `race.${h}`, lane);
      if ('value' in result) values[h] = result.value;
      else problems.set(fieldId(draft, h), result);
    }
    if (!('value' in lr)) return;
    specs.push(specOf(draft.choice, lr.value, values));
  });
  if (problems.size > 0) return { specs: null, problems };
  // Two identical lanes race nothing: name the later one.
  const seen = specs.map((s) => JSON.stringify(s));
  seen.forEach((s, k) => {
    const first = seen.indexOf(s);
    if (first < k) problems.set(fieldId(drafts[k], 'lane'), { key: 'race.error.duplicate', params: { lane: k + 1, other: first + 1 } });
  });
  return { specs: problems.size > 0 ? null : specs, problems };
}

function specOf(choice: Choice, lr: number, v: Partial<Record<Hyper, number>>): OptimizerSpec {
  switch (choice) {
    case 'sgd': return { kind: 'sgd', lr };
    case 'momentum': return { kind: 'sgd', lr, momentum: v.momentum };
    case 'rmsprop': return { kind: 'rmsprop', lr, alpha: v.alpha, eps: v.eps, momentum: v.momentum };
    case 'adam': return { kind: 'adam', lr, beta1: v.beta1, beta2: v.beta2, eps: v.eps };
  }
}

/** The race's iterations: a whole number from 1 to max. */
export function checkIterations(text: string, max: number): { value: number } | Problem {
  const n = parseDecimal(text);
  if (n === null || !Number.isInteger(n) || n < 1 || n > max) return { key: 'race.error.iterations', params: { value: text.trim(), max } };
  return { value: n };
}

/** The target train loss: a number above 0. */
export function checkTarget(text: string): { value: number } | Problem {
  const n = parseDecimal(text);
  if (n === null || n <= 0) return { key: 'race.error.target', params: { value: text.trim() } };
  return { value: n };
}

/** The parts of a lane's name: the choice, its learning rate, and every hyperparameter not at its default. */
export interface NameParts {
  readonly choice: Choice;
  readonly lr: number;
  readonly extras: readonly { readonly hyper: Hyper | 'weightDecay'; readonly value: number }[];
}

export function nameParts(spec: OptimizerSpec): NameParts {
  const choice = choiceOf(spec);
  const extras: { hyper: Hyper | 'weightDecay'; value: number }[] = [];
  for (const h of HYPERS[choice]) {
    const value = hyperOf(spec, h);
    if (value !== undefined && value !== HYPER_DEFAULTS[choice][h]) extras.push({ hyper: h, value });
  }
  if (spec.weightDecay) extras.push({ hyper: 'weightDecay', value: spec.weightDecay });
  return { choice, lr: spec.lr, extras };
}

/** Okabe–Ito colours (colour-blind safe, none of the diverging palette's ends) and a dash per lane. */
export const LANE_STYLES: readonly { readonly color: string; readonly dash: string | undefined }[] = [
  { color: '#0072b2', dash: undefined },
  { color: '#d55e00', dash: '9 4' },
  { color: '#009e73', dash: '2 3' },
  { color: '#cc79a7', dash: '12 3 3 3' },
];

/** The first iteration whose value is ≤ target among the first `length` rows, or null. */
export function firstReaching(values: ArrayLike<number>, length: number, target: number): number | null {
  const n = Math.min(length, values.length);
  for (let i = 0; i < n; i++) if (values[i] <= target) return i;
  return null;
}
