/** React binding for the playback clock: runs it for the store of the nearest <StoreProvider>. */
import { useEffect } from 'react';
import { useStoreApi } from '../store/index';
import { createPlaybackClock, type ClockEnv } from './clock';

/** Runs the playback clock while the calling component is mounted. */
export function usePlayback(env?: ClockEnv): void {
  const store = useStoreApi();
  useEffect(() => {
    const clock = createPlaybackClock(store, env);
    return () => clock.destroy();
  }, [store, env]);
}

/** Mount once in the app: renders nothing, plays the timeline while the store says so. */
export function PlaybackClock(): null {
  usePlayback();
  return null;
}
