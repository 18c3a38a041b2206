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
  // With ce the sample's class also shows its own loss term, −log of the probability it got.
  const targetText = (y: number, j: number) => `y = ${Number.isInteger(y) ? y : formatValue(y)}` +
    (j === model.trueClass && model.sampleLoss !== null ? `, −log a = ${formatValue(model.sampleLoss)}` : '');
  return (
    <g className={`network-loss${model.direction === 'loss' ? ' is-active' : ''}`} role="img" aria-label={label} fontSize={fontSize}>
      {model.targets.map((y, j) => (
        <text key={j} x={tx} y={isBelow ? y0 : ys[j] + line * 1.1} textAnchor={anchor}
          className={j === model.trueClass ? 'network-loss-class' : undefined}>{targetText(y, j)}</text>
      ))}
      {model.loss !== null && (
        <text className="network-loss-value" x={tx} y={isBelow ? y0 + line : ys[ys.length - 1] + line * 2.1} textAnchor={anchor}>
          L = {formatValue(model.loss)}
        </text>
      )}
    </g>
  );
}
