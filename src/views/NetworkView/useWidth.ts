/** The rendered width of an element, kept current with a ResizeObserver (fallback where there is none, as in jsdom). */
import { useLayoutEffect, useRef, useState } from 'react';

export function useWidth<T extends HTMLElement>(fallback: number, min: number, max: number) {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(fallback);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const update = () => {
      const w = Math.round(element.clientWidth);
      if (w > 0) setWidth(Math.max(min, Math.min(max, w)));
    };
    update();
    const observer = new ResizeObserver(update);
    observer.observe(element);
    return () => observer.disconnect();
  }, [min, max]);
  return [ref, width] as const;
}
