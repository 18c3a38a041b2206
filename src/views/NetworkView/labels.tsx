/** Text drawn on top of the marks: neuron values, and y with the loss beside the output. Hidden from assistive tech (the marks' labels say it). */
import { formatValue } from '../../viz/color';
import type { NetworkModel, NeuronModel } from './model';

export type LabelSide = 'left' | 'right' | 'below';

interface NeuronValueProps {
  model: NeuronModel;
  x: number;
  y: number;
  r: number;
  fontSize: number;
  side: LabelSide;
}

/** A neuron's value (or a dash before it is computed), beside or below its circle. */
export function NeuronValue({ model, x, y, r, fontSize, side }: NeuronValueProps) {
  const at = {
    left: { x: x - r - 6, y, dy: '0.35em', anchor: 'end' as const },
    right: { x: x + r + 6, y, dy: '0.35em', anchor: 'start' as const },
    below: { x, y: y + r + 3, dy: '0.8em', anchor: 'middle' as const },
  }[side];
  return (
    <text className="network-value" x={at.x} y={at.y} dy={at.dy} fontSize={fontSize} textAnchor={at.anchor}>
      {model.shown ? formatValue(model.shown.value) : '–'}
    </text>
  );
}

interface LossNoteProps {
  model: NetworkModel;
  x: number;
  ys: readonly number[];
  r: number;
  fontSize: number;
  /** Under a single output neuron (else to the right of each, under its value). */
  isBelow: boolean;
  label: string;
}

/** y of the focused sample beside each output, and the batch loss L. */
export function LossNote({ model, x, ys, r, fontSize, isBelow, label }: LossNoteProps) {
  const line = fontSize * 1.3;
  const tx = isBelow ? x : x + r + 6;
  const anchor = isBelow ? 'middle' : 'start';
  const y0 = isBelow ? ys[0] + r + line : 0;
  const targetText = (y: number) => `y = ${Number.isInteger(y) ? y : formatValue(y)}`;
  // With ce the sample's class gets a line more: its own term, −log of the probability it got.
  const hasTerm = (j: number) => j === model.trueClass && model.sampleLoss !== null;
  const last = ys.length - 1;
  return (
    <g className={`network-loss${model.direction === 'loss' ? ' is-active' : ''}`} role="img" aria-label={label} fontSize={fontSize}>
      {model.targets.map((y, j) => (
        <text key={j} x={tx} y={isBelow ? y0 : ys[j] + line * 1.1} textAnchor={anchor}>{targetText(y)}</text>
      ))}
      {model.trueClass !== null && model.sampleLoss !== null && (
        <text className="network-loss-class" x={tx} y={ys[model.trueClass] + line * 2.1} textAnchor={anchor}>
          −log a = {formatValue(model.sampleLoss)}
        </text>
      )}
      {model.loss !== null && (
        <text className="network-loss-value" x={tx} y={isBelow ? y0 + line : ys[last] + line * (hasTerm(last) ? 3.1 : 2.1)} textAnchor={anchor}>
          L = {formatValue(model.loss)}
        </text>
      )}
    </g>
  );
}
