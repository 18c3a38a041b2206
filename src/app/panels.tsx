/**
 * The studio's panels by name, as every layout places them: the same view components, at the
 * size and emphasis the layout gives (STYLE.md §10). Each renders through DeferWhenHidden.
 */
import type { MessageKey } from '../i18n/index';
import type { PanelId } from '../store/index';
import { EquationPanel } from '../views/EquationPanel';
import { NetworkView } from '../views/NetworkView';
import { DeferWhenHidden } from './DeferWhenHidden';
import { CodePanel, DataView, LossChart, MatrixPanel } from './lazyPanels';
import { PanelBoundary } from './PanelBoundary';

interface PanelSlotProps {
  readonly id: PanelId;
  /** The wrapper's class: where the layout puts it. */
  readonly className: string;
  /** The panel fills the height its layout gives it (the diagram fits inside). */
  readonly fill?: boolean;
  /** The diagram spotlights its focused mark. */
  readonly spotlight?: boolean;
}

function PanelView({ id, fill, spotlight }: Omit<PanelSlotProps, 'className'>) {
  switch (id) {
    case 'network': return <NetworkView fill={fill} spotlight={spotlight} />;
    case 'equations': return <EquationPanel />;
    case 'matrices': return <MatrixPanel />;
    case 'code': return <CodePanel />;
    case 'curves': return <LossChart />;
    case 'data': return <DataView />;
  }
}

const TITLES = {
  network: 'network.title', equations: 'eq.title', matrices: 'matrices.title', code: 'code.title', curves: 'chart.title', data: 'data.title',
} as const satisfies Record<PanelId, MessageKey>;

/**
 * One panel where a layout puts it, in its own error boundary. The diagram leads (renders with
 * the key press's frame); the others follow it.
 */
export function PanelSlot({ id, className, fill = false, spotlight = false }: PanelSlotProps) {
  return (
    <DeferWhenHidden className={className} leads={id === 'network'}>
      <PanelBoundary title={TITLES[id]}><PanelView id={id} fill={fill} spotlight={spotlight} /></PanelBoundary>
    </DeferWhenHidden>
  );
}
