/** "Train N iterations": a validated count, a Train button and quick counts that train at once. */
import { memo, useId, useState, type FormEvent } from 'react';
import { useT, type MessageKey } from '../../i18n/index';
import { useAppStore, type AppState } from '../../store/index';
import { parseTrainInput } from './trainInput';
import { formatCount } from '../../viz/color';

const selectTrain = (s: AppState) => s.train;
const selectTraining = (s: AppState) => s.training;
const selectStopTraining = (s: AppState) => s.stopTraining;
const QUICK = [10, 100, 1000] as const;

/** While a fast-training job runs (in a worker in the browser): how far it got, and Stop. */
function TrainingProgress() {
  const t = useT();
  const training = useAppStore(selectTraining);
  const stopTraining = useAppStore(selectStopTraining);
  // A job preparing a linked iteration has its own banner above the studio.
  if (!training || training.destination) return null;
  const text = t('controls.training', { done: formatCount(training.done), target: formatCount(training.target) });
  return (
    <div className="train-progress">
      <progress max={training.target} value={training.done} aria-label={text} />
      <span role="status">{text}</span>
      <button type="button" className="control-button" onClick={stopTraining}>{t('controls.stopTraining')}</button>
    </div>
  );
}

export const TrainForm = memo(function TrainForm() {
  const t = useT();
  const train = useAppStore(selectTrain);
  const [text, setText] = useState('100');
  const [error, setError] = useState<{ key: MessageKey; params: Record<string, string | number> } | null>(null);
  const inputId = useId();
  const errorId = useId();
  const legendId = useId();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = parseTrainInput(text);
    if (!parsed.ok) {
      setError({ key: parsed.error, params: parsed.params });
      return;
    }
    setError(null);
    train(parsed.iterations);
  };

  return (
    <form className="train-form" aria-labelledby={legendId} noValidate onSubmit={submit}>
      <span id={legendId} className="visually-hidden">{t('controls.trainLegend')}</span>
      <label htmlFor={inputId} className="train-label">{t('controls.trainCount')}</label>
      <input
        id={inputId}
        className="train-input"
        type="number"
        inputMode="numeric"
        min={1}
        step={1}
        value={text}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(e) => {
          setText(e.target.value);
          setError(null);
        }}
      />
      <button type="submit" className="control-button train-button">{t('controls.train')}</button>
      <span className="train-quick">
        {QUICK.map((n) => (
          <button
            key={n}
            type="button"
            className="control-button quick-button"
            aria-label={t('controls.trainQuick', { n })}
            onClick={() => {
              setText(String(n));
              setError(null);
              train(n);
            }}
          >
            +{n}
          </button>
        ))}
      </span>
      {error && <p id={errorId} className="train-error" role="alert">{t(error.key, error.params)}</p>}
      <TrainingProgress />
    </form>
  );
});
