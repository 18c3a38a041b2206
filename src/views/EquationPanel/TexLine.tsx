import { memo, useContext, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { patchHtml } from './patchHtml';
import { bindNumbers, patchNumbers, skeletonOf, type NumberBinding } from './patchNumbers';
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
  // Only the prerender typesets during render; the browser does in the layout effect below, and
  // only when a line's shape has changed.
  const html = useMemo(() => (isPrerender && typeset ? typeset(tex) : null), [isPrerender, typeset, tex]);
  const captionId = useId();
  // Watched again once typeset: a box rendered before KaTeX arrived was empty, with nothing to watch.
  const { ref, overflows } = useOverflows(typeset ? tex : '');
  // What the box shows now: the served line after hydration, else nothing until typeset.
  const shownTex = useRef<string | null>(servedTex);
  const numbers = useRef<NumberBinding | null>(null);
  // Before paint, once KaTeX has arrived: where the line keeps its shape and only its numbers
  // change, just the numbers are written (see patchNumbers; bound on the first such change, so a
  // first paint makes no template); else KaTeX's HTML is patched into the last equation's
  // elements (see patchHtml). Until then a moved-on served line shows faded (is-stale).
  useLayoutEffect(() => {
    const el = ref.current;
    const previous = shownTex.current;
    if (!el || previous === tex || !typeset) return;
    if (numbers.current === null && previous !== null && skeletonOf(previous) === skeletonOf(tex)) numbers.current = bindNumbers(el, previous, typeset);
    if (patchNumbers(numbers.current, tex)) {
      shownTex.current = tex;
      return;
    }
    patchHtml(el, typeset(tex));
    numbers.current = null;
    shownTex.current = tex;
  }, [ref, tex, typeset]);
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
