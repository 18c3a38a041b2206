/**
 * The matrices of the current phase as equations of heatmaps (`W1 · X + b1 = Z1`), each with
 * its name and shape: the vectorised view that the NumPy code computes.
 */
import { memo, useId, useMemo, useState } from 'react';
import type { Session } from '../../engine/index';
import { useT } from '../../i18n/index';
import { selectFocusSample, selectStudioSession, useAppStore, type AppState } from '../../store/index';
import { phaseEquations, type Equation } from './equations';
import { Heatmap } from './Heatmap';
import './MatrixPanel.css';

const selectSetFocusSample = (s: AppState) => s.setFocusSample;

/** The matrix a lesson step points at, if any. */
const selectHighlightedMatrix = (s: AppState) => (s.highlight?.kind === 'matrix' ? s.highlight.name : null);

interface EquationRowProps {
  readonly equation: Equation;
  readonly focusSample: number;
  readonly onReadout: (text: string) => void;
  readonly hintIds: { readonly samples: string; readonly cells: string };
}

const EquationRow = memo(function EquationRow({ equation, focusSample, onReadout, hintIds }: EquationRowProps) {
  const t = useT();
  const setFocusSample = useAppStore(selectSetFocusSample);
  const highlighted = useAppStore(selectHighlightedMatrix);
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
              isHighlighted={term.name === highlighted}
            />
          ),
        )}
      </div>
    </div>
  );
});

export function MatrixPanel() {
  const t = useT();
  const session = useAppStore(selectStudioSession);
  const focusSample = useAppStore(selectFocusSample);
  // The readout belongs to the session it was read from, so a new phase starts with the hint.
  // Why not a callback closing over the session: it would change every step and re-render
  // every (memoised) heatmap, even those whose matrix is the same.
  const [readout, setReadout] = useState('');
  const [readoutSession, setReadoutSession] = useState<Session>(session);
  if (readoutSession !== session) {
    setReadoutSession(session);
    setReadout('');
  }
  const equations = useMemo(() => phaseEquations(session), [session]);
  const headingId = useId();
  const samplesHint = useId();
  const cellsHint = useId();
  const hintIds = useMemo(() => ({ samples: samplesHint, cells: cellsHint }), [samplesHint, cellsHint]);

  return (
    <section className="panel matrix-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {t('matrices.title')} <span className="matrix-phase">· {t(`phase.${session.phase}`)}</span>
      </h2>
      <p className="matrix-readout">
        <span role="status" aria-live="polite">{readout}</span>
        {!readout && <span className="matrix-readout-hint">{t('matrices.readoutHint')}</span>}
      </p>
      <p id={samplesHint} hidden>{t('matrices.keysSamples')}</p>
      <p id={cellsHint} hidden>{t('matrices.keys')}</p>
      <div className="matrix-equations">
        {/* Keyed by position: the phases' equations share their shapes (W · X + b = Z), so a
            step reuses the rows' elements and only redraws the heatmaps whose matrix changed. */}
        {equations.map((eq, k) => (
          <EquationRow key={k} equation={eq} focusSample={focusSample} onReadout={setReadout} hintIds={hintIds} />
        ))}
      </div>
    </section>
  );
}
