/**
 * The controls bar: where we are (iteration and phase), step back / play / step forward, reset,
 * speed, the phase strip, "train N" and the keyboard help. It stays on screen while the page
 * scrolls, and says each phase change aloud in a polite live region. Its parts are exported too,
 * for the layouts that arrange fewer of them (presenter, embed, speaker view).
 */
import { useT } from '../../i18n/index';
import {
  SPEEDS, selectIsAtStart, selectIsPlaying, selectIteration, selectPhase, selectSpeed, useAppStore,
  type AppState, type Speed,
} from '../../store/index';
import { IconPause, IconPlay, IconReset, IconStepBack, IconStepForward } from './Icons';
import { PhaseStrip } from './PhaseStrip';
import { TrainForm } from './TrainForm';
import './controls.css';

const selectStepBack = (s: AppState) => s.stepBack;
const selectStepForward = (s: AppState) => s.stepForward;
const selectTogglePlay = (s: AppState) => s.togglePlay;
const selectReset = (s: AppState) => s.reset;
const selectSetSpeed = (s: AppState) => s.setSpeed;

function isSpeed(v: number): v is Speed {
  return (SPEEDS as readonly number[]).includes(v);
}

/** "Iteration 3 · Backward: hidden layer", and the same words for the live region. */
export function Status() {
  const t = useT();
  const iteration = useAppStore(selectIteration);
  const phase = useAppStore(selectPhase);
  const phaseName = t(`phase.${phase}`);
  return (
    <>
      <p className="controls-status">
        <span className="status-iteration">{t('controls.iteration', { iteration })}</span>
        <span className="status-sep" aria-hidden="true"> · </span>
        <span className={`status-phase status-${phase}`}>{phaseName}</span>
      </p>
      <p className="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="phase-announcer">
        {t('phase.announce', { iteration, phase: phaseName })}
      </p>
    </>
  );
}

/** Step back, play/pause, step forward; unless `isCompact`, Reset and the speed too. */
export function Transport({ isCompact = false }: { isCompact?: boolean }) {
  const t = useT();
  const isAtStart = useAppStore(selectIsAtStart);
  const isPlaying = useAppStore(selectIsPlaying);
  const speed = useAppStore(selectSpeed);
  const stepBack = useAppStore(selectStepBack);
  const stepForward = useAppStore(selectStepForward);
  const togglePlay = useAppStore(selectTogglePlay);
  const reset = useAppStore(selectReset);
  const setSpeed = useAppStore(selectSetSpeed);
  return (
    <div className="transport">
      <button type="button" className="control-button" onClick={stepBack} disabled={isAtStart}>
        <IconStepBack /><span className="control-label">{t('controls.stepBack')}</span>
      </button>
      <button type="button" className="control-button play-button" onClick={togglePlay}>
        {isPlaying ? <IconPause /> : <IconPlay />}
        <span className="control-label">{t(isPlaying ? 'controls.pause' : 'controls.play')}</span>
      </button>
      <button type="button" className="control-button" onClick={stepForward}>
        <IconStepForward /><span className="control-label">{t('controls.stepForward')}</span>
      </button>
      {!isCompact && (
        <>
          <button type="button" className="control-button" onClick={reset}>
            <IconReset /><span className="control-label">{t('controls.reset')}</span>
          </button>
          <label className="speed">
            <span className="speed-label">{t('controls.speed')}</span>
            <select
              aria-label={`${t('controls.speed')} ${t('controls.speedUnit')}`}
              value={speed}
              onChange={(e) => {
                const v = Number(e.target.value);
                if (isSpeed(v)) setSpeed(v);
              }}
            >
              {SPEEDS.map((s) => <option key={s} value={s}>{t('controls.speedOption', { speed: s })}</option>)}
            </select>
          </label>
        </>
      )}
    </div>
  );
}

const selectSetHelpOpen = (s: AppState) => s.setHelpOpen;

/** The round "?" button that opens the keyboard help. */
export function HelpButton() {
  const t = useT();
  const setHelpOpen = useAppStore(selectSetHelpOpen);
  return (
    <button type="button" className="control-button help-button" aria-haspopup="dialog" onClick={() => setHelpOpen(true)} title={t('controls.help')}>
      <span aria-hidden="true">?</span><span className="visually-hidden">{t('controls.help')}</span>
    </button>
  );
}

/** The studio's bar (the keys and the help overlay come from <Shortcuts>, mounted once per page). */
export function Controls() {
  const t = useT();
  return (
    <div className="controls">
      <section id="controls" className="controls-main" aria-label={t('controls.region')} tabIndex={-1}>
        <Status />
        <Transport />
        <HelpButton />
      </section>
      {/* A landmark of its own: every part of the page is in one, so a screen reader's landmark list reaches it. */}
      <section className="controls-extra" aria-label={t('controls.extra')}>
        <PhaseStrip />
        <TrainForm />
      </section>
    </div>
  );
}
