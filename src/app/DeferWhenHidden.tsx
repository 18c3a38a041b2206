import { useEffect, useRef, useState, type ReactNode } from 'react';
import { DeferUpdatesContext } from '../store/index';

/**
 * Wraps a studio panel: while it is scrolled out of view its store updates render after the
 * frame that shows the panels on screen (see DeferUpdatesContext), so a step paints what the
 * reader is looking at first. On screen, or without IntersectionObserver, nothing is deferred.
 */
export function DeferWhenHidden({ className, children }: { className: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [isHidden, setHidden] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(([entry]) => setHidden(!entry.isIntersecting));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return (
    <div ref={ref} className={className}>
      <DeferUpdatesContext.Provider value={isHidden}>{children}</DeferUpdatesContext.Provider>
    </div>
  );
}
