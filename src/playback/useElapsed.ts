/** Wall-clock time since a start, for the speaker view's timer (playback/ is where the app reads the clock). */
import { useCallback, useEffect, useState } from 'react';

/** Whole seconds since mount (or the last restart), updated every second; and the restart. */
export function useElapsedSeconds(): [number, () => void] {
  const [start, setStart] = useState(() => performance.now());
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    const tick = () => setSeconds(Math.floor((performance.now() - start) / 1000));
    tick();
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, [start]);
  const restart = useCallback(() => setStart(performance.now()), []);
  return [seconds, restart];
}
