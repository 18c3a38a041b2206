/**
 * The studio's panels by name, as every layout places them: the same view components, at the
 * size and emphasis the layout gives (STYLE.md §10). Each renders through DeferWhenHidden.
 */
import { lazy, Suspense } from 'react';
import { useT, type MessageKey } from '../i18n/index';
import type { PanelId } from '../store/index';
import { CodePanel } from '../views/CodePanel';
import { DataView } from '../views/DataView';
import { LossChart } from '../views/LossChart';
import { MatrixPanel } from '../views/MatrixPanel';
import { NetworkView } from '../views/NetworkView';
import { DeferWhenHidden } from './DeferWhenHidden';
import { PanelBoundary } from './PanelBoundary';

/**
 * The equation panel and KaTeX (~70 KB gzipped) load as their own chunk, fetched as soon as the
 * studio first renders, so the first paint doesn't wait for them.
 */
const EquationPanel = lazy(() => import('../views/EquationPanel').then((m) => ({ default: m.EquationPanel })));

/** Stands in for the equation panel while its chunk loads: the same panel and heading, about its height. */
function EquationPanelPlaceholder() {
  const t = useT();
  return (
    <section className="panel" aria-busy="true" style={{ minHeight: 'min(720px, 80vh)' }}>
      <h2>{t('eq.title')}</h2>
    </section>
  );
}

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
    case 'equations': return <Suspense fallback={<EquationPanelPlaceholder />}><EquationPanel /></Suspense>;
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
