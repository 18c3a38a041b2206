/**
 * The keyboard help: a modal dialog. Focus moves into it on open, Tab stays inside, and on
 * close focus returns to whatever had it before (the ? button, or the page for the ? key).
 * Escape and ? close it through the document shortcuts (useShortcuts).
 */
import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import { useT } from '../../i18n/index';
import { useAppStore, useStoreApi } from '../../store/index';
import { activeBindings, type KeyBinding } from './keymap';

/** Escape is not in the keymap (it closes whatever is open), but the list says it. */
const ESCAPE: Pick<KeyBinding, 'labels' | 'help'> = { labels: ['Esc'], help: 'controls.key.escape' };
const selectMode = (s: { mode: string }) => s.mode;

export function HelpDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  const store = useStoreApi();
  useAppStore(selectMode); // the list follows the layout's keys
  const bindings = [...activeBindings(store.getState()), ESCAPE];
  const titleId = useId();
  const dialogRef = useRef<HTMLDivElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    closeRef.current?.focus();
    return () => {
      if (previous && previous.isConnected) previous.focus();
    };
  }, []);

  const trapTab = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'Tab' || !dialogRef.current) return;
    const focusable = dialogRef.current.querySelectorAll<HTMLElement>('button, [href], input, select, textarea, [tabindex]:not([tabindex="-1"])');
    if (focusable.length === 0) return;
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };

  return createPortal(
    <div className="help-backdrop" onPointerDown={(e) => e.target === e.currentTarget && onClose()}>
      <div ref={dialogRef} className="help-dialog" role="dialog" aria-modal="true" aria-labelledby={titleId} onKeyDown={trapTab}>
        <h2 id={titleId}>{t('controls.helpTitle')}</h2>
        <dl className="help-keys">
          {bindings.map(({ labels, help }) => (
            <div key={help}>
              <dt>{labels.map((k) => (typeof k === 'string' ? <kbd key={k}>{k}</kbd> : <kbd key={k.message}>{t(k.message)}</kbd>))}</dt>
              <dd>{t(help)}</dd>
            </div>
          ))}
        </dl>
        <p className="help-note">{t('controls.key.chart')}</p>
        <p className="help-note">{t('controls.key.note')}</p>
        <button ref={closeRef} type="button" className="help-close" onClick={onClose}>{t('controls.close')}</button>
      </div>
    </div>,
    document.body,
  );
}
