import { useEffect } from 'react';
import { useT } from '../i18n/index';
import { selectIsPreparing, useAppStore, type AppState, type PanelId } from '../store/index';
import { Controls, type PageCommands } from '../views/Controls';
import { Preparing } from '../views/Preparing';
import { Header } from './Header';
import { ConfigPanel, LessonList, LessonPlayer, RaceView } from './lazyPanels';
import { PanelBoundary } from './PanelBoundary';
import { PanelSlot } from './panels';

const selectHasLesson = (s: AppState) => s.lessonRun !== null;
const selectIsLessonListOpen = (s: AppState) => s.isLessonListOpen;
const selectEmphasis = (s: AppState) => s.emphasis;

/**
 * The whole page: header, controls, every view of the current phase in two columns, the training
 * lab, and a running lesson beside them. Each panel has its own error boundary: one that throws
 * leaves the others working.
 */
export function StudioLayout({ page, onStartOver }: { readonly page: PageCommands; readonly onStartOver?: () => void }) {
  const t = useT();
  const isPreparing = useAppStore(selectIsPreparing);
  const hasLesson = useAppStore(selectHasLesson);
  const isLessonListOpen = useAppStore(selectIsLessonListOpen);
  const emphasis = useAppStore(selectEmphasis);
  useScrollToEmphasis(emphasis);
  /** A panel where the studio puts it: its area, and whether a lesson step draws the eye to it. */
  const slot = (id: PanelId) => <PanelSlot id={id} className={emphasis.includes(id) ? `studio-${id} is-emphasised` : `studio-${id}`} />;
  return (
    <div className={hasLesson ? 'app has-lesson' : 'app'}>
      <a className="skip-link" href="#controls">{t('app.skip')}</a>
      <Header page={page} onStartOver={onStartOver} />
      <PanelBoundary title="controls.region"><Controls /></PanelBoundary>
      <main>
        <section id="studio" className={isPreparing ? 'studio studio-preparing' : 'studio'} aria-label={t('app.studio')} aria-busy={isPreparing}>
          <Preparing />
          {/* Two independent columns, so a tall equation never leaves a gap beside the diagram.
              Every panel but the diagram renders a step after the frame that shows it (DeferWhenHidden). */}
          <div className="studio-column">
            {slot('network')}
            {slot('matrices')}
            {slot('curves')}
          </div>
          <div className="studio-column">
            {slot('equations')}
            {slot('code')}
            {slot('data')}
          </div>
        </section>
        <section id="lab" className="lab" aria-labelledby="lab-title">
          <h2 id="lab-title" className="lab-title">{t('app.lab')}</h2>
          <div id="lab-setup" className="lab-setup"><PanelBoundary title="config.title"><ConfigPanel /></PanelBoundary></div>
          <div id="lab-race" className="lab-race"><PanelBoundary title="race.title"><RaceView /></PanelBoundary></div>
        </section>
      </main>
      <LessonPlayer />
      {isLessonListOpen && <LessonList />}
    </div>
  );
}

/** Brings the first emphasised panel into view when a lesson step names it (nearest edge, so nothing jumps needlessly). */
function useScrollToEmphasis(emphasis: readonly PanelId[]) {
  const first = emphasis[0];
  useEffect(() => {
    if (!first) return;
    document.querySelector(`.studio-${first}`)?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
  }, [first]);
}
