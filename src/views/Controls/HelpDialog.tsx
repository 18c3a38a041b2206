/** The keyboard help: every key that applies now, read from the one keymap. Escape and ? close it (useShortcuts). */
import { useT } from '../../i18n/index';
import { useAppStore, useStoreApi, type AppState } from '../../store/index';
import { Modal } from '../shared/Modal';
import { activeBindings, type KeyBinding } from './keymap';

/** Escape is not in the keymap (it closes whatever is open), but the list says it. */
const ESCAPE: Pick<KeyBinding, 'labels' | 'help'> = { labels: ['Esc'], help: 'controls.key.escape' };
const selectMode = (s: AppState) => s.mode;
const selectLessonRun = (s: AppState) => s.lessonRun;

export function HelpDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  const store = useStoreApi();
  // The list follows the layout and the lesson, whose keys come and go.
  useAppStore(selectMode);
  useAppStore(selectLessonRun);
  const bindings = [...activeBindings(store.getState()), ESCAPE];
  return (
    <Modal title={t('controls.helpTitle')} onClose={onClose}>
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
      <button type="button" className="help-close" onClick={onClose}>{t('controls.close')}</button>
    </Modal>
  );
}
