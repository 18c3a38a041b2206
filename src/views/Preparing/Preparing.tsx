/**
 * The way to a late iteration that a link (or a lesson step, a stored state) named: while the
 * worker trains there, a progress bar with the time left and Cancel; when the way is longer than
 * the work budget, the question whether to spend that time at all. It stands above the studio,
 * where the numbers it is preparing will appear.
 */
import { useT } from '../../i18n/index';
import { selectIteration, useAppStore, type AppState } from '../../store/index';
import { formatDuration, preparingPercent, timeLeftSeconds } from './progress';
import { formatCount } from '../../viz/color';
import './preparing.css';

const selectTraining = (s: AppState) => s.training;
const selectPendingSeek = (s: AppState) => s.pendingSeek;
const selectStopTraining = (s: AppState) => s.stopTraining;
const selectConfirmSeek = (s: AppState) => s.confirmSeek;
const selectDismissSeek = (s: AppState) => s.dismissSeek;

function PreparingProgress() {
  const t = useT();
  const training = useAppStore(selectTraining);
  const iteration = useAppStore(selectIteration);
  const cancel = useAppStore(selectStopTraining);
  if (!training?.destination) return null;
  const percent = preparingPercent(training.done, training.target);
  const left = timeLeftSeconds(training.done, training.target, training.elapsedMs);
  const title = t('prepare.progress', { iteration: formatCount(training.destination.iteration), percent });
  return (
    <section className="preparing" aria-labelledby="preparing-title">
      <p id="preparing-title" className="preparing-title">{title}</p>
      <progress max={100} value={percent} aria-labelledby="preparing-title" aria-valuetext={`${percent} %`} />
      <p className="preparing-detail">
        <span>{left === null ? t('prepare.estimating') : t('prepare.left', { time: formatDuration(left, t) })}</span>
        <span>{t('prepare.stops', { iteration: formatCount(iteration) })}</span>
      </p>
      <button type="button" className="control-button" onClick={cancel}>{t('prepare.cancel')}</button>
    </section>
  );
}

function PreparingQuestion() {
  const t = useT();
  const pending = useAppStore(selectPendingSeek);
  const iteration = useAppStore(selectIteration);
  const confirm = useAppStore(selectConfirmSeek);
  const dismiss = useAppStore(selectDismissSeek);
  if (!pending) return null;
  return (
    <section className="preparing" role="alertdialog" aria-labelledby="preparing-ask" aria-describedby="preparing-why">
      <p id="preparing-ask" className="preparing-title">
        {t('prepare.ask', { iteration: formatCount(pending.iteration), time: formatDuration(pending.estimateSeconds, t) })}
      </p>
      <p id="preparing-why" className="preparing-detail">{t('prepare.why', { iterations: formatCount(pending.iterations) })}</p>
      <div className="preparing-actions">
        <button type="button" className="control-button play-button" onClick={confirm}>{t('prepare.confirm')}</button>
        <button type="button" className="control-button" onClick={dismiss}>
          {t('prepare.stay', { iteration: formatCount(iteration) })}
        </button>
      </div>
    </section>
  );
}

/** Progress towards a linked iteration, or the question before a long way there; nothing otherwise. */
export function Preparing() {
  return (
    <>
      <PreparingProgress />
      <PreparingQuestion />
    </>
  );
}
