/**
 * A value that follows `value` at most once per `minMs` (0: at once). Why: fast training
 * reports ~20 new parameter sets a second, and redrawing the plane (a forward pass over the
 * grid and both splits) for each would cost every frame; a dozen pictures a second read as
 * smooth motion. A skipped value is not lost: the latest one is shown when the interval ends.
 */
import { useEffect, useRef, useState } from 'react';

export function useThrottled<T>(value: T, minMs: number): T {
  const [shown, setShown] = useState(value);
  const shownAt = useRef(0);
  const isThrottled = minMs > 0;
  useEffect(() => {
    if (value === shown) return;
    const show = () => {
      shownAt.current = performance.now();
      setShown(value);
    };
    const wait = isThrottled ? shownAt.current + minMs - performance.now() : 0;
    // Not postponed by newer values: each one re-arms the timer for the same moment.
    const id = setTimeout(show, Math.max(0, wait));
    return () => clearTimeout(id);
  }, [value, shown, minMs, isThrottled]);
  return isThrottled ? shown : value;
}
