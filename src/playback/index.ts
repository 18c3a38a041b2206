/** Playback: the clock that steps the timeline while playing. */
export { createPlaybackClock, type ClockEnv, type ClockHandle } from './clock';
export { PlaybackClock, usePlayback } from './usePlayback';
export { useElapsedSeconds } from './useElapsed';
