/**
 * The learner's own CSV: a file picker (the keyboard's way in) inside a drop zone. The file is
 * read only when it is under 20 MB; the importer's errors are listed by line and column next
 * to the picker, and a bad file changes nothing.
 */
import { useId, useRef, useState, type DragEvent } from 'react';
import { parseCsv, type CsvIssue, type CsvIssueCode } from '../../data/csv';
import { useT, type MessageKey } from '../../i18n/index';
import { useStoreApi, type AppState } from '../../store/index';
import { adjustForData } from './pairing';

/** Largest file read, in bytes. */
export const MAX_CSV_BYTES = 20 * 2 ** 20;

type Status =
  | { readonly kind: 'idle' }
  | { readonly kind: 'reading'; readonly name: string }
  | { readonly kind: 'refused'; readonly message: string }
  | { readonly kind: 'rejected'; readonly name: string; readonly issues: readonly CsvIssue[] }
  | { readonly kind: 'loaded'; readonly name: string; readonly issues: readonly CsvIssue[] };

interface Props {
  readonly onNote: (note: MessageKey | null) => void;
}

const selectLoadCsv = (s: AppState) => s.loadCsv;

/** Codes with a message per locale; the others (bad options, internal errors) show the importer's English. */
type TranslatedCode = Exclude<CsvIssueCode, 'invalid-option' | 'internal-error'>;
const isTranslated = (code: CsvIssueCode): code is TranslatedCode => code !== 'invalid-option' && code !== 'internal-error';

export function CsvImport({ onNote }: Props) {
  const t = useT();
  const store = useStoreApi();
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [isDragging, setDragging] = useState(false);
  const latest = useRef(0);
  const inputId = useId();
  const helpId = useId();
  const statusId = useId();

  const issueText = (issue: CsvIssue) => {
    if (!isTranslated(issue.code)) return issue.message;
    const column = issue.column ?? 0;
    const max = issue.params?.max ?? 0;
    return t(`config.csvIssue.${issue.code}`, {
      message: issue.message, line: issue.line, column, text: issue.text ?? '', inputs: max - 1, ...issue.params,
    });
  };

  const load = async (file: File) => {
    const run = ++latest.current;
    if (file.size > MAX_CSV_BYTES) {
      setStatus({ kind: 'refused', message: t('config.csv.tooLarge', { name: file.name, size: (file.size / 2 ** 20).toFixed(1) }) });
      return;
    }
    setStatus({ kind: 'reading', name: file.name });
    let text: string;
    try {
      text = await file.text();
    } catch (e) {
      if (run === latest.current) setStatus({ kind: 'refused', message: t('config.csv.readFailed', { name: file.name, reason: e instanceof Error ? e.message : String(e) }) });
      return;
    }
    if (run !== latest.current) return;
    // Under softmax with cross-entropy the labels must be classes, each bad one named.
    const result = parseCsv(text, store.getState().config.loss === 'ce' ? { loss: 'ce' } : undefined);
    if (!result.ok) {
      setStatus({ kind: 'rejected', name: file.name, issues: result.errors });
      return;
    }
    // Real-valued targets need MSE (and 0/1 labels after regression get cross-entropy back),
    // switched in the same change as the data.
    const { config, built } = store.getState();
    const { patch, note } = adjustForData(config, result.dataset.task, built.dataset.task);
    if (!selectLoadCsv(store.getState())(result.dataset, file.name, patch)) {
      const reason = store.getState().notice?.message ?? '';
      setStatus({ kind: 'refused', message: t('config.csv.storeRejected', { name: file.name, reason }) });
      return;
    }
    onNote(note);
    setStatus({ kind: 'loaded', name: file.name, issues: result.warnings });
  };

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer.files[0];
    if (file) void load(file);
  };
  const onDragOver = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    if (!isDragging) setDragging(true);
  };

  const hasIssues = (status.kind === 'rejected' || status.kind === 'loaded') && status.issues.length > 0;
  return (
    <div className="cfg-csv">
      <div
        className={`cfg-drop${isDragging ? ' is-dragging' : ''}`}
        onDragEnter={onDragOver}
        onDragOver={onDragOver}
        onDragLeave={(e) => {
          if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
        }}
        onDrop={onDrop}
      >
        <span className="cfg-csv-title">{t('config.csv')}</span>
        <input
          id={inputId}
          className="cfg-file-input"
          type="file"
          accept=".csv,text/csv"
          aria-describedby={`${helpId} ${statusId}`}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void load(file);
          }}
        />
        <label htmlFor={inputId} className="cfg-file-button">{t('config.csv.choose')}</label>
        <span className="cfg-drop-text" aria-hidden="true">{t(isDragging ? 'config.csv.dropActive' : 'config.csv.drop')}</span>
        <p id={helpId} className="cfg-csv-help">{t('config.csv.help')}</p>
      </div>
      <div id={statusId} className={`cfg-csv-status cfg-csv-${status.kind}`} aria-live="polite">
        {status.kind === 'reading' && <p>{t('config.csv.reading', { name: status.name })}</p>}
        {status.kind === 'refused' && <p className="cfg-error">{status.message}</p>}
        {status.kind === 'rejected' && <p className="cfg-error">{t('config.csv.rejected', { name: status.name })}</p>}
        {status.kind === 'loaded' && <p>{t(hasIssues ? 'config.csv.loadedWarnings' : 'config.csv.loaded', { name: status.name })}</p>}
        {hasIssues && (
          <ul className={status.kind === 'rejected' ? 'cfg-issues cfg-issues-error' : 'cfg-issues'}>
            {status.issues.map((issue, k) => <li key={k}>{issueText(issue)}</li>)}
          </ul>
        )}
      </div>
    </div>
  );
}
