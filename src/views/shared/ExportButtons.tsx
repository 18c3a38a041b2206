/**
 * Two small buttons on a panel: "SVG" and "PNG", each downloading the panel's picture as it is
 * now. The picture is built from the live panel at the moment of the click (build), so it shows
 * exactly what the learner sees; the PNG is the same SVG drawn at pngScale.
 */
import { useState } from 'react';
import { useT, type MessageKey } from '../../i18n/index';
import { downloadBlob, downloadText, pngScale, svgToPng } from './download';
import type { StandaloneSvg } from './standaloneSvg';
import './handouts.css';

interface ExportButtonsProps {
  /** What the picture shows, for the buttons' names. */
  readonly what: 'network' | 'chart';
  /** The file names for the current state. */
  readonly names: { readonly svg: string; readonly png: string };
  /** Builds the picture from the live panel; may throw (the reason is shown). */
  build(): StandaloneSvg;
}

const WHAT: Record<ExportButtonsProps['what'], MessageKey> = { network: 'handout.what.network', chart: 'handout.what.chart' };

export function ExportButtons({ what, names, build }: ExportButtonsProps) {
  const t = useT();
  const [error, setError] = useState('');
  const whatText = t(WHAT[what]);
  const run = async (format: 'svg' | 'png') => {
    setError('');
    try {
      const picture = build();
      if (format === 'svg') downloadText(picture.text, names.svg, 'image/svg+xml');
      else downloadBlob(await svgToPng(picture.text, picture.width, picture.height, pngScale(picture.width)), names.png);
    } catch (e) {
      setError(t('handout.failed', { reason: e instanceof Error ? e.message : String(e) }));
    }
  };
  return (
    <div className="handout-buttons" role="group" aria-label={t('handout.downloads', { what: whatText })}>
      <button type="button" className="handout-button" onClick={() => void run('svg')} title={names.svg}
        aria-label={t('handout.svgLabel', { what: whatText, file: names.svg })}>
        <DownloadIcon />{t('handout.svg')}
      </button>
      <button type="button" className="handout-button" onClick={() => void run('png')} title={names.png}
        aria-label={t('handout.pngLabel', { what: whatText, file: names.png })}>
        <DownloadIcon />{t('handout.png')}
      </button>
      {error && <span className="handout-error" role="alert">{error}</span>}
    </div>
  );
}

/** An arrow into a tray: "download", beside the format's name. */
export function DownloadIcon() {
  return (
    <svg className="handout-icon" viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" focusable="false">
      <path d="M8 2v8M4.5 6.5 8 10l3.5-3.5M2.5 11.5v2h11v-2" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
