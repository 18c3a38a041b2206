/**
 * "Save session" and "Open session…": the studio's state at the cursor as a file, and back.
 * The store reads and checks the file (openSession); a file that is not a session changes
 * nothing, and the store's message (which field, what was expected) is repeated here, next to
 * the button that was pressed, since the page's notice may be scrolled out of view.
 */
import { useId, useRef, useState } from 'react';
import { useT } from '../../i18n/index';
import { handoutName, selectConfig, selectIteration, sessionText, useAppStore, useStoreApi } from '../../store/index';
import { downloadText } from '../shared/download';
import { DownloadIcon } from '../shared/ExportButtons';

type Status =
  | { readonly kind: 'idle' }
  | { readonly kind: 'busy'; readonly text: string }
  | { readonly kind: 'done'; readonly text: string }
  | { readonly kind: 'error'; readonly text: string };

export function SessionFile() {
  const t = useT();
  const store = useStoreApi();
  const config = useAppStore(selectConfig);
  const iteration = useAppStore(selectIteration);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const latest = useRef(0);
  const inputId = useId();
  const helpId = useId();
  const statusId = useId();
  const fileName = handoutName(config, { kind: 'session', iteration });

  const save = () => {
    downloadText(sessionText(store.getState()), fileName, 'application/json');
    setStatus({ kind: 'done', text: t('session.saved', { file: fileName }) });
  };

  const open = async (file: File) => {
    const run = ++latest.current;
    setStatus({ kind: 'busy', text: t('session.reading', { name: file.name }) });
    const problem = await store.getState().openSession(file);
    if (run !== latest.current) return;
    const { notice } = store.getState();
    const text = notice?.code ? t(`notice.${notice.code}`, notice.params) : (notice?.message ?? '');
    setStatus({ kind: problem ? 'error' : 'done', text });
  };

  return (
    <fieldset className="cfg-group cfg-session">
      <legend>{t('session.title')}</legend>
      <p id={helpId} className="cfg-session-help">{t('session.help')}</p>
      <div className="cfg-session-buttons">
        <button type="button" className="cfg-file-button" onClick={save} title={fileName}
          aria-label={t('session.saveLabel', { file: fileName })} aria-describedby={helpId}>
          <DownloadIcon /> {t('session.save')}
        </button>
        <input
          id={inputId} className="cfg-file-input" type="file" accept=".json,application/json" aria-describedby={`${helpId} ${statusId}`}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void open(file);
          }}
        />
        <label htmlFor={inputId} className="cfg-file-button">{t('session.open')}</label>
      </div>
      <p id={statusId} className={`cfg-session-status${status.kind === 'error' ? ' cfg-error' : ''}`} aria-live="polite">
        {status.kind === 'idle' ? '' : status.text}
      </p>
    </fieldset>
  );
}
