import { memo, useContext, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { patchHtml } from './patchHtml';
import { bindNumbers, patchNumbers, probeFor, skeletonOf, type NumberBinding } from './patchNumbers';
import { useIsHydrated } from '../shared/useIsHydrated';
import { TypesetContext, useTypesetter } from './typesetter';

/**
 * Whether the equation is wider than its box, so that a box that scrolls becomes a tab stop
 * and the keyboard can scroll it too. A ResizeObserver on the box and on the equation (sized to
 * its content by CSS) reports after layout, so reading the widths never forces an extra layout;
 * it also reports when KaTeX's fonts arrive and widen the equation.
 */
function useOverflows(shown: string) {
  const ref = useRef<HTMLDivElement>(null);
  const [overflows, setOverflows] = useState(false);
  useEffect(() => {
    const el = ref.current;
    const content = el?.firstElementChild;
    if (!el || !content || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setOverflows(el.scrollWidth > el.clientWidth + 1));
    observer.observe(el);
    observer.observe(content);
    return () => observer.disconnect();
  }, [shown]);
  return { ref, overflows };
}

/** ← and → scroll a focused equation; they must not also reach the page's step shortcuts. */
function keepArrows(e: KeyboardEvent<HTMLDivElement>) {
  if ((e.key === 'ArrowLeft' || e.key === 'ArrowRight') && !e.ctrlKey && !e.metaKey && !e.altKey) e.stopPropagation();
}

/**
 * The value before the last change of `value` (null until it changes), kept in state while
 * rendering (react.dev, "Storing information from previous renders"), so that a render React
 * throws away leaves it as it was.
 */
function usePrevious<T>(value: T): T | null {
  const [track, setTrack] = useState<{ value: T; previous: T | null }>({ value, previous: null });
  if (!Object.is(track.value, value)) {
    setTrack({ value, previous: track.value });
    return track.value;
  }
  return track.previous;
}

interface TexLineProps {
  readonly tex: string;
  readonly caption: string;
}

/**
 * React owns the equation's box, never what is inside it: KaTeX's HTML goes in by patchHtml. Given
 * as an (empty, constant) inner HTML, so React neither writes the box's content after mounting nor
 * hydrates it: a prerendered page's typeset equation stays as it was served.
 */
const OPAQUE = { __html: '' };

/** One captioned equation, typeset by KaTeX (HTML for the eye, MathML for screen readers), scrolling sideways in its own box. */
export const TexLine = memo(function TexLine({ tex, caption }: TexLineProps) {
  const typeset = useTypesetter();
  // The build's prerender runs no layout effect: there the HTML is the box's content.
  const isPrerender = useContext(TypesetContext) !== null;
  // A box hydrated from the prerender holds this line typeset already: no need to typeset it again
  // when KaTeX arrives (~0.15 s for a phase on this machine, more on a slow phone), only the next.
  const isHydrated = useIsHydrated();
  const [servedTex] = useState(isHydrated ? null : tex);
  // KaTeX runs while rendering, which React can interrupt for a key press, not in the layout
  // effect below (one task, with every line's work in it): a line that keeps its shape needs only
  // a probe of that shape, once (see patchNumbers); one that changes shape, its HTML. Not for the
  // line the box was served with: it is there already.
  const previous = usePrevious(tex);
  const isSameShape = previous !== null && skeletonOf(previous) === skeletonOf(tex);
  const probe = useMemo(
    () => (typeset && !isPrerender && isSameShape && previous !== null && typeof document !== 'undefined' ? probeFor(document, previous, typeset) : null),
    [typeset, isPrerender, isSameShape, previous],
  );
  const html = useMemo(
    () => (typeset && (isPrerender || (!isSameShape && tex !== servedTex)) ? typeset(tex) : null),
    [typeset, isPrerender, isSameShape, tex, servedTex],
  );
  const captionId = useId();
  // Watched again once typeset: a box rendered before KaTeX arrived was empty, with nothing to watch.
  const { ref, overflows } = useOverflows(typeset ? tex : '');
  // What the box shows now: the served line after hydration, else nothing until typeset.
  const shownTex = useRef<string | null>(servedTex);
  const numbers = useRef<NumberBinding | null>(null);
  // Before paint: where the line keeps its shape and only its numbers change, just the numbers
  // are written (see patchNumbers; bound on the first such change, so a first paint makes no
  // template); else KaTeX's HTML (typeset above) is patched into the last equation's
  // elements (see patchHtml), once KaTeX has arrived. Until then a moved-on served line shows
  // faded (is-stale).
  useLayoutEffect(() => {
    const el = ref.current;
    const shown = shownTex.current;
    if (!el || shown === tex) return;
    if (!typeset) return; // KaTeX not here yet: the line is typeset (or patched) when it arrives
    if (numbers.current === null && shown !== null && skeletonOf(shown) === skeletonOf(tex)) numbers.current = bindNumbers(el, shown, typeset, probe);
    if (patchNumbers(numbers.current, tex)) {
      shownTex.current = tex;
      return;
    }
    patchHtml(el, html ?? typeset(tex));
    numbers.current = null;
    shownTex.current = tex;
  }, [ref, tex, typeset, probe, html]);
  return (
    <figure className="eq-line">
      <figcaption id={captionId} className="eq-caption">{caption}</figcaption>
      <div
        ref={ref}
        className={!typeset && servedTex !== null && tex !== servedTex ? 'eq-math is-stale' : 'eq-math'}
        role="group"
        aria-labelledby={captionId}
        tabIndex={overflows ? 0 : undefined}
        onKeyDown={overflows ? keepArrows : undefined}
        dangerouslySetInnerHTML={isPrerender && html !== null ? { __html: html } : OPAQUE}
        suppressHydrationWarning
      />
    </figure>
  );
});
