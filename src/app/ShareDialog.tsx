/**
 * Share / embed: builds the link to the whole page and the <iframe> code for an embed of the
 * current state (which panels, which language, whether to start at this iteration and phase),
 * with a live preview of the embed and Copy buttons.
 */
import { useId, useMemo, useState } from 'react';
import { useT, type Locale } from '../i18n/index';
import { LanguageSelect } from './LanguageSelect';
import { EMBED_PARTS, currentSession, useStoreApi, type EmbedPart } from '../store/index';
import { Modal } from '../views/shared/Modal';
import { embedCode, embedHeight, embedLink, pageLink, type ShareChoice } from './shareLinks';
import './share.css';

type CopyState = 'idle' | 'copied' | 'failed';

/** Copies text to the clipboard; falls back to the selection in the field (older browsers, no permission). */
async function copyText(text: string, field: HTMLInputElement | HTMLTextAreaElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    field?.select();
    return field !== null && document.execCommand?.('copy') === true;
  }
}

function CopyField({ label, value, multiline, copyLabel }: { label: string; value: string; multiline?: boolean; copyLabel: string }) {
  const t = useT();
  const id = useId();
  const [state, setState] = useState<CopyState>('idle');
  const [shown, setShown] = useState(value);
  // A new value is not copied yet.
  if (shown !== value) {
    setShown(value);
    setState('idle');
  }
  const onCopy = async () => {
    const field = document.getElementById(id) as HTMLInputElement | HTMLTextAreaElement | null;
    setState((await copyText(value, field)) ? 'copied' : 'failed');
  };
  return (
    <div className="share-field">
      <label htmlFor={id}>{label}</label>
      <div className="share-copy">
        {multiline
          ? <textarea id={id} readOnly value={value} rows={3} onFocus={(e) => e.currentTarget.select()} />
          : <input id={id} readOnly value={value} onFocus={(e) => e.currentTarget.select()} />}
        <button type="button" onClick={onCopy}>{copyLabel}</button>
      </div>
      <p className={state === 'failed' ? 'share-status is-error' : 'share-status'} role="status">
        {state === 'copied' ? t('share.copied') : state === 'failed' ? t('share.copyFailed') : ''}
      </p>
    </div>
  );
}

export function ShareDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  const store = useStoreApi();
  // The state when the dialog opened: the keys do not step the page behind a dialog.
  const [state] = useState(() => store.getState());
  const session = currentSession(state.timeline);
  const [parts, setParts] = useState<readonly EmbedPart[]>(['network', 'equations']);
  const [locale, setLocale] = useState<Locale>(state.locale);
  const [atCursor, setAtCursor] = useState(true);

  const base = `${window.location.origin}${window.location.pathname}${window.location.search}`;
  const choice: ShareChoice = useMemo(() => ({
    config: state.config, locale, parts,
    cursor: atCursor ? { iteration: session.iteration, phase: session.phase } : null,
  }), [state.config, locale, parts, atCursor, session.iteration, session.phase]);
  const hasParts = parts.length > 0;
  const embedUrl = embedLink(base, choice);

  const toggle = (part: EmbedPart, isOn: boolean) =>
    setParts((now) => (isOn ? EMBED_PARTS.filter((p) => p === part || now.includes(p)) : now.filter((p) => p !== part)));

  return (
    <Modal title={t('share.title')} className="share-dialog" onClose={onClose} closesOnEscape>
      <div className="share-grid">
        <div className="share-options">
          <fieldset className="share-parts">
            <legend>{t('share.panels')}</legend>
            {EMBED_PARTS.map((part, k) => (
              <label key={part} className="share-check">
                <input type="checkbox" checked={parts.includes(part)} onChange={(e) => toggle(part, e.target.checked)} data-autofocus={k === 0 ? '' : undefined} />
                {t(`panel.${part}`)} <code>{part}</code>
              </label>
            ))}
          </fieldset>
          {!parts.includes('controls') && hasParts && <p className="share-hint">{t('share.stepBar')}</p>}
          <LanguageSelect className="share-row" label={t('share.language')} value={locale} onChange={setLocale} />
          <label className="share-check">
            <input type="checkbox" checked={atCursor} onChange={(e) => setAtCursor(e.target.checked)} />
            {t('share.atCursor', { iteration: session.iteration, phase: t(`phase.${session.phase}`) })}
          </label>
          {state.config.data.kind === 'csv' && <p className="share-hint is-warning">{t('share.csv')}</p>}
        </div>
        <div className="share-output">
          <CopyField label={t('share.link')} value={pageLink(base, choice)} copyLabel={t('share.copyLink')} />
          {hasParts
            ? <CopyField label={t('share.embed')} value={embedCode(base, choice, t('app.title'))} multiline copyLabel={t('share.copyEmbed')} />
            : <p className="share-hint is-warning" role="alert">{t('share.noParts')}</p>}
        </div>
      </div>
      {hasParts && (
        <figure className="share-preview">
          <figcaption>{t('share.preview')}</figcaption>
          <iframe src={embedUrl} title={t('share.preview')} style={{ height: Math.min(embedHeight(parts), 520) }} />
        </figure>
      )}
      <button type="button" className="help-close" onClick={onClose}>{t('controls.close')}</button>
    </Modal>
  );
}
