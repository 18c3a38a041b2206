/** What colour and width mean in the current phase. */
import type { Ref } from 'react';
import { useT } from '../../i18n/index';
import { PALETTE } from '../../viz/color';
import type { NetworkModel } from './model';

const GRADIENT = `linear-gradient(to right, ${PALETTE.join(', ')})`;

type T = ReturnType<typeof useT>;

/** The legend's sentence (also written into the diagram's SVG hand-out). */
export function legendText(model: NetworkModel, t: T): { main: string; scale: string; change: string | null } {
  const edges = model.edgeSymbols.map((s) => `|${s}|`).join(', ');
  const neurons = model.neuronSymbols.filter(Boolean).join(', ');
  return {
    main: `${t('network.legendEdges', { symbols: edges })}; ${t('network.legendNeurons', { symbols: neurons })}`,
    scale: `(${t('network.legendScale')})`,
    change: model.direction === 'update' ? t('network.legendChange') : null,
  };
}

/** The two ends of the colour scale. */
export function paletteEnds(t: T): { left: string; right: string } {
  return { left: `− ${t('network.legendNegative')}`, right: `${t('network.legendPositive')} +` };
}

export function Legend({ model, ref }: { model: NetworkModel; ref?: Ref<HTMLParagraphElement> }) {
  const t = useT();
  const text = legendText(model, t);
  const ends = paletteEnds(t);
  return (
    <div className="network-legend">
      <div className="network-palette" aria-hidden="true">
        <span>{ends.left}</span>
        <span className="network-palette-bar" style={{ background: GRADIENT }} />
        <span>{ends.right}</span>
      </div>
      <p ref={ref}>
        {text.main}
        {' '}<span className="network-muted">{text.scale}</span>
        {text.change && <> · {text.change}</>}
      </p>
    </div>
  );
}
