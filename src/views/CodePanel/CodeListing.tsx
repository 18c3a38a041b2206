/**
 * One listing as a scrollable <pre>, the current phase's lines marked like a debugger's
 * (background, ▶, aria-current="step") and scrolled into view inside the listing only.
 *
 * Why blocks: the text changes only with the config, the highlight with every step. The
 * listing is cut once into runs of lines tagged with the same phases; each run is a memoised
 * <CodeBlock>, so a step re-renders the two runs whose highlight toggles and nothing else.
 */
import { memo, useEffect, useMemo, useRef, type Ref, type RefObject } from 'react';
import type { PhaseId } from '../../engine/index';
import type { CodeLine, Listing } from './listing';
import { tokenize } from './syntax';

interface Block {
  readonly start: number;
  readonly phases: readonly PhaseId[];
  readonly lines: readonly CodeLine[];
}

const samePhases = (a: readonly PhaseId[], b: readonly PhaseId[]) => a.length === b.length && a.every((p, k) => p === b[k]);

/** Runs of consecutive lines tagged with the same phases (each phase's lines are one run). */
function blocksOf(listing: Listing): Block[] {
  const out: { start: number; phases: readonly PhaseId[]; lines: CodeLine[] }[] = [];
  listing.forEach((line, k) => {
    const last = out[out.length - 1];
    if (last && samePhases(last.phases, line.phases)) last.lines.push(line);
    else out.push({ start: k, phases: line.phases, lines: [line] });
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

const CodeBlock = memo(function CodeBlock({ block, isActive }: { block: Block; isActive: boolean }) {
  return (
    <span className={isActive ? 'code-block is-active' : 'code-block'} aria-current={isActive ? 'step' : undefined}>
      {block.lines.map((line, k) => (
        <Line key={k} text={line.text} number={block.start + k + 1} isActive={isActive} />
      ))}
    </span>
  );
});

/**
 * Scrolls the listing (never the page) so that its highlighted block is in view: smoothly as
 * the phase moves (the stylesheet's scroll-behavior) while the listing is on screen, at once
 * when it appears or is scrolled out of the window (a smooth scroll nobody sees still costs
 * its frames, and the next step's).
 */
function revealActive(scroller: HTMLElement, isFirst: boolean) {
  const block = scroller.querySelector<HTMLElement>('.code-block.is-active');
  if (!block) return;
  const top = block.offsetTop;
  const bottom = top + block.offsetHeight;
  if (top >= scroller.scrollTop && bottom <= scroller.scrollTop + scroller.clientHeight) return;
  const to = Math.max(0, top - scroller.clientHeight / 4);
  // Why instant on mount: Chromium ends largest-contentful-paint recording at a smooth scroll,
  // even a script's of an inner box, and the page would report no LCP at all.
  const box = scroller.getBoundingClientRect();
  const isOnScreen = box.bottom > 0 && box.top < window.innerHeight;
  if (isFirst || !isOnScreen) scroller.scrollTo({ top: to, behavior: 'instant' });
  else scroller.scrollTop = to;
}

/**
 * Keeps the highlighted block in view without forcing a layout in the step's task: the reveal
 * runs in a ResizeObserver's first callback, which the browser calls after its own layout of
 * the next frame (before painting it), so reading offsetTop and scrollTop there costs nothing.
 */
function useRevealActive(scrollerRef: RefObject<HTMLDivElement | null>, activeStart: number, hidden: boolean) {
  const isShownRef = useRef(false);

  useEffect(() => {
    const scroller = scrollerRef.current;
    if (hidden) isShownRef.current = false;
    if (!scroller || hidden || activeStart < 0 || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => {
      observer.disconnect();
      revealActive(scroller, !isShownRef.current);
      isShownRef.current = true;
    });
    observer.observe(scroller);
    return () => observer.disconnect();
  }, [scrollerRef, activeStart, hidden]);
}

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
  const blocks = useMemo(() => blocksOf(listing), [listing]);
  const activeStart = blocks.find((b) => b.phases.includes(phase))?.start ?? -1;
  useRevealActive(scrollerRef, activeStart, hidden);

  return (
    <div ref={scrollerRef} id={id} role="tabpanel" aria-labelledby={labelledBy} hidden={hidden} tabIndex={0} className="code-scroller">
      <pre ref={preRef} className="code"><code>
        {blocks.map((block) => <CodeBlock key={block.start} block={block} isActive={block.phases.includes(phase)} />)}
      </code></pre>
    </div>
  );
}
