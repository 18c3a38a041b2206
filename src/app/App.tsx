/**
 * The app: one of four layouts over the same views, chosen by the store's mode (STYLE.md §10),
 * with the page's keys, the playback clock and the speaker view's sync around them.
 * `onStartOver`: offered when the page resumed stored work.
 */
import { useLayoutEffect, useState } from 'react';
import { PlaybackClock } from '../playback';
import { selectMode, useAppStore } from '../store/index';
import { Shortcuts } from '../views/Controls';
import { EmbedLayout } from './EmbedLayout';
import { PresentLayout } from './PresentLayout';
import { SpeakerLayout } from './SpeakerLayout';
import { newPairing, useSpeakerSync } from './speakerSync';
import { StudioLayout } from './StudioLayout';
import { usePageCommands } from './usePageCommands';

export function App({ onStartOver }: { readonly onStartOver?: () => void }) {
  const mode = useAppStore(selectMode);
  const [pairing] = useState(newPairing);
  const page = usePageCommands(pairing);
  // The speaker view follows its presenter; an embed has no speaker view.
  const peer = useSpeakerSync(mode === 'embed' ? null : mode === 'speaker' ? 'speaker' : 'main', pairing);
  // For the page-wide rules of a layout (present.css, embed.css). Why not :root:has(.present-layout):
  // Chromium matched that against the whole document in the style recalculation of every step
  // (~1 ms of each step's first frame on a laptop).
  useLayoutEffect(() => {
    document.documentElement.dataset.mode = mode;
    return () => {
      delete document.documentElement.dataset.mode;
    };
  }, [mode]);
  return (
    <>
      {/* Only one window plays: the speaker view follows the presenter's steps. */}
      {mode !== 'speaker' && <PlaybackClock />}
      <Shortcuts page={page} />
      {mode === 'present' && <PresentLayout page={page} />}
      {mode === 'embed' && <EmbedLayout />}
      {mode === 'speaker' && <SpeakerLayout peer={peer} />}
      {mode === 'studio' && <StudioLayout page={page} onStartOver={onStartOver} />}
    </>
  );
}
