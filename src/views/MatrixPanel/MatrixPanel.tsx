/**
 * The matrices of the current phase as equations of heatmaps (`W1 · X + b1 = Z1`), each with
 * its name and shape: the vectorised view that the NumPy code computes.
 */
import { memo, useCallback, useId, useMemo, useState } from 'react';
import type { Session } from '../../engine/index';
import { useT } from '../../i18n/index';
import { selectFocusSample, selectSession, useAppStore, type AppState } from '../../store/index';
import { phaseEquations, type Equation } from './equations';
import { Heatmap } from './Heatmap';
import './MatrixPanel.css';

const selectSetFocusSample = (s: AppState) => s.setFocusSample;

interface EquationRowProps {
  readonly equation: Equation;
  readonly focusSample: number;
  readonly onReadout: (text: string) => void;
  readonly hintIds: { readonly samples: string; readonly cells: string };
}

const EquationRow = memo(function EquationRow({ equation, focusSample, onReadout, hintIds }: EquationRowProps) {
  const t = useT();
  const setFocusSample = useAppStore(selectSetFocusSample);
  return (
    <div className="eq">
      {equation.formula && <p className="eq-formula">{equation.formula}</p>}
      <div className="eq-terms">
        {equation.terms.map((term, k) =>
          term.kind === 'op' ? (
            term.text && <span key={k} className="eq-op">{term.text}</span>
          ) : (
            <Heatmap
              key={k}
              label={term.isNew ? t('matrices.new', { name: term.name }) : term.name}
              matrix={term.matrix}
              focusColumn={term.samples ? focusSample : null}
              onPickColumn={term.samples ? setFocusSample : null}
              onReadout={onReadout}
              describedBy={term.samples ? hintIds.samples : hintIds.cells}
            />
          ),
        )}
      </div>
    </div>
  );
});

export function MatrixPanel() {
  const t = useT();
  const session = useAppStore(selectSession);
  const focusSample = useAppStore(selectFocusSample);
  // The readout belongs to the session it was read from, so a new phase starts with the hint.
  const [readout, setReadout] = useState<{ session: Session; text: string } | null>(null);
  const onReadout = useCallback((text: string) => setReadout({ session, text }), [session]);
  const equations = useMemo(() => phaseEquations(session), [session]);
  const headingId = useId();
  const samplesHint = useId();
  const cellsHint = useId();
  const hintIds = useMemo(() => ({ samples: samplesHint, cells: cellsHint }), [samplesHint, cellsHint]);
  const shown = readout && readout.session === session ? readout.text : '';

  return (
    <section className="panel matrix-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {t('matrices.title')} <span className="matrix-phase">· {t(`phase.${session.phase}`)}</span>
      </h2>
      <p className="matrix-readout">
        <span role="status" aria-live="polite">{shown}</span>
        {!shown && <span className="matrix-readout-hint">{t('matrices.readoutHint')}</span>}
      </p>
      <p id={samplesHint} hidden>{t('matrices.keysSamples')}</p>
      <p id={cellsHint} hidden>{t('matrices.keys')}</p>
      <div className="matrix-equations">
        {equations.map((eq) => (
          <EquationRow key={`${session.phase}-${eq.id}`} equation={eq} focusSample={focusSample} onReadout={onReadout} hintIds={hintIds} />
        ))}
      </div>
    </section>
  );
}
