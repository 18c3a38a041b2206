import { useEffect, useRef, useState, type FocusEvent, type ReactNode } from 'react';
import { DeferUpdates, selectIsPlaying, useAppStore } from '../store/index';

/** How much of a panel must be on screen for it to render with the urgent views: about its heading and first line. */
const IN_VIEW_PX = 96;
const THRESHOLDS = Array.from({ length: 21 }, (_, k) => k / 20);

interface DeferWhenHiddenProps {
  readonly className: string;
  /** Follows every phase while playing too (the diagram); the other panels catch up ~10 times a second then. */
  readonly leads?: boolean;
  readonly children: ReactNode;
}

/**
 * Wraps a studio panel. While it is scrolled out of view (or shows no more than a strip of
 * IN_VIEW_PX at an edge of the window), and while playing unless it `leads`, its store updates
 * render after the frame that shows the others (see DeferUpdates): a step paints
 * what the reader is looking at first, and playback keeps its frame rate. A panel holding the
 * keyboard focus is never deferred (a field being typed in must show each keystroke at once),
 * nor is anything without IntersectionObserver.
 */
export function DeferWhenHidden({ className, leads = false, children }: DeferWhenHiddenProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [isHidden, setHidden] = useState(false);
  const [hasFocus, setFocus] = useState(false);
  const isPlaying = useAppStore(selectIsPlaying);
  const onBlur = (e: FocusEvent<HTMLDivElement>) => {
    if (!e.currentTarget.contains(e.relatedTarget)) setFocus(false);
  };
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      ([entry]) => setHidden(!entry.isIntersecting || entry.intersectionRect.height < Math.min(IN_VIEW_PX, entry.boundingClientRect.height)),
      { threshold: THRESHOLDS },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return (
    <div ref={ref} className={className} onFocus={() => setFocus(true)} onBlur={onBlur}>
      <DeferUpdates when={!hasFocus && (isHidden || (isPlaying && !leads))}>{children}</DeferUpdates>
    </div>
  );
}
