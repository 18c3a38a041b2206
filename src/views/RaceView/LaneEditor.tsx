/**
 * The race's settings: 2–4 lanes (optimizer, learning rate, key hyperparameters with PyTorch's
 * defaults beside them), the iterations and the target. Numbers stay text until "Start race";
 * after a refused start every bad field says what is wrong, live until fixed. (Not on blur: a
 * message appearing then would shift the Start button under a pointer already on its way.)
 */
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { format } from 'd3';
import { OPTIMIZER_DEFAULTS, type OptimizerSpec } from '../../engine/index';
import { useT, type MessageKey } from '../../i18n/index';
import { MAX_RACE_ITERATIONS } from '../../store/index';
import {
  CHOICES, HYPERS, LR_DEFAULTS, MAX_LANES, MIN_LANES, checkIterations, checkLanes, checkTarget, fieldId, withChoice,
  type Choice, type Hyper, type LaneDraft, type Problem,
} from './lanes';
import { Swatch } from './RaceChart';

const count = format(',d');

interface NumberInputProps {
  readonly label: ReactNode;
  readonly value: string;
  readonly hint?: string;
  readonly error: string | null;
  readonly className?: string;
  onChange(value: string): void;
}

function NumberInput({ label, value, hint, error, className, onChange }: NumberInputProps) {
  const id = useId();
  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`race-field${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id} type="text" inputMode="decimal" autoComplete="off" spellCheck={false} value={value}
        aria-invalid={error ? true : undefined} aria-describedby={describedBy}
        onChange={(e) => onChange(e.target.value)}
      />
      {hint && <span id={`${id}-hint`} className="race-hint">{hint}</span>}
      {error && <span id={`${id}-error`} className="race-error">{error}</span>}
    </div>
  );
}

/** torch.optim's default of `hyper` for the optimizer `choice` runs. */
function torchDefault(choice: Choice, hyper: Hyper): number {
  const kind = choice === 'momentum' ? 'sgd' : choice;
  return (OPTIMIZER_DEFAULTS[kind] as Partial<Record<Hyper, number>>)[hyper] ?? 0;
}

interface Props {
  readonly drafts: readonly LaneDraft[];
  onDraftsChange(drafts: LaneDraft[]): void;
  readonly targetText: string;
  onTargetChange(text: string): void;
  readonly iterationsText: string;
  onIterationsChange(text: string): void;
  readonly isRunning: boolean;
  onStart(optimizers: OptimizerSpec[], iterations: number): void;
  onStop(): void;
}

export function LaneEditor({
  drafts, onDraftsChange, targetText, onTargetChange, iterationsText, onIterationsChange, isRunning, onStart, onStop,
}: Props) {
  const t = useT();
  const formRef = useRef<HTMLFormElement>(null);
  const [attempts, setAttempts] = useState(0);
  const countId = useId();
  const laneIds = useId();

  const lanes = checkLanes(drafts);
  const iterations = checkIterations(iterationsText, MAX_RACE_ITERATIONS);
  const target = checkTarget(targetText);
  const problems = new Map<string, Problem>(lanes.problems);
  if (!('value' in iterations)) problems.set('iterations', iterations);
  if (!('value' in target)) problems.set('target', target);

  const say = (p: Problem) => t(p.key, { ...p.params, ...(typeof p.params.label === 'string' ? { label: t(p.params.label as MessageKey) } : {}) });
  const errorOf = (id: string) => {
    const p = problems.get(id);
    return p && attempts > 0 ? say(p) : null;
  };

  // After a refused start, focus the first field that says what is wrong.
  useEffect(() => {
    if (attempts > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempts]);

  const update = (index: number, change: (d: LaneDraft) => LaneDraft) => onDraftsChange(drafts.map((d, k) => (k === index ? change(d) : d)));
  const add = () => {
    const last = drafts[drafts.length - 1];
    const key = Math.max(...drafts.map((d) => d.key)) + 1;
    onDraftsChange([...drafts, { ...last, key }]);
  };
  const remove = (index: number) => onDraftsChange(drafts.filter((_, k) => k !== index));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (lanes.specs && 'value' in iterations && 'value' in target) {
      setAttempts(0);
      onStart(lanes.specs, iterations.value);
    } else {
      setAttempts((n) => n + 1);
    }
  };

  return (
    <form ref={formRef} className="race-editor" onSubmit={submit} noValidate aria-label={t('race.editor')}>
      <div className="race-lanes">
        {drafts.map((draft, index) => {
          const laneError = errorOf(fieldId(draft, 'lane'));
          return (
            <div key={draft.key} className="race-lane" role="group" aria-labelledby={`${laneIds}-${draft.key}`}>
              <div className="race-lane-head">
                <span className="race-lane-title" id={`${laneIds}-${draft.key}`}><Swatch lane={index} />{t('race.lane', { lane: index + 1 })}</span>
                <button
                  type="button" className="race-remove" disabled={drafts.length <= MIN_LANES} onClick={() => remove(index)}
                  aria-label={t('race.removeLane', { lane: index + 1 })}
                >
                  {t('race.remove')}
                </button>
              </div>
              <div className="race-lane-fields">
                <div className="race-field race-field-choice">
                  <label htmlFor={`race-choice-${draft.key}`}>{t('race.optimizer')}</label>
                  <select
                    id={`race-choice-${draft.key}`} value={draft.choice}
                    onChange={(e) => update(index, (d) => withChoice(d, e.target.value as Choice))}
                  >
                    {CHOICES.map((c) => <option key={c} value={c}>{t(`race.optimizer.${c}`)}</option>)}
                  </select>
                </div>
                <NumberInput
                  label={t('race.lr')} value={draft.lr} className="race-field-lr"
                  hint={t('race.default', { value: LR_DEFAULTS[draft.choice === 'momentum' ? 'sgd' : draft.choice] })}
                  error={errorOf(fieldId(draft, 'lr'))}
                  onChange={(lr) => update(index, (d) => ({ ...d, lr }))}
                />
                {HYPERS[draft.choice].map((h) => (
                  <NumberInput
                    key={h} label={t(`race.${h}`)} value={draft.hypers[h] ?? ''}
                    hint={t('race.default', { value: torchDefault(draft.choice, h) })}
                    error={errorOf(fieldId(draft, h))}
                    onChange={(v) => update(index, (d) => ({ ...d, hypers: { ...d.hypers, [h]: v } }))}
                  />
                ))}
              </div>
              {laneError && <p className="race-error">{laneError}</p>}
            </div>
          );
        })}
      </div>
      <p className="race-add">
        <button type="button" disabled={drafts.length >= MAX_LANES} onClick={add} aria-describedby={countId}>{t('race.add')}</button>
        <span id={countId} className="race-hint">{t('race.laneCount', { n: drafts.length, min: MIN_LANES, max: MAX_LANES })}</span>
      </p>
      <div className="race-settings">
        <NumberInput
          label={t('race.iterations')} value={iterationsText} hint={t('race.iterationsHint', { max: count(MAX_RACE_ITERATIONS) })}
          error={errorOf('iterations')} onChange={onIterationsChange}
        />
        <NumberInput
          label={t('race.target')} value={targetText} hint={t('race.targetHint')}
          error={errorOf('target')} onChange={onTargetChange}
        />
      </div>
      <div className="race-actions">
        <button type="submit" className="race-start">{t('race.start')}</button>
        <button type="button" className="race-stop" disabled={!isRunning} onClick={onStop}>{t('race.stop')}</button>
      </div>
      {attempts > 0 && problems.size > 0 && (
        <p className="race-error race-summary" role="alert">{t('race.error.summary', { n: problems.size })}</p>
      )}
    </form>
  );
}
