import { useT, type Locale } from '../i18n/index';
import { selectLocale, selectNotice, useAppStore } from '../store/index';

const setLocale = (s: { setLocale: (l: Locale) => void }) => s.setLocale;
const openLessons = (s: { setLessonListOpen: (open: boolean) => void }) => s.setLessonListOpen;
const notify = (s: { notify: (n: null) => void }) => s.notify;

/** Title, language switch and the store's notice (what just happened, or what was wrong). */
export function Header() {
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
      <label className="header-language">
        {t('app.language')}{' '}
        <select value={locale} onChange={(e) => changeLocale(e.target.value as Locale)}>
          <option value="en">English</option>
          <option value="zh-CN">简体中文</option>
        </select>
      </label>
      {notice && (
        <div className={`notice notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
          <span>{notice.code ? t(`notice.${notice.code}`, notice.params) : notice.message}</span>
          <button type="button" onClick={() => dismiss(null)}>{t('app.dismiss')}</button>
        </div>
      )}
    </header>
  );
}
