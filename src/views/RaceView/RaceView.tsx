/**
 * The optimizer race: the studio's data and initial weights trained with 2–4 optimizer settings
 * at once (store.startRace), their train loss overlaid in one chart, a table of final numbers,
 * and any lane opened in the studio (store.openLane) to step through phase by phase.
 */
import { useId, useRef, useState } from 'react';
import { format } from 'd3';
import type { OptimizerSpec } from '../../engine/index';
import { useT } from '../../i18n/index';
import { selectConfig, useAppStore, useStoreApi, type AppState } from '../../store/index';
import { formatValue } from '../../viz/color';
import { LaneEditor } from './LaneEditor';
import { checkTarget, defaultSetup, type LaneDraft } from './lanes';
import { RaceChart } from './RaceChart';
import { RaceTable } from './RaceTable';
import { changedSettings, describeData, laneNames, lowestFinal } from './results';
import { useElementWidth } from '../shared/useElementWidth';
import './raceView.css';

const selectRace = (s: AppState) => s.race;
const selectRaceSetup = (s: AppState) => s.raceSetup;
const count = format(',d');

export function RaceView() {
  const t = useT();
  const store = useStoreApi();
  const race = useAppStore(selectRace);
  const config = useAppStore(selectConfig);
  const titleId = useId();
  // The set-up lives in the store (a reload keeps it); untouched, it follows the studio's optimizer.
  const setup = useAppStore(selectRaceSetup) ?? defaultSetup(config.optimizer);
  const edit = (change: Partial<typeof setup>) => store.getState().setRaceSetup({ ...setup, ...change });
  const { lanes: drafts, target: targetText } = setup;
  const [isLog, setLog] = useState(true);
  const [showTest, setShowTest] = useState(false);
  const [runs, setRuns] = useState(0);
  const [opened, setOpened] = useState('');
  const bodyRef = useRef<HTMLDivElement>(null);
  const width = useElementWidth(bodyRef, 640);

  const checkedTarget = checkTarget(targetText);
  const target = 'value' in checkedTarget ? checkedTarget.value : null;
  const isRunning = race?.lanes.some((l) => l.outcome === 'running') ?? false;
  const names = race ? laneNames(race, t) : [];
  const best = race ? lowestFinal(race) : null;
  const changes = race ? changedSettings(race.config, config) : [];

  const start = (optimizers: readonly OptimizerSpec[], iterations: number) => {
    store.getState().startRace(optimizers, iterations);
    setRuns((n) => n + 1);
    setOpened('');
  };
  const open = (lane: number, iteration: number) => {
    const length = store.getState().race?.lanes[lane]?.curves.length ?? 0;
    store.getState().openLane(lane, iteration);
    setOpened(t('race.opened', { name: names[lane], iteration: count(Math.min(iteration, Math.max(0, length - 1))) }));
    document.getElementById('studio')?.scrollIntoView?.({ block: 'start' });
  };

  const bestText = best ? t('race.best', { name: names[best.lane], loss: formatValue(best.loss) }) : t('race.noBest');
  let status = t('race.empty');
  if (race && isRunning) status = t('race.running', { n: race.lanes.length, iterations: count(race.iterations) });
  else if (race) status = t('race.done', { best: bestText });
  const chartLabel = race ? t('race.chartLabel', { n: race.lanes.length, iterations: count(race.iterations), best: bestText }) : '';

  let changeText = '';
  if (race && changes.includes('data')) {
    const sameKind = race.config.data.kind === config.data.kind;
    changeText = t('race.changedData', { ran: describeData(race.config.data, t, sameKind), now: describeData(config.data, t, sameKind) });
  } else if (race && changes.length > 0) {
    changeText = t('race.changedOther', { what: changes.map((c) => t(`race.setting.${c}`)).join(t('race.listSep')) });
  }

  return (
    <section className="panel race" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('race.title')}</h2>
      <p className="race-intro">{t('race.intro')}</p>
      <div className="race-top">
        <LaneEditor
          drafts={drafts} onDraftsChange={(lanes: LaneDraft[]) => edit({ lanes })}
          targetText={targetText} onTargetChange={(target) => edit({ target })}
          iterationsText={setup.iterations} onIterationsChange={(iterations) => edit({ iterations })}
          isRunning={isRunning} onStart={start} onStop={() => store.getState().stopRace()}
        />
        <div className="race-chart-col">
          <div className="race-chart-head">
            <p className="race-status" role="status">{status}</p>
            {race && (
              <div className="race-toggles">
                <label><input type="checkbox" checked={isLog} onChange={(e) => setLog(e.target.checked)} />{t('race.logScale')}</label>
                <label><input type="checkbox" checked={showTest} onChange={(e) => setShowTest(e.target.checked)} />{t('race.showTest')}</label>
              </div>
            )}
          </div>
          {changeText && (
            <div className="race-changed">
              <p>{changeText}</p>
              <button type="button" onClick={() => race && start(race.lanes.map((l) => l.optimizer), race.iterations)}>{t('race.rerun')}</button>
            </div>
          )}
          <div ref={bodyRef} className="race-chart-body">
            {race && <RaceChart race={race} names={names} width={width} isLog={isLog} showTest={showTest} target={target} label={chartLabel} />}
          </div>
        </div>
      </div>
      {race && <RaceTable key={runs} race={race} names={names} target={target} onOpen={open} />}
      <p className="race-opened" role="status">{opened}</p>
    </section>
  );
}
