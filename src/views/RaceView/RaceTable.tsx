/**
 * The race's results, one row per lane: its progress or outcome, the final train/test loss and
 * accuracy, the first iteration at or under the target, and a button that opens the lane in the
 * studio at the iteration chosen above the table. The table scrolls inside its box on a phone.
 */
import { useId, useState } from 'react';
import { format } from 'd3';
import { useT } from '../../i18n/index';
import type { Race, RaceLane } from '../../store/index';
import { formatFull, formatValue } from '../../viz/color';
import { firstReaching, parseDecimal } from './lanes';
import { Swatch } from './RaceChart';
import { lastOf } from './results';

const percent = format('.1%');
const count = format(',d');

function Status({ lane, name, iterations }: { lane: RaceLane; name: string; iterations: number }) {
  const t = useT();
  const done = lane.curves.length;
  switch (lane.outcome) {
    case 'running':
      return (
        <span className="race-progress">
          <progress value={done} max={iterations} aria-label={t('race.progressOf', { name })} />
          <span>{t('race.progress', { done: count(done), total: count(iterations) })}</span>
        </span>
      );
    case 'finished':
      return <span>{t('race.finished')}</span>;
    case 'stopped':
      return <span>{t('race.stoppedAfter', { n: count(done) })}</span>;
    case 'diverged':
      return <strong className="race-flag"><span aria-hidden="true">⚠ </span>{t('race.divergedAt', { iteration: count(Math.max(0, done - 1)) })}</strong>;
  }
}

/** A number cell: display precision, full precision on hover; — when there is no value. */
function NumberCell({ value, kind }: { value: number; kind: 'loss' | 'accuracy' }) {
  if (Number.isNaN(value)) return <td className="race-num">—</td>;
  const text = kind === 'accuracy' ? percent(value) : formatValue(value);
  return <td className="race-num" title={formatFull(value)}>{text}</td>;
}

interface Props {
  readonly race: Race;
  readonly names: readonly string[];
  readonly target: number | null;
  onOpen(lane: number, iteration: number): void;
}

export function RaceTable({ race, names, target, onOpen }: Props) {
  const t = useT();
  const fieldId = useId();
  const lastIteration = race.iterations - 1;
  const [openAt, setOpenAt] = useState(String(lastIteration));
  const [error, setError] = useState<string | null>(null);

  const open = (lane: number) => {
    const n = parseDecimal(openAt);
    if (n === null || !Number.isInteger(n) || n < 0 || n > lastIteration) {
      setError(t('race.error.openAt', { value: openAt.trim(), max: lastIteration }));
      document.getElementById(fieldId)?.focus();
      return;
    }
    setError(null);
    onOpen(lane, n);
  };
  // The button's accessible name is the whole sentence; its visible text leaves out the lane's name (the row says it).
  const [openBefore, openAfter] = t('race.open', { name: '\u0000' }).split('\u0000');

  return (
    <div className="race-results">
      <h3 id={`${fieldId}-caption`} className="race-table-title">{t('race.tableCaption', { n: count(race.iterations) })}</h3>
      <div className="race-field race-open-at">
        <label htmlFor={fieldId}>{t('race.openAt')}</label>
        <input
          id={fieldId} type="text" inputMode="numeric" autoComplete="off" value={openAt}
          aria-invalid={error ? true : undefined} aria-describedby={`${fieldId}-hint${error ? ` ${fieldId}-error` : ''}`}
          onChange={(e) => setOpenAt(e.target.value)}
        />
        <span id={`${fieldId}-hint`} className="race-hint">{t('race.openAtHint', { max: count(lastIteration) })}</span>
        {error && <span id={`${fieldId}-error`} className="race-error" role="alert">{error}</span>}
      </div>
      {/* The title sits outside the scroll box so that it stays in view on a phone; the box is focusable to scroll by keys. */}
      <div className="race-table-box" role="region" aria-labelledby={`${fieldId}-caption`} tabIndex={0}>
        <table className="race-table" aria-labelledby={`${fieldId}-caption`}>
          <thead>
            <tr>
              <th scope="col">{t('race.col.lane')}</th>
              <th scope="col">{t('race.col.status')}</th>
              <th scope="col">{t('race.col.trainLoss')}</th>
              <th scope="col">{t('race.col.testLoss')}</th>
              <th scope="col">{t('race.col.trainAcc')}</th>
              <th scope="col">{t('race.col.testAcc')}</th>
              <th scope="col">{target === null ? t('race.col.targetUnset') : t('race.col.target', { target: String(target) })}</th>
              <th scope="col"><span className="visually-hidden">{t('race.col.studio')}</span></th>
            </tr>
          </thead>
          <tbody>
            {race.lanes.map((lane, k) => {
              const { curves } = lane;
              const reached = target === null ? null : firstReaching(curves.trainLoss, curves.length, target);
              return (
                <tr key={k}>
                  <th scope="row"><span className="race-lane-name"><Swatch lane={k} />{names[k]}</span></th>
                  <td><Status lane={lane} name={names[k]} iterations={race.iterations} /></td>
                  <NumberCell value={lastOf(curves.trainLoss, curves.length)} kind="loss" />
                  <NumberCell value={lastOf(curves.testLoss, curves.length)} kind="loss" />
                  <NumberCell value={lastOf(curves.trainAccuracy, curves.length)} kind="accuracy" />
                  <NumberCell value={lastOf(curves.testAccuracy, curves.length)} kind="accuracy" />
                  {reached === null
                    ? <td className="race-muted">{target === null ? '—' : t('race.notReached')}</td>
                    : <td className="race-num">{count(reached)}</td>}
                  <td>
                    <button type="button" className="race-open" disabled={curves.length === 0} onClick={() => open(k)}>
                      {openBefore}<span className="visually-hidden">{names[k]}</span>{openAfter}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
