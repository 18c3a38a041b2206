/**
 * The panel's building blocks: a labelled field whose one-sentence help shows on hover and on
 * focus (and is its accessible description), a number field validated on commit (blur or
 * Enter) with an inline error, and a select.
 */
import { useCallback, useId, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useT } from '../../i18n/index';
import { useStoreApi, type StudioConfig } from '../../store/index';
import { formatNumber, parseNumber, type NumberRule, type Problem } from './numbers';

/** What a commit returns: true when the store took it, else the store's reason. */
export type CommitResult = true | string;
export type Commit = (patch: Partial<StudioConfig>) => CommitResult;

/** setConfig, returning the store's error message when it refuses the change. */
export function useCommit(): Commit {
  const store = useStoreApi();
  return useCallback(
    (patch) => (store.getState().setConfig(patch) ? true : (store.getState().notice?.message ?? '')),
    [store],
  );
}

export interface FieldIds {
  readonly id: string;
  readonly describedBy: string;
}

interface FieldProps {
  readonly label: string;
  readonly help: string;
  /** A short visible aside, e.g. "PyTorch default 0.99" or why some options are off. */
  readonly hint?: ReactNode;
  readonly error?: string | null;
  readonly className?: string;
  readonly children: (ids: FieldIds) => ReactNode;
}

/** Label, control, hint, help (visible on hover/focus) and error, wired with aria-describedby. */
export function Field({ label, help, hint, error, className, children }: FieldProps) {
  const id = useId();
  const helpId = `${id}-help`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [error ? errorId : null, hint ? hintId : null, helpId].filter(Boolean).join(' ');
  return (
    <div className={`cfg-field${className ? ` ${className}` : ''}`}>
      <label className="cfg-label" htmlFor={id}>{label}</label>
      <div className="cfg-control">{children({ id, describedBy })}</div>
      {hint && <p id={hintId} className="cfg-hint">{hint}</p>}
      {error && <p id={errorId} className="cfg-error" role="alert">{error}</p>}
      <p id={helpId} className="cfg-help">{help}</p>
    </div>
  );
}

interface NumberFieldProps {
  readonly label: string;
  readonly help: string;
  readonly value: number;
  readonly rule: NumberRule;
  /** Applies a valid number; returns true or why the store refused it. */
  readonly onCommit: (value: number) => CommitResult;
  /** A further check after the rule (e.g. the split must leave both sets non-empty). */
  readonly check?: (value: number) => Problem | null;
  readonly hint?: ReactNode;
  readonly disabled?: boolean;
  readonly className?: string;
  /** Controls drawn before the input (the learning-rate slider), given the field's description ids. */
  readonly before?: (describedBy: string) => ReactNode;
}

/**
 * A typed number: the draft is checked when the learner leaves the field or presses Enter;
 * a bad value keeps the draft, says what is wrong, and leaves the config as it was. Escape
 * restores the current value. A new value from outside (a preset) replaces the draft.
 */
export function NumberField({ label, help, value, rule, onCommit, check, hint, disabled, className, before }: NumberFieldProps) {
  const t = useT();
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [shown, setShown] = useState(value);
  if (!Object.is(shown, value)) {
    setShown(value);
    setDraft(null);
    setError(null);
  }

  const commit = () => {
    if (draft === null) return;
    const parsed = parseNumber(draft, rule);
    const problem = parsed.ok ? check?.(parsed.value) ?? null : parsed;
    if (problem) {
      setError(t(problem.key, { ...problem.params, label }));
      return;
    }
    if (!parsed.ok) return;
    if (parsed.value === value) {
      setDraft(null);
      setError(null);
      return;
    }
    const result = onCommit(parsed.value);
    if (result === true) {
      setDraft(null);
      setError(null);
    } else {
      setError(t('config.error.store', { label, reason: result }));
    }
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      commit();
    } else if (e.key === 'Escape' && draft !== null) {
      setDraft(null);
      setError(null);
    }
  };

  return (
    <Field label={label} help={help} hint={hint} error={error} className={className}>
      {({ id, describedBy }) => (
        <>
          {before?.(describedBy)}
          <input
            id={id}
            className="cfg-number"
            type="text"
            inputMode={rule.isInteger && (rule.min ?? 0) >= 0 ? 'numeric' : 'decimal'}
            autoComplete="off"
            spellCheck={false}
            disabled={disabled}
            value={draft ?? formatNumber(value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
            onChange={(e) => setDraft(e.target.value)}
            onBlur={commit}
            onKeyDown={onKeyDown}
          />
        </>
      )}
    </Field>
  );
}

export interface Option<V extends string> {
  readonly value: V;
  readonly label: string;
  readonly disabled?: boolean;
}

interface SelectFieldProps<V extends string> {
  readonly label: string;
  readonly help: string;
  readonly value: V;
  readonly options: readonly Option<V>[];
  readonly onChange: (value: V) => void;
  readonly hint?: ReactNode;
  readonly error?: string | null;
}

/** A labelled select that applies its choice at once. */
export function SelectField<V extends string>({ label, help, value, options, onChange, hint, error }: SelectFieldProps<V>) {
  return (
    <Field label={label} help={help} hint={hint} error={error} className="cfg-field-stacked">
      {({ id, describedBy }) => (
        <select
          id={id}
          className="cfg-select"
          value={value}
          aria-describedby={describedBy}
          onChange={(e) => {
            const next = options.find((o) => o.value === e.target.value);
            if (next && !next.disabled) onChange(next.value);
          }}
        >
          {options.map((o) => (
            <option key={o.value} value={o.value} disabled={o.disabled}>{o.label}</option>
          ))}
        </select>
      )}
    </Field>
  );
}
