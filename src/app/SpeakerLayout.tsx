/**
 * The speaker view (`#speaker=1`, opened by S or the presenter's button in a window of its own):
 * the current and the next phase, the note for this phase, the time since it opened, and the
 * same step buttons. speakerSync keeps it and the presenter's window on one state.
 */
import { useCallback } from 'react';
import { PHASES, type PhaseId } from '../engine/index';
import { useT } from '../i18n/index';
import { useElapsedSeconds } from '../playback';
import { ShowState, selectIteration, selectLocale, selectNextPhaseState, selectPhase, useAppStore, type AppState } from '../store/index';
import { NetworkView } from '../views/NetworkView';
import { HelpButton, Status, Transport } from '../views/Controls';
import { speakerNote, type LessonNote } from '../views/SpeakerNotes';
import { Notice } from './Notice';
import type { PeerState } from './speakerSync';
import './speaker.css';

const DIRECTION: Record<PhaseId, string> = {
  'forward-hidden': 'forward', 'forward-output': 'forward', loss: 'loss',
  'backward-output': 'backward', 'backward-hidden': 'backward', update: 'update',
};

/** A phase in small: its name, where it is, and the diagram as it will look (not a control: inert). */
function PhaseCard({ label, iteration, phase, isNow }: { label: string; iteration: number; phase: PhaseId; isNow: boolean }) {
  const t = useT();
  return (
    <section className={`speaker-card phase-${DIRECTION[phase]}${isNow ? ' is-now' : ''}`} aria-label={label}>
      <p className="speaker-card-label">{label}</p>
      <p className="speaker-card-phase">{t(`phase.${phase}`)}</p>
      <p className="speaker-card-where">{t('speaker.phaseOf', { iteration, number: PHASES.indexOf(phase) + 1 })}</p>
      <div className="speaker-thumbnail" inert aria-hidden="true">
        <NetworkView fill isThumbnail />
      </div>
    </section>
  );
}

/** The next phase's card, drawn from the state one step on (the store stays where it is). */
function NextCard({ label, iteration, phase }: { label: string; iteration: number; phase: PhaseId }) {
  const next = useAppStore(selectNextPhaseState);
  return (
    <ShowState state={next}>
      <PhaseCard label={label} iteration={iteration} phase={phase} isNow={false} />
    </ShowState>
  );
}

/** The running lesson's prose (sent by the main window) when there is one, else the built-in note for the phase. */
function Note({ lesson }: { lesson: LessonNote | null }) {
  const t = useT();
  const locale = useAppStore(selectLocale);
  // The note reads several parts of the state (cursor, focus, settings); selected as its text, it re-renders only when that changes.
  const note = useAppStore(useCallback((s: AppState) => (lesson ? '' : speakerNote(s, locale)), [locale, lesson]));
  return (
    <section className="speaker-note" aria-labelledby="speaker-note-title">
      <h2 id="speaker-note-title">{t('speaker.note')}</h2>
      <div aria-live="polite">
        {lesson ? (
          <>
            <h3 className="speaker-note-lesson">{lesson.title}</h3>
            {lesson.text.split(/\n\s*\n/).map((p, k) => <p key={k}>{p}</p>)}
          </>
        ) : <p>{note}</p>}
      </div>
    </section>
  );
}

function Elapsed() {
  const t = useT();
  const [seconds, restart] = useElapsedSeconds();
  const clock = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
  return (
    <div className="speaker-elapsed">
      <span className="speaker-elapsed-label">{t('speaker.elapsed')}</span>
      <time className="speaker-clock" dateTime={`PT${seconds}S`}>{clock}</time>
      <button type="button" className="control-button" onClick={restart}>{t('speaker.restart')}</button>
    </div>
  );
}

export function SpeakerLayout({ peer }: { peer: PeerState }) {
  const t = useT();
  const iteration = useAppStore(selectIteration);
  const phase = useAppStore(selectPhase);
  const k = PHASES.indexOf(phase);
  const next = k === PHASES.length - 1 ? { iteration: iteration + 1, phase: PHASES[0] } : { iteration, phase: PHASES[k + 1] };
  return (
    <div className="speaker-layout">
      <header className="speaker-head">
        <h1>{t('speaker.title')}</h1>
        <Elapsed />
      </header>
      {!peer.hasPeer && <p className="speaker-alone" role="status">{t('speaker.alone')}</p>}
      <Notice />
      <div className="speaker-phases">
        <PhaseCard label={t('speaker.now')} iteration={iteration} phase={phase} isNow />
        <NextCard label={t('speaker.next')} iteration={next.iteration} phase={next.phase} />
      </div>
      <Note lesson={peer.lesson} />
      <nav className="speaker-controls" aria-label={t('controls.region')}>
        <Status />
        <Transport isCompact />
        <HelpButton />
      </nav>
    </div>
  );
}
