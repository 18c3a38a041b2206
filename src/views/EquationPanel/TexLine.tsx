import { memo, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { renderTex } from '../../viz/equations';
import { patchHtml } from './patchHtml';

/**
 * Whether the equation is wider than its box, so that a box that scrolls becomes a tab stop
 * and the keyboard can scroll it too. A ResizeObserver on the box and on the equation (sized to
 * its content by CSS) reports after layout, so reading the widths never forces an extra layout;
 * it also reports when KaTeX's fonts arrive and widen the equation.
 */
function useOverflows(html: string) {
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
  }, [html]);
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
  const html = useMemo(() => renderTex(tex), [tex]);
  const captionId = useId();
  const { ref, overflows } = useOverflows(html);
  // KaTeX's HTML goes in by patching the last equation's elements (see patchHtml), before paint.
  useLayoutEffect(() => {
    if (ref.current) patchHtml(ref.current, html);
  }, [ref, html]);
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
