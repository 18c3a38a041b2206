/** The hover/focus card: every number of one neuron or edge at full precision. */
import { useT } from '../../i18n/index';
import { formatFull } from '../../viz/color';
import type { EdgeModel, NeuronModel } from './model';

interface TooltipProps {
  id: string;
  item: { kind: 'neuron'; model: NeuronModel } | { kind: 'edge'; model: EdgeModel };
  /** Anchor as fractions of the drawing's width and height. */
  fx: number;
  fy: number;
}

export function Tooltip({ id, item, fx, fy }: TooltipProps) {
  const t = useT();
  const tx = fx < 0.3 ? '0%' : fx > 0.7 ? '-100%' : '-50%';
  const below = fy < 0.4;
  const style = {
    left: `${fx * 100}%`, top: `${fy * 100}%`,
    transform: `translate(${tx}, ${below ? '18px' : 'calc(-100% - 18px)'})`,
  };
  let title: string;
  let lines: string[];
  if (item.kind === 'neuron') {
    title = item.model.name;
    lines = item.model.quantities.map((q) => `${q.symbol} = ${formatFull(q.value)}`);
    if (lines.length === 0) lines = [t('network.notComputed')];
  } else {
    const { weight, gradient, updated, numpyName } = item.model;
    title = item.model.title;
    lines = [`${weight.symbol} = ${formatFull(weight.value)}`];
    if (gradient) lines.push(`${gradient.symbol} = ${formatFull(gradient.value)}`);
    if (updated) {
      lines.push(`${weight.symbol}: ${formatFull(weight.value)} → ${formatFull(updated.value)}`);
      lines.push(`${t('network.change')} = ${formatFull(updated.value - weight.value)}`);
    }
    lines.push(t('network.numpyIndex', { name: numpyName }));
  }
  return (
    <div id={id} role="tooltip" className="network-tooltip" style={style}>
      <strong>{title}</strong>
      {lines.map((line) => <span key={line}>{line}</span>)}
    </div>
  );
}
