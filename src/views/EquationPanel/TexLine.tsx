import { memo, useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { renderTex } from '../../viz/equations';
import { patchHtml } from './patchHtml';
import { bindNumbers, patchNumbers, skeletonOf, type NumberBinding } from './patchNumbers';

/**
 * Whether the equation is wider than its box, so that a box that scrolls becomes a tab stop
 * and the keyboard can scroll it too. A ResizeObserver on the box and on the equation (sized to
 * its content by CSS) reports after layout, so reading the widths never forces an extra layout;
 * it also reports when KaTeX's fonts arrive and widen the equation.
 */
function useOverflows(tex: string) {
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
  }, [tex]);
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

/** One captioned equation, typeset by KaTeX (HTML for the eye, MathML for screen readers), scrolling sideways in its own box. */
export const TexLine = memo(function TexLine({ tex, caption }: TexLineProps) {
  const captionId = useId();
  const { ref, overflows } = useOverflows(tex);
  const shownTex = useRef<string | null>(null);
  const numbers = useRef<NumberBinding | null>(null);
  // Before paint: where the line keeps its shape and only its numbers change, just the numbers
  // are written (see patchNumbers; bound on the first such change, so a first paint makes no
  // template); else KaTeX's HTML is patched into the last equation's elements (see patchHtml).
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const previous = shownTex.current;
    shownTex.current = tex;
    if (numbers.current === null && previous !== null && skeletonOf(previous) === skeletonOf(tex)) numbers.current = bindNumbers(el, previous);
    if (patchNumbers(numbers.current, tex)) return;
    patchHtml(el, renderTex(tex));
    numbers.current = null;
  }, [ref, tex]);
  return (
    <figure className="eq-line">
      <figcaption id={captionId} className="eq-caption">{caption}</figcaption>
      <div
        ref={ref}
        className="eq-math"
        role="group"
        aria-labelledby={captionId}
        tabIndex={overflows ? 0 : undefined}
        onKeyDown={overflows ? keepArrows : undefined}
      />
    </figure>
  );
});
