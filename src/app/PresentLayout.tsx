/**
 * Presenter mode: a projector's screen. The phase strip large across the top with the iteration
 * and phase, two panels side by side filling the rest (the diagram and the equations unless the
 * teacher picks others), type sized for the back row (present.css), a black-out, and the
 * speaker view a key away. The header and the lab stay out of the room's sight.
 */
import { useEffect, useId, useState } from 'react';
import { useT } from '../i18n/index';
import {
  PANELS, selectIsBlackedOut, selectIsPreparing, selectPresentPanels, useAppStore, type AppState, type PanelId,
} from '../store/index';
import { HelpButton, PhaseStrip, Status, Transport, type PageCommands } from '../views/Controls';
import { Preparing } from '../views/Preparing';
import { Notice } from './Notice';
import { PanelSlot } from './panels';
import './present.css';

const selectSetPresentPanel = (s: AppState) => s.setPresentPanel;
const selectSetMode = (s: AppState) => s.setMode;
const selectToggleBlackout = (s: AppState) => s.toggleBlackout;

/** Whether the page is in full screen now, following the browser (Esc in full screen is the browser's). */
function useIsFullscreen(): boolean {
  const [isFullscreen, setFullscreen] = useState(() => document.fullscreenElement != null);
  useEffect(() => {
    const onChange = () => setFullscreen(document.fullscreenElement != null);
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);
  return isFullscreen;
}

/** The small menu that picks the two panels. */
function PanelMenu() {
  const t = useT();
  const panels = useAppStore(selectPresentPanels);
  const setPanel = useAppStore(selectSetPresentPanel);
  const id = useId();
  return (
    <details className="present-menu">
      <summary className="control-button">{t('present.panels')}</summary>
      <div className="present-menu-body">
        {([0, 1] as const).map((side) => (
          <label key={side} htmlFor={`${id}-${side}`}>
            {t(side === 0 ? 'present.left' : 'present.right')}
            <select id={`${id}-${side}`} value={panels[side]} onChange={(e) => setPanel(side, e.target.value as PanelId)}>
              {PANELS.map((p) => <option key={p} value={p}>{t(`panel.${p}`)}</option>)}
            </select>
          </label>
        ))}
      </div>
    </details>
  );
}

export function PresentLayout({ page }: { page: PageCommands }) {
  const t = useT();
  const [left, right] = useAppStore(selectPresentPanels);
  const isBlackedOut = useAppStore(selectIsBlackedOut);
  const isPreparing = useAppStore(selectIsPreparing);
  const setMode = useAppStore(selectSetMode);
  const toggleBlackout = useAppStore(selectToggleBlackout);
  const isFullscreen = useIsFullscreen();
  // Leaving presenter mode (Esc, Exit, a link) leaves full screen too.
  useEffect(() => () => page.setFullscreen(false), [page]);

  return (
    <div className="present-layout">
      <section className="present-bar" aria-label={t('present.region')}>
        <div className="present-row">
          <Status />
          <Transport isCompact />
          <div className="present-tools">
            <PanelMenu />
            <button type="button" className="control-button" onClick={page.openSpeakerView}>{t('present.speaker')}</button>
            <button type="button" className="control-button" aria-pressed={isFullscreen} onClick={() => page.setFullscreen(!isFullscreen)}>
              {t('present.fullscreen')}
            </button>
            <HelpButton />
            <button type="button" className="control-button" title={t('present.exitTitle')} onClick={() => setMode('studio')}>
              {t('present.exit')}
            </button>
          </div>
        </div>
        <PhaseStrip />
        <Notice />
      </section>
      <main className={isPreparing ? 'present-panels studio-preparing' : 'present-panels'} aria-busy={isPreparing}>
        <Preparing />
        <PanelSlot key={`left-${left}`} id={left} className="present-panel" fill spotlight />
        <PanelSlot key={`right-${right}`} id={right} className="present-panel" fill spotlight />
      </main>
      {isBlackedOut && (
        <div className="present-blackout" onClick={toggleBlackout}>
          <p className="visually-hidden" role="status">{t('present.blackedOut')}</p>
        </div>
      )}
    </div>
  );
}
