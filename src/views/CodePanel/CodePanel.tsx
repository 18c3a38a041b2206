/**
 * The code: a NumPy listing in the tutorial's shape and a PyTorch listing, both written for
 * the configured network, in an ARIA tablist; the current phase's lines are highlighted.
 */
import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useT, type MessageKey } from '../../i18n/index';
import {
  handoutName, selectConfig, selectDataset, selectNetwork, selectPhase, useAppStore,
} from '../../store/index';
import { downloadText } from '../shared/download';
import { DownloadIcon } from '../shared/ExportButtons';
import { CodeListing } from './CodeListing';
import { listingText, phaseRange, type Listing } from './listing';
import { numpyListing } from './numpyCode';
import { pytorchListing } from './pytorchCode';
import { scriptText } from './script';
import './CodePanel.css';

type Tab = 'numpy' | 'pytorch';
const TABS: readonly Tab[] = ['numpy', 'pytorch'];
const TAB_NAMES: Record<Tab, MessageKey> = { numpy: 'code.numpy', pytorch: 'code.pytorch' };

/** Selects the code's text so the learner can copy it by hand. */
function selectText(node: Node | null) {
  const selection = document.getSelection();
  if (!node || !selection) return;
  const range = document.createRange();
  range.selectNodeContents(node);
  selection.removeAllRanges();
  selection.addRange(range);
}

export function CodePanel() {
  const t = useT();
  const phase = useAppStore(selectPhase);
  const network = useAppStore(selectNetwork);
  const config = useAppStore(selectConfig);
  const dataset = useAppStore(selectDataset);
  const [tab, setTab] = useState<Tab>('numpy');
  const [copyStatus, setCopyStatus] = useState('');
  const tabRefs = useRef<Record<Tab, HTMLButtonElement | null>>({ numpy: null, pytorch: null });
  const preRef = useRef<HTMLPreElement>(null);
  const baseId = useId();
  const headingId = `${baseId}-heading`;
  const listings = useMemo<Record<Tab, Listing>>(() => {
    const input = { network, config, dataset };
    return { numpy: numpyListing(input), pytorch: pytorchListing(input) };
  }, [network, config, dataset]);
  const range = phaseRange(listings[tab], phase);
  const tabName = t(TAB_NAMES[tab]);
  const fileName = handoutName(config, { kind: 'code', tab });

  const choose = (next: Tab) => {
    setTab(next);
    setCopyStatus('');
    tabRefs.current[next]?.focus();
  };

  const onTabKey = (e: KeyboardEvent) => {
    const k = TABS.indexOf(tab);
    const to: Record<string, number> = { ArrowRight: k + 1, ArrowLeft: k - 1, Home: 0, End: TABS.length - 1 };
    if (!Object.hasOwn(to, e.key)) return;
    e.preventDefault();
    choose(TABS[(to[e.key] + TABS.length) % TABS.length]);
  };

  const copy = async () => {
    const text = listingText(listings[tab]);
    try {
      if (!navigator.clipboard?.writeText) throw new Error('The clipboard is not available');
      await navigator.clipboard.writeText(text);
      setCopyStatus(t('code.copied', { tab: tabName }));
    } catch {
      selectText(preRef.current);
      setCopyStatus(t('code.copyFailed'));
    }
  };

  const download = () => {
    downloadText(scriptText(listings[tab], { network, config, dataset }, tab, fileName), fileName, 'text/x-python');
  };

  return (
    <section className="panel code-panel" aria-labelledby={headingId}>
      <div className="code-head">
        <h2 id={headingId}>{t('code.title')}</h2>
        <div role="tablist" aria-label={t('code.tabs')} className="code-tabs">
          {TABS.map((name) => (
            <button
              key={name} ref={(el) => { tabRefs.current[name] = el; }} type="button" role="tab"
              id={`${baseId}-tab-${name}`} aria-controls={`${baseId}-panel-${name}`} aria-selected={tab === name}
              tabIndex={tab === name ? 0 : -1} className="code-tab" onClick={() => choose(name)} onKeyDown={onTabKey}
            >
              {t(TAB_NAMES[name])}
            </button>
          ))}
        </div>
        <div className="code-actions">
          <button type="button" className="code-copy" onClick={download} title={fileName}
            aria-label={t('code.downloadLabel', { tab: tabName, file: fileName })}>
            <DownloadIcon />{t('code.download')}
          </button>
          <button type="button" className="code-copy" onClick={copy} aria-label={t('code.copyLabel', { tab: tabName })}>
            {t('code.copy')}
          </button>
        </div>
      </div>
      <p className="code-phase">
        {range
          ? t(range.from === range.to ? 'code.phaseLine' : 'code.phaseLines', { from: range.from + 1, to: range.to + 1, phase: t(`phase.${phase}`) })
          : t('code.noPhaseLines')}
      </p>
      <p className="code-status" role="status">{copyStatus}</p>
      {TABS.map((name) => (
        <CodeListing
          key={name} listing={listings[name]} phase={phase} id={`${baseId}-panel-${name}`}
          labelledBy={`${baseId}-tab-${name}`} hidden={tab !== name} preRef={tab === name ? preRef : undefined}
        />
      ))}
    </section>
  );
}
