/** What colour and width mean in the current phase. */
import { useT } from '../../i18n/index';
import { PALETTE } from '../../viz/color';
import type { NetworkModel } from './model';

const GRADIENT = `linear-gradient(to right, ${PALETTE.join(', ')})`;

export function Legend({ model }: { model: NetworkModel }) {
  const t = useT();
  const edges = model.edgeSymbols.map((s) => `|${s}|`).join(', ');
  const neurons = model.neuronSymbols.filter(Boolean).join(', ');
  return (
    <div className="network-legend">
      <div className="network-palette" aria-hidden="true">
        <span>− {t('network.legendNegative')}</span>
        <span className="network-palette-bar" style={{ background: GRADIENT }} />
        <span>{t('network.legendPositive')} +</span>
      </div>
      <p>
        {t('network.legendEdges', { symbols: edges })}; {t('network.legendNeurons', { symbols: neurons })}
        {' '}<span className="network-muted">({t('network.legendScale')})</span>
        {model.direction === 'update' && <> · {t('network.legendChange')}</>}
      </p>
    </div>
  );
}
