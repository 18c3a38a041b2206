/**
 * An embed (`#embed=1&show=…`): only the panels the link names, sized to the frame, no header.
 * With `controls` the studio's bar; without, a compact step bar, so a frame is never stuck.
 * The keys step once the frame has focus (the same document listener as the page's).
 */
import { useT } from '../i18n/index';
import {
  selectConfig, selectEmbedParts, selectIsPreparing, selectIteration, selectLocale, selectPhase, useAppStore, type PanelId,
} from '../store/index';
import { serializeLink } from '../store/url';
import { Controls, Status, Transport } from '../views/Controls';
import { Preparing } from '../views/Preparing';
import { Notice } from './Notice';
import { PanelSlot } from './panels';
import './embed.css';

/** The whole page at this state, for a reader who wants more than the frame. */
function OpenLink() {
  const t = useT();
  const config = useAppStore(selectConfig);
  const iteration = useAppStore(selectIteration);
  const phase = useAppStore(selectPhase);
  const locale = useAppStore(selectLocale);
  const hash = config.data.kind === 'csv' ? '' : serializeLink(config, { iteration, phase }, locale);
  return (
    <a className="embed-open" href={`${window.location.pathname}${window.location.search}${hash ? `#${hash}` : ''}`} target="_blank" rel="noopener">
      {t('embed.open')}
    </a>
  );
}

function StepBar() {
  const t = useT();
  return (
    <nav id="controls" className="embed-stepbar" aria-label={t('controls.region')}>
      <Status />
      <Transport isCompact />
      <OpenLink />
    </nav>
  );
}

export function EmbedLayout() {
  const parts = useAppStore(selectEmbedParts);
  const isPreparing = useAppStore(selectIsPreparing);
  const panels = parts.filter((p): p is PanelId => p !== 'controls');
  return (
    <div className={`embed-layout embed-count-${Math.min(panels.length, 3)}`}>
      {parts.includes('controls') ? <Controls /> : <StepBar />}
      <Notice />
      {panels.length > 0 && (
        <main className={isPreparing ? 'embed-panels studio-preparing' : 'embed-panels'} aria-busy={isPreparing}>
          <Preparing />
          {panels.map((id) => <PanelSlot key={id} id={id} className="embed-panel" fill />)}
        </main>
      )}
    </div>
  );
}
