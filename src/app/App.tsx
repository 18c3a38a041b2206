import { lazy, Suspense, useEffect } from 'react';
import { CodePanel } from '../views/CodePanel';
import { ConfigPanel } from '../views/ConfigPanel';
import { Controls } from '../views/Controls';
import { DataView } from '../views/DataView';
import { LossChart } from '../views/LossChart';
import { MatrixPanel } from '../views/MatrixPanel';
import { NetworkView } from '../views/NetworkView';
import { Preparing } from '../views/Preparing';
import { LessonList, LessonPlayer } from '../views/LessonPlayer';
import { RaceView } from '../views/RaceView';
import { PlaybackClock } from '../playback';
import { useT } from '../i18n/index';
import { selectIsPreparing, useAppStore, type AppState, type PanelId } from '../store/index';
import { DeferWhenHidden } from './DeferWhenHidden';
import { Header } from './Header';
import { PanelBoundary } from './PanelBoundary';

/**
 * The equation panel and KaTeX (~70 KB gzipped) load as their own chunk, fetched as soon as the
 * studio first renders, so the first paint doesn't wait for them.
 */
const EquationPanel = lazy(() => import('../views/EquationPanel').then((m) => ({ default: m.EquationPanel })));

/** Stands in for the equation panel while its chunk loads: the same panel and heading, about its height. */
function EquationPanelPlaceholder() {
  const t = useT();
  return (
    <section className="panel" aria-busy="true" style={{ minHeight: 'min(720px, 80vh)' }}>
      <h2>{t('eq.title')}</h2>
    </section>
  );
}

const selectHasLesson = (s: AppState) => s.lessonRun !== null;
const selectIsLessonListOpen = (s: AppState) => s.isLessonListOpen;
const selectEmphasis = (s: AppState) => s.emphasis;

/**
 * The studio (every view of the current phase, in sync, around one set of controls) and the
 * training lab. Each panel has its own error boundary: one that throws leaves the others working.
 * `onStartOver`: offered when the page resumed stored work.
 */
export function App({ onStartOver }: { readonly onStartOver?: () => void }) {
  const t = useT();
  const isPreparing = useAppStore(selectIsPreparing);
  const hasLesson = useAppStore(selectHasLesson);
  const isLessonListOpen = useAppStore(selectIsLessonListOpen);
  const emphasis = useAppStore(selectEmphasis);
  useScrollToEmphasis(emphasis);
  /** A panel's wrapper classes: its area, and whether a lesson step draws the eye to it. */
  const panel = (id: PanelId, area: string) => (emphasis.includes(id) ? `${area} is-emphasised` : area);
  return (
    <div className={hasLesson ? 'app has-lesson' : 'app'}>
      <a className="skip-link" href="#controls">{t('app.skip')}</a>
      <Header onStartOver={onStartOver} />
      <PanelBoundary title="controls.region"><Controls /></PanelBoundary>
      <PlaybackClock />
      <main>
        <section id="studio" className={isPreparing ? 'studio studio-preparing' : 'studio'} aria-label={t('app.studio')} aria-busy={isPreparing}>
          <Preparing />
          {/* Two independent columns, so a tall equation never leaves a gap beside the diagram.
              Every panel but the diagram renders a step after the frame that shows it (DeferWhenHidden). */}
          <div className="studio-column">
            <DeferWhenHidden className={panel('network', 'studio-network')} leads><PanelBoundary title="network.title"><NetworkView /></PanelBoundary></DeferWhenHidden>
            <DeferWhenHidden className={panel('matrices', 'studio-matrices')}><PanelBoundary title="matrices.title"><MatrixPanel /></PanelBoundary></DeferWhenHidden>
            <DeferWhenHidden className={panel('curves', 'studio-curves')}><PanelBoundary title="chart.title"><LossChart /></PanelBoundary></DeferWhenHidden>
          </div>
          <div className="studio-column">
            <DeferWhenHidden className={panel('equations', 'studio-equations')}>
              <PanelBoundary title="eq.title">
                <Suspense fallback={<EquationPanelPlaceholder />}><EquationPanel /></Suspense>
              </PanelBoundary>
            </DeferWhenHidden>
            <DeferWhenHidden className={panel('code', 'studio-code')}><PanelBoundary title="code.title"><CodePanel /></PanelBoundary></DeferWhenHidden>
            <DeferWhenHidden className={panel('data', 'studio-data')}><PanelBoundary title="data.title"><DataView /></PanelBoundary></DeferWhenHidden>
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
