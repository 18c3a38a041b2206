/** The diagram's marks: one focusable neuron, one focusable edge. Memoised; props are plain values. */
import { interpolateRgb } from 'd3';
import { memo } from 'react';
import { PALETTE, signedColor, textColorOn } from '../../viz/color';
import type { EdgeModel, NeuronModel } from './model';

const SUBSCRIPTS = '₀₁₂₃₄₅₆₇₈₉';
const subscript = (n: number) => String(n).replace(/\d/g, (d) => SUBSCRIPTS[Number(d)]);

interface NeuronProps {
  model: NeuronModel;
  x: number;
  y: number;
  r: number;
  isSelected: boolean;
}

/** A neuron: a circle filled by its value, its number inside when there is room. */
export const Neuron = memo(function Neuron({ model, x, y, r, isSelected }: NeuronProps) {
  const { shown, extent } = model;
  const fill = shown ? signedColor(shown.value, extent) : undefined;
  const name = model.layer === 0 ? `x${subscript(model.index + 1)}` : String(model.index + 1);
  const insideFont = Math.min(14, r * 0.8);
  return (
    <g
      className={`network-neuron${model.isActive ? ' is-active' : ''}${shown ? '' : ' is-empty'}${isSelected ? ' is-selected' : ''}`}
      data-target={model.key} role="button" tabIndex={0} aria-label={model.label} aria-pressed={isSelected}
    >
      {isSelected && <circle className="network-ring" cx={x} cy={y} r={r + 5} />}
      <circle className="network-node" cx={x} cy={y} r={r} style={fill ? { fill } : undefined} />
      {r >= 9 && (
        <text className="network-node-name" x={x} y={y} dy="0.35em" fontSize={insideFont}
          style={{ fill: shown ? textColorOn(shown.value, extent) : undefined }} aria-hidden="true">
          {name}
        </text>
      )}
    </g>
  );
});

interface EdgeProps {
  model: EdgeModel;
  d: string;
  strokeWidth: number;
  isSelected: boolean;
  isTabStop: boolean;
  /** The direction arrow's path; null for none. */
  arrow: string | null;
  /** Where to draw the update's ▲/▼ marker; null for none. */
  mark: { x: number; y: number } | null;
}

/** An inactive edge's colour: the palette colour mixed toward white (opaque, so the track never shows through). */
const fade = (color: string) => interpolateRgb(color, '#ffffff')(0.6);

/** An edge: a grey track, the coloured stroke sized by |value|, a wide invisible hit area. */
export const Edge = memo(function Edge({ model, d, strokeWidth, isSelected, isTabStop, arrow, mark }: EdgeProps) {
  const full = signedColor(model.shown.value, model.extent);
  const color = model.isActive || isSelected ? full : fade(full);
  const change = model.updated ? model.updated.value - model.weight.value : 0;
  return (
    <g
      className={`network-edge${model.isActive ? ' is-active' : ''}${isSelected ? ' is-selected' : ''}`}
      data-target={model.key} role="button" tabIndex={isTabStop ? 0 : -1} aria-label={model.label} aria-pressed={isSelected}
    >
      <path className="network-edge-hit" d={d} />
      {isSelected && <path className="network-edge-ring" d={d} strokeWidth={strokeWidth + 7} />}
      <path className="network-edge-track" d={d} />
      <path className="network-edge-line" d={d} style={{ stroke: color, strokeWidth }} />
      {arrow && <path className="network-arrow" d={arrow} aria-hidden="true" />}
      {mark && change !== 0 && (
        <path className="network-change" aria-hidden="true"
          d={change > 0 ? `M${mark.x - 5},${mark.y + 4}L${mark.x + 5},${mark.y + 4}L${mark.x},${mark.y - 5}Z` : `M${mark.x - 5},${mark.y - 4}L${mark.x + 5},${mark.y - 4}L${mark.x},${mark.y + 5}Z`}
          fill={change > 0 ? PALETTE[6] : PALETTE[0]} />
      )}
    </g>
  );
});
