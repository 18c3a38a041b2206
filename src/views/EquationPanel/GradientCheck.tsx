import { useEffect, useId, useMemo, useState } from 'react';
import type { ParamEntry, Session } from '../../engine/index';
import { useT } from '../../i18n/index';
import { formatFull } from '../../viz/color';
import type { EquationFocus } from '../../viz/equations';
import {
  EPSILON_TEXT, FORMULA_TEXT, backpropGradient, checkedWeight, formatGradient, formatRelativeError, gradientCheck, knownGradientCheck,
  type GradientCheck,
} from '../../viz/gradientCheck';
import { whenIdle } from './whenIdle';

/** The check if known, its error if it failed, null while its numerical gradient is still to compute. */
function known(session: Session, entry: ParamEntry): GradientCheck | Error | null {
  try {
    return knownGradientCheck(session, entry);
  } catch (e) {
    return e instanceof Error ? e : new Error(String(e));
  }
}

interface GradientCheckSectionProps {
  readonly session: Session;
  readonly focus: EquationFocus;
  /** False while playing or training: then nothing new is computed. */
  readonly isActive: boolean;
}

/**
 * In the backward phases, the chain rule's weight checked against the engine's central
 * difference on the whole batch. The two forward passes that takes run when the page is idle,
 * after the step has painted (several ms on a 2-32-1 network with 3,750 samples), and not while
 * playing or training; once known for a weight and iteration, the result shows at once.
 */
export function GradientCheckSection({ session, focus, isActive }: GradientCheckSectionProps) {
  const t = useT();
  const headingId = useId();
  const entry = useMemo(() => checkedWeight(session.phase, focus), [session.phase, focus]);
  const [, setComputed] = useState(0);
  const result = entry ? known(session, entry) : null;
  const isPending = entry !== null && result === null;
  useEffect(() => {
    if (!entry || !isPending || !isActive) return;
    return whenIdle(() => {
      try {
        gradientCheck(session, entry);
      } catch {
        // Memoised like a result: the render below reads the same error back and shows it.
      }
      setComputed((n) => n + 1);
    });
  }, [session, entry, isPending, isActive]);
  if (!entry) return null;
  if (result instanceof Error) {
    return <p className="eq-check-failed" role="alert">{t('eq.check.failed', { message: result.message })}</p>;
  }
  const weight = `${entry.param}[${entry.row}][${entry.col}]`;
  const value = (v: number | undefined, show: (v: number) => string) => (v === undefined
    ? <dd className="eq-check-pending">{t('eq.check.pending')}</dd>
    : <dd title={formatFull(v)}>{show(v)}</dd>);
  return (
    <section className="eq-section eq-section-check" aria-labelledby={headingId} aria-busy={isPending}>
      <h3 id={headingId}>{t('eq.check.heading', { weight })}</h3>
      <p className="eq-caption">{t('eq.check.method', { weight, m: session.batch.X.cols, epsilon: EPSILON_TEXT, formula: FORMULA_TEXT })}</p>
      <dl className="eq-check">
        <div>
          <dt>{t('eq.check.numerical')}</dt>
          {value(result?.numerical, formatGradient)}
        </div>
        <div>
          <dt>{t('eq.check.backprop', { gradient: `d${weight}` })}</dt>
          {value(backpropGradient(session, entry), formatGradient)}
        </div>
        <div>
          <dt>{t('eq.check.relative')}</dt>
          {value(result?.relativeError, formatRelativeError)}
        </div>
      </dl>
      <p className="eq-caption">{t('eq.check.why')}</p>
    </section>
  );
}
