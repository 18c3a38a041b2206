/**
 * The keyboard help: a modal dialog. Focus moves into it on open, Tab stays inside, and on
 * close focus returns to whatever had it before (the ? button, or the page for the ? key).
 * Escape and ? close it through the document shortcuts (useShortcuts).
 */
import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import { useT, type MessageKey } from '../../i18n/index';

const KEYS: readonly { keys: readonly string[]; text: MessageKey }[] = [
  { keys: ['→'], text: 'controls.key.right' },
  { keys: ['←'], text: 'controls.key.left' },
  { keys: ['controls.spaceKey'], text: 'controls.key.space' },
  { keys: ['R'], text: 'controls.key.reset' },
  { keys: ['?'], text: 'controls.key.help' },
  { keys: ['Esc'], text: 'controls.key.escape' },
];

export function HelpDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
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
          {KEYS.map(({ keys, text }) => (
            <div key={text}>
              <dt>{keys.map((k) => <kbd key={k}>{k.startsWith('controls.') ? t(k as MessageKey) : k}</kbd>)}</dt>
              <dd>{t(text)}</dd>
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
