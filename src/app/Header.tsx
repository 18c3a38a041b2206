import { useT, type Locale, type MessageKey } from '../i18n/index';
import { selectLocale, selectNotice, useAppStore, type Notice, type NoticeLine } from '../store/index';

const setLocale = (s: { setLocale: (l: Locale) => void }) => s.setLocale;
const openLessons = (s: { setLessonListOpen: (open: boolean) => void }) => s.setLessonListOpen;
const notify = (s: { notify: (n: null) => void }) => s.notify;

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** A notice in the reader's language: each translatable sentence translated, the others as they are. */
function noticeText(notice: Notice, t: Translate): string {
  const say = (l: NoticeLine) => (l.code ? t(`notice.${l.code}`, l.params) : l.message);
  return notice.lines ? notice.lines.map(say).join(t('notice.sep')) : say(notice);
}

/** Title, language switch, "Start over" (when given) and the store's notice (what just happened, or what was wrong). */
export function Header({ onStartOver }: { readonly onStartOver?: () => void }) {
  const t = useT();
  const locale = useAppStore(selectLocale);
  const changeLocale = useAppStore(setLocale);
  const notice = useAppStore(selectNotice);
  const dismiss = useAppStore(notify);
  const setLessonListOpen = useAppStore(openLessons);
  return (
    <header className="header">
      <div className="header-title">
        <h1>{t('app.title')}</h1>
        <p className="tagline">{t('app.tagline')}</p>
      </div>
      <nav className="header-nav" aria-label={t('app.nav')}>
        <a href="#studio">{t('app.nav.studio')}</a>
        <a href="#lab-setup">{t('app.nav.setup')}</a>
        <a href="#lab-race">{t('app.nav.race')}</a>
      </nav>
      <button type="button" className="control-button header-lessons" aria-haspopup="dialog" onClick={() => setLessonListOpen(true)}>
        {t('lesson.open')}
      </button>
      {onStartOver && (
        <button type="button" className="control-button header-start-over" title={t('app.startOverHint')} onClick={onStartOver}>{t('app.startOver')}</button>
      )}
      <label className="header-language">
        {t('app.language')}{' '}
        <select value={locale} onChange={(e) => changeLocale(e.target.value as Locale)}>
          <option value="en">English</option>
          <option value="zh-CN">简体中文</option>
        </select>
      </label>
      {notice && (
        <div className={`notice notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
          <span>{noticeText(notice, t)}</span>
          <button type="button" onClick={() => dismiss(null)}>{t('app.dismiss')}</button>
        </div>
      )}
    </header>
  );
}
