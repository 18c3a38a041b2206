import { useEffect, useRef, useState, type FocusEvent, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { DeferUpdates } from '../store/index';

/** How much of a panel must be on screen for it to render with the urgent views: about its heading and first line. */
const IN_VIEW_PX = 96;
const THRESHOLDS = Array.from({ length: 21 }, (_, k) => k / 20);

interface DeferWhenHiddenProps {
  readonly className: string;
  /**
   * Renders in the frame that answers a key press (the diagram, what the reader watches). The
   * other panels render right after that frame, and a few times a second while playing (catchUpPlan).
   */
  readonly leads?: boolean;
  readonly children: ReactNode;
}

/**
 * Wraps a studio panel. Unless it `leads` and is in view (more than a strip of IN_VIEW_PX at an
 * edge of the window), its store updates render after the frame that shows the others (see
 * DeferUpdates): a step paints the controls and the diagram first, one frame later the rest,
 * and playback keeps its frame rate. Why: the browser presents a frame about as late as the work
 * in it, and the equations, matrices and charts together are more than a frame's worth.
 * A panel wholly out of view renders no step until it scrolls back in or the studio has been
 * quiet for a second (PAUSED_QUIET_MS): on a slow laptop or phone a step's work for the panels
 * nobody sees would delay the next step. A panel holding the keyboard focus is never deferred (a field
 * being typed in must show each keystroke at once), and printing shows every panel up to date.
 */
export function DeferWhenHidden({ className, leads = false, children }: DeferWhenHiddenProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [isHidden, setHidden] = useState(false);
  const [isOut, setOut] = useState(false);
  const [hasFocus, setFocus] = useState(false);
  const isPrinting = useIsPrinting();
  const onBlur = (e: FocusEvent<HTMLDivElement>) => {
    if (!e.currentTarget.contains(e.relatedTarget)) setFocus(false);
  };
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => {
        // The latest report: one callback can carry several (a full-page screenshot resizes the
        // window to a sliver and back, and a panel would stay paused on the first, stale one).
        const entry = entries[entries.length - 1];
        setHidden(!entry.isIntersecting || entry.intersectionRect.height < Math.min(IN_VIEW_PX, entry.boundingClientRect.height));
        setOut(!entry.isIntersecting);
      },
      { threshold: THRESHOLDS },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return (
    <div ref={ref} className={className} onFocus={() => setFocus(true)} onBlur={onBlur}>
      <DeferUpdates when={!hasFocus && !isPrinting && (isHidden || !leads)} isPaused={isOut}>{children}</DeferUpdates>
    </div>
  );
}

/** True from the browser's beforeprint to its afterprint: the printout must show the latest state, rendered before it is taken. */
function useIsPrinting(): boolean {
  const [isPrinting, setPrinting] = useState(false);
  useEffect(() => {
    const before = () => flushSync(() => setPrinting(true));
    const after = () => setPrinting(false);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);
  return isPrinting;
}
