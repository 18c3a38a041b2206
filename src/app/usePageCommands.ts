/**
 * What the keys and the presenter's buttons ask of the browser: full screen, and the speaker
 * view's window. The store only knows the layout (mode); these belong to the page.
 */
import { useMemo } from 'react';
import { DEFAULT_CONFIG, currentSession, useStoreApi } from '../store/index';
import { serializeLink } from '../store/url';
import type { PageCommands } from '../views/Controls';
import { speakerWindowName } from './speakerSync';

function setFullscreen(isOn: boolean): void {
  if (isOn && !document.fullscreenElement) {
    // Refused (no user gesture, an iframe without allowfullscreen, a headless browser): the
    // presenter layout already fills the window, which is the fallback.
    document.documentElement.requestFullscreen?.().catch(() => undefined);
  } else if (!isOn && document.fullscreenElement) {
    document.exitFullscreen().catch(() => undefined);
  }
}

/** The page commands for this window; `pairing` ties the speaker view to it (see speakerSync). */
export function usePageCommands(pairing: string): PageCommands {
  const store = useStoreApi();
  return useMemo(() => ({
    isFullscreen: () => document.fullscreenElement != null,
    setFullscreen,
    openSpeakerView: () => {
      const s = store.getState();
      const { iteration, phase } = currentSession(s.timeline);
      // An uploaded CSV cannot travel in a link: the speaker view then follows the cursor on the tutorial's data.
      const link = serializeLink(s.config.data.kind === 'csv' ? DEFAULT_CONFIG : s.config, { iteration, phase }, s.locale, { mode: 'speaker' });
      const url = `${window.location.pathname}${window.location.search}#${link}`;
      const speaker = window.open(url, speakerWindowName(pairing), 'popup,width=960,height=720');
      if (speaker) speaker.focus();
      else s.notify({ kind: 'error', code: 'speaker-blocked', message: 'The browser blocked the speaker window: allow pop-ups for this page, then press S again.' });
    },
  }), [store, pairing]);
}
