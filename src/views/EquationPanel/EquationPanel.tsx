import { useId, useMemo } from 'react';
import type { Session } from '../../engine/index';
import { useT } from '../../i18n/index';
import { selectFocusEdge, selectFocusNeuron, selectFocusSample, selectSession, useAppStore } from '../../store/index';
import { buildEquations, resolveFocus, sizesOf, type EquationFocus, type EquationSection } from '../../viz/equations';
import { LINE_CAPTIONS, SECTION_HEADINGS } from './captions';
import { FocusPicker } from './FocusPicker';
import { TexLine } from './TexLine';
import './EquationPanel.css';

function sectionsOf(session: Session, focus: EquationFocus): EquationSection[] | Error {
  try {
    return buildEquations(session, focus);
  } catch (e) {
    return e instanceof Error ? e : new Error(String(e));
  }
}

/** One section: its heading and its captioned equations. */
function Section({ section }: { section: EquationSection }) {
  const t = useT();
  const headingId = useId();
  return (
    <section className={`eq-section eq-section-${section.id}`} aria-labelledby={headingId}>
      <h3 id={headingId}>{t(SECTION_HEADINGS[section.id], section.params)}</h3>
      {section.lines.map((line, k) => (
        <TexLine key={`${line.id}-${k}`} tex={line.tex} caption={t(LINE_CAPTIONS[line.id], line.params)} />
      ))}
    </section>
  );
}

/**
 * The phase's formulas typeset with KaTeX: first as matrices, then with the focused sample's and
 * neuron's numbers, and in the backward phases the chain rule for the focused weight.
 */
export function EquationPanel() {
  const t = useT();
  const titleId = useId();
  const session = useAppStore(selectSession);
  const sample = useAppStore(selectFocusSample);
  const neuron = useAppStore(selectFocusNeuron);
  const edge = useAppStore(selectFocusEdge);
  const sizes = useMemo(() => sizesOf(session), [session]);
  const focus = useMemo(() => resolveFocus(sizes, { sample, neuron, edge }), [sizes, sample, neuron, edge]);
  const sections = useMemo(() => sectionsOf(session, focus), [session, focus]);
  const { phase } = session;
  const trainingIndex = session.batch.indices?.[focus.sample];
  const focusParams = {
    sample: focus.sample + 1, m: sizes.m,
    hidden: focus.hidden + 1, output: focus.output + 1, input: focus.input + 1,
    hiddenIndex: focus.hidden, outputIndex: focus.output, inputIndex: focus.input,
  };

  return (
    <section className="panel equation-panel" aria-labelledby={titleId}>
      <h2 id={titleId}>
        {t('eq.title')}
        <span className="eq-phase"> · {t(`phase.${phase}`)}</span>
      </h2>
      <div className="eq-focus">
        <p className="eq-focus-summary">{t(`eq.focus.${phase}`, focusParams)}</p>
        {trainingIndex !== undefined && (
          <p className="eq-focus-batch">{t('eq.focus.batch', { m: sizes.m, sample: focus.sample + 1, index: trainingIndex + 1 })}</p>
        )}
        <FocusPicker phase={phase} sizes={sizes} focus={focus} />
      </div>
      {sections instanceof Error
        ? <p role="alert">{t('eq.error', { message: sections.message })}</p>
        : sections.map((section) => <Section key={section.id} section={section} />)}
      <p className="eq-hint">{t('eq.hint')}</p>
    </section>
  );
}
