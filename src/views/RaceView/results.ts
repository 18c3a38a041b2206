/**
 * What the race view says about a race, pure: lane names, the lowest final loss, and how the
 * studio's settings now differ from the ones the race ran with.
 */
import type { Race, StudioConfig } from '../../store/index';
import type { MessageKey } from '../../i18n/index';
import { nameParts, type Hyper } from './lanes';

type T = (key: MessageKey, params?: Record<string, string | number>) => string;

const HYPER_LABELS: Record<Hyper | 'weightDecay', MessageKey> = {
  momentum: 'race.name.momentum', alpha: 'race.alpha', beta1: 'race.beta1', beta2: 'race.beta2', eps: 'race.eps', weightDecay: 'race.name.weightDecay',
};

/** "Adam, lr 0.01"; "RMSprop, lr 0.01, momentum 0.5"; a name two lanes share gets " (lane 3)". */
export function laneNames(race: Race, t: T): string[] {
  const names = race.lanes.map((lane) => {
    const { choice, lr, extras } = nameParts(lane.optimizer);
    const base = t('race.laneName', { optimizer: t(`race.optimizer.${choice}`), lr: String(lr) });
    return [base, ...extras.map((e) => t('race.nameExtra', { name: t(HYPER_LABELS[e.hyper]), value: String(e.value) }))].join(t('race.nameSep'));
  });
  return names.map((name, k) => (names.indexOf(name) !== k || names.lastIndexOf(name) !== k ? t('race.nameDuplicate', { name, lane: k + 1 }) : name));
}

/** The last row of a lane's train loss (NaN before the first report). */
export const lastOf = (values: Float64Array, length: number) => (length > 0 ? values[length - 1] : NaN);

/** The lane with the lowest finite final train loss, or null when no lane has one. */
export function lowestFinal(race: Race): { lane: number; loss: number } | null {
  let best: { lane: number; loss: number } | null = null;
  race.lanes.forEach((l, lane) => {
    const loss = lastOf(l.curves.trainLoss, l.curves.length);
    if (Number.isFinite(loss) && (!best || loss < best.loss)) best = { lane, loss };
  });
  return best;
}

export type SettingChange = 'data' | 'network' | 'init' | 'batch';

/** Which shared settings (everything but the optimizer) differ between the race's config and the studio's. */
export function changedSettings(ran: StudioConfig, now: StudioConfig): SettingChange[] {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const changes: SettingChange[] = [];
  if (!same(ran.data, now.data)) changes.push('data');
  const network = (c: StudioConfig) => [c.hiddenSize, c.hiddenActivation, c.outputActivation, c.loss];
  if (!same(network(ran), network(now))) changes.push('network');
  if (!same(ran.init, now.init)) changes.push('init');
  if (!same([ran.batchSize, ran.shuffleSeed], [now.batchSize, now.shuffleSeed])) changes.push('batch');
  return changes;
}

/** "the spiral data" (with its numbers when `withDetails`), or "your CSV file scores.csv". */
export function describeData(data: StudioConfig['data'], t: T, withDetails: boolean): string {
  if (data.kind === 'csv') return t('race.data.csv', { name: data.name });
  const name = t(`race.data.${data.kind}`);
  if (!withDetails) return name;
  return t('race.data.details', { name, points: data.points, noise: data.noise, seed: data.seed });
}
