/**
 * One listing as a scrollable <pre>, the current phase's lines marked like a debugger's
 * (background, ▶, aria-current="step") and scrolled into view inside the listing only.
 */
import { memo, useLayoutEffect, useMemo, useRef, type Ref } from 'react';
import type { PhaseId } from '../../engine/index';
import type { CodeLine, Listing } from './listing';
import { tokenize } from './syntax';

interface Segment {
  readonly isActive: boolean;
  readonly start: number;
  readonly lines: readonly CodeLine[];
}

/** Runs of consecutive lines that are all in, or all out of, the phase. */
function segments(listing: Listing, phase: PhaseId): Segment[] {
  const out: { isActive: boolean; start: number; lines: CodeLine[] }[] = [];
  listing.forEach((line, k) => {
    const isActive = line.phases.includes(phase);
    const last = out[out.length - 1];
    if (last && last.isActive === isActive) last.lines.push(line);
    else out.push({ isActive, start: k, lines: [line] });
  });
  return out;
}

const Line = memo(function Line({ text, number, isActive }: { text: string; number: number; isActive: boolean }) {
  const tokens = useMemo(() => tokenize(text), [text]);
  return (
    <span className="code-line">
      <span className="code-gutter" aria-hidden="true">
        <span className="code-marker">{isActive ? '▶' : ''}</span>
        {number}
      </span>
      {tokens.map((tok, k) => (tok.kind === 'plain' ? tok.text : <span key={k} className={`tok-${tok.kind}`}>{tok.text}</span>))}
      {'\n'}
    </span>
  );
});

export interface CodeListingProps {
  readonly listing: Listing;
  readonly phase: PhaseId;
  readonly id: string;
  readonly labelledBy: string;
  readonly hidden: boolean;
  readonly preRef?: Ref<HTMLPreElement>;
}

export function CodeListing({ listing, phase, id, labelledBy, hidden, preRef }: CodeListingProps) {
  const scrollerRef = useRef<HTMLDivElement>(null);
  const activeRef = useRef<HTMLSpanElement>(null);
  const parts = useMemo(() => segments(listing, phase), [listing, phase]);

  // Why not scrollIntoView: it scrolls every scrollable ancestor, the page included; the
  // teacher's page must stay put while the listing follows the phase.
  useLayoutEffect(() => {
    const scroller = scrollerRef.current;
    const block = activeRef.current;
    if (!scroller || !block || hidden) return;
    const top = block.offsetTop;
    const bottom = top + block.offsetHeight;
    if (top < scroller.scrollTop || bottom > scroller.scrollTop + scroller.clientHeight) {
      scroller.scrollTop = Math.max(0, top - scroller.clientHeight / 4);
    }
  }, [parts, hidden]);

  return (
    <div ref={scrollerRef} id={id} role="tabpanel" aria-labelledby={labelledBy} hidden={hidden} tabIndex={0} className="code-scroller">
      <pre ref={preRef} className="code"><code>
        {parts.map((part) => {
          const lines = part.lines.map((line, k) => (
            <Line key={part.start + k} text={line.text} number={part.start + k + 1} isActive={part.isActive} />
          ));
          return part.isActive ? (
            <span key={part.start} ref={activeRef} className="code-block is-active" aria-current="step">{lines}</span>
          ) : (
            <span key={part.start} className="code-block">{lines}</span>
          );
        })}
      </code></pre>
    </div>
  );
}
