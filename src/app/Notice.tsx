import { useT, type MessageKey } from '../i18n/index';
import { selectNotice, useAppStore, type AppState, type Notice as NoticeValue, type NoticeLine } from '../store/index';

const selectNotify = (s: AppState) => s.notify;

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** A notice in the reader's language: each translatable sentence translated, the others as they are. */
function noticeText(notice: NoticeValue, t: Translate): string {
  const say = (l: NoticeLine) => (l.code ? t(`notice.${l.code}`, l.params) : l.message);
  return notice.lines ? notice.lines.map(say).join(t('notice.sep')) : say(notice);
}

/** The store's notice (what just happened, or what was wrong), with a Dismiss button; nothing when there is none. Every layout shows it. */
export function Notice() {
  const t = useT();
  const notice = useAppStore(selectNotice);
  const notify = useAppStore(selectNotify);
  if (!notice) return null;
  return (
    <div className={`notice notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
      <span>{noticeText(notice, t)}</span>
      <button type="button" onClick={() => notify(null)}>{t('app.dismiss')}</button>
    </div>
  );
}
