/**
 * The flow along the phase's active edges: a band sweeps from the columns the values come from
 * to the columns they go to (right to left in backward phases), lighting up the edges' dots as
 * it passes.
 *
 * Why boxes moved by transform, not dashes marching along SVG paths: SVG content restyles and
 * repaints on the main thread in every frame it changes, and a key press during the old flow
 * animation waited for those frames. Here the band is a clipping box moved one way and the dots
 * inside it the other way by the same amount, so they stay put on their edges while the band
 * passes over them; both are transform animations, which the compositor runs alone.
 */
import { useLayoutEffect, useRef } from 'react';

/** The band's width, as a share of the distance it sweeps. */
const BAND = 0.35;
/** How many times the band passes. */
const SWEEPS = 3;

interface FlowProps {
  /** The active edges' paths, in the diagram's coordinates (its viewBox). */
  readonly paths: readonly string[];
  /** Where the band starts and ends, x in the diagram's coordinates; from > to sweeps right to left. */
  readonly from: number;
  readonly to: number;
  /** The diagram's viewBox size. */
  readonly width: number;
  readonly height: number;
  /** One sweep. */
  readonly sweepMs: number;
  /** A new value (by Object.is) restarts the sweeps. */
  readonly cue: unknown;
}

const percent = (x: number) => `${x * 100}%`;

export function Flow({ paths, from, to, width, height, sweepMs, cue }: FlowProps) {
  const bandRef = useRef<HTMLDivElement>(null);
  const dotsRef = useRef<SVGSVGElement>(null);
  const left = Math.min(from, to);
  const span = Math.max(1, Math.abs(to - from));
  const bandWidth = BAND * span;

  useLayoutEffect(() => {
    const band = bandRef.current;
    const dots = dotsRef.current;
    if (!band || !dots || typeof band.animate !== 'function') return;
    // Band positions in its own widths (translateX %), from just outside one end to just outside the other.
    const [start, end] = from <= to ? [-1, 1 / BAND] : [1 / BAND, -1];
    // The dots move back by the same distance, in the dots' own widths.
    const back = (x: number) => (-x * bandWidth) / width;
    const timing: KeyframeAnimationOptions = { duration: sweepMs, iterations: SWEEPS, easing: 'ease-in-out' };
    const sweeps = [
      band.animate([{ transform: `translateX(${percent(start)})` }, { transform: `translateX(${percent(end)})` }], timing),
      dots.animate([{ transform: `translateX(${percent(back(start))})` }, { transform: `translateX(${percent(back(end))})` }], timing),
    ];
    return () => sweeps.forEach((sweep) => sweep.cancel());
  }, [cue, from, to, bandWidth, width, sweepMs]);

  return (
    <div className="network-flow" aria-hidden="true" style={{ left: percent(left / width), width: percent(span / width) }}>
      <div ref={bandRef} className="network-flow-band" style={{ width: percent(BAND) }}>
        <svg ref={dotsRef} className="network-flow-dots" viewBox={`0 0 ${width} ${height}`} preserveAspectRatio="none"
          style={{ left: percent(-left / bandWidth), width: percent(width / bandWidth) }}>
          {paths.map((d, k) => <path key={k} d={d} />)}
        </svg>
      </div>
    </div>
  );
}
