import { memo, useId, useMemo, useState } from 'react';
import { PHASES, type PhaseId, type Session } from '../../engine/index';
import { useT } from '../../i18n/index';
import {
  selectFocusEdge, selectFocusNeuron, selectFocusSample, selectIsPlaying, selectIsTraining, selectStudioSession, useAppStore,
} from '../../store/index';
import { buildEquations, resolveFocus, sizesOf, type EquationFocus, type EquationSection } from '../../viz/equations';
import { LINE_CAPTIONS, SECTION_HEADINGS } from './captions';
import { FocusPicker } from './FocusPicker';
import { GradientCheckSection } from './GradientCheck';
import { TexLine } from './TexLine';
import './EquationPanel.css';

function sectionsOf(session: Session, focus: EquationFocus): EquationSection[] | Error {
  try {
    return buildEquations(session, focus);
  } catch (e) {
    return e instanceof Error ? e : new Error(String(e));
  }
}

/**
 * One section: its heading and its captioned equations. Lines are keyed by position, not by what
 * they say, so a new iteration keeps each line's elements: a memoised TexLine whose TeX is
 * unchanged renders nothing, and one whose numbers changed patches just those.
 */
function Section({ section }: { section: EquationSection }) {
  const t = useT();
  const headingId = useId();
  return (
    <section className={`eq-section eq-section-${section.id}`} aria-labelledby={headingId}>
      <h3 id={headingId}>{t(SECTION_HEADINGS[section.id], section.params)}</h3>
      {section.lines.map((line, k) => (
        <TexLine key={k} tex={line.tex} caption={t(LINE_CAPTIONS[line.id], line.params)} />
      ))}
    </section>
  );
}

interface Shown {
  readonly session: Session;
  readonly focus: EquationFocus;
}

/** The typeset sections for a session and focus; memoised, so renders that keep both skip it. */
const Equations = memo(function Equations({ shown }: { shown: Shown }) {
  const t = useT();
  const sections = useMemo(() => sectionsOf(shown.session, shown.focus), [shown]);
  if (sections instanceof Error) return <p role="alert">{t('eq.error', { message: sections.message })}</p>;
  return sections.map((section) => <Section key={section.id} section={section} />);
});

/**
 * Each phase visited so far, with what it last showed. Every phase keeps its elements in the page
 * (hidden, unrendered, see the CSS) while the others are shown, so when it comes round again in
 * the next iteration only its numbers change: a step patches a few dozen text nodes and
 * attributes instead of replacing ~1,800 elements.
 */
function useShownByPhase(shown: Shown): ReadonlyMap<PhaseId, Shown> {
  const [byPhase, setByPhase] = useState<ReadonlyMap<PhaseId, Shown>>(() => new Map([[shown.session.phase, shown]]));
  // Adjusting state while rendering (react.dev, "Storing information from previous renders").
  if (byPhase.get(shown.session.phase) !== shown) setByPhase(new Map(byPhase).set(shown.session.phase, shown));
  return byPhase;
}

/** What the panel's text describes: the phase, the focused sample and neurons, the batch. */
function FocusSummary({ shown }: { shown: Shown }) {
  const t = useT();
  const { session, focus } = shown;
  const { m } = sizesOf(session);
  const trainingIndex = session.batch.indices?.[focus.sample];
  const params = {
    sample: focus.sample + 1, m,
    hidden: focus.hidden + 1, output: focus.output + 1, input: focus.input + 1,
    hiddenIndex: focus.hidden, outputIndex: focus.output, inputIndex: focus.input,
  };
  return (
    <>
      <p className="eq-focus-summary">
        {t(session.phase === 'loss' && session.setup.config.loss === 'ce' ? 'eq.focus.loss.ce' : `eq.focus.${session.phase}`, params)}
      </p>
      {trainingIndex !== undefined && (
        <p className="eq-focus-batch">{t('eq.focus.batch', { m, sample: focus.sample + 1, index: trainingIndex + 1 })}</p>
      )}
    </>
  );
}

/**
 * The phase's formulas typeset with KaTeX: first as matrices, then with the focused sample's and
 * neuron's numbers, and in the backward phases the chain rule for the focused weight and its
 * gradient check. The app renders the panel's updates after the frame that shows the controls and
 * the diagram, and a few times a second while playing (DeferWhenHidden).
 */
export function EquationPanel() {
  const t = useT();
  const titleId = useId();
  const session = useAppStore(selectStudioSession);
  const sample = useAppStore(selectFocusSample);
  const neuron = useAppStore(selectFocusNeuron);
  const edge = useAppStore(selectFocusEdge);
  const { n, h, o, m } = sizesOf(session);
  const sizes = useMemo(() => ({ n, h, o, m }), [n, h, o, m]);
  const focus = useMemo(() => resolveFocus(sizes, { sample, neuron, edge }), [sizes, sample, neuron, edge]);
  const shown = useMemo<Shown>(() => ({ session, focus }), [session, focus]);
  const isPlaying = useAppStore(selectIsPlaying);
  const isTraining = useAppStore(selectIsTraining);
  const byPhase = useShownByPhase(shown);

  return (
    <section className="panel equation-panel" aria-labelledby={titleId}>
      <h2 id={titleId}>
        {t('eq.title')}
        <span className="eq-phase"> · {t(`phase.${session.phase}`)}</span>
      </h2>
      <div className="eq-focus">
        <FocusSummary shown={shown} />
        <FocusPicker phase={session.phase} sizes={sizes} focus={focus} loss={session.setup.config.loss} />
      </div>
      {PHASES.map((phase) => {
        const last = byPhase.get(phase);
        if (!last) return null;
        const isShown = phase === session.phase;
        return (
          <div key={phase} className={isShown ? 'eq-phase-body' : 'eq-phase-body is-hidden'} inert={!isShown} aria-hidden={isShown ? undefined : true}>
            <Equations shown={isShown ? shown : last} />
          </div>
        );
      })}
      <GradientCheckSection session={session} focus={focus} isActive={!isPlaying && !isTraining} />
      <p className="eq-hint">{t('eq.hint')}</p>
    </section>
  );
}
