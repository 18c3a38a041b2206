import { useState } from 'react';
import { useT, type Locale } from '../i18n/index';
import { selectLocale, useAppStore, useStoreApi } from '../store/index';
import { LanguageSelect } from './LanguageSelect';
import { startPresenting, type PageCommands } from '../views/Controls';
import { Notice } from './Notice';
import { ShareDialog } from './ShareDialog';

const setLocale = (s: { setLocale: (l: Locale) => void }) => s.setLocale;
const openLessons = (s: { setLessonListOpen: (open: boolean) => void }) => s.setLessonListOpen;

/**
 * Title, Lessons, Present, Share / embed, "Start over" (when given), the language switch and the
 * store's notice (what just happened, or what was wrong).
 */
export function Header({ page, onStartOver }: { readonly page: PageCommands; readonly onStartOver?: () => void }) {
  const t = useT();
  const store = useStoreApi();
  const locale = useAppStore(selectLocale);
  const changeLocale = useAppStore(setLocale);
  const setLessonListOpen = useAppStore(openLessons);
  const [isSharing, setSharing] = useState(false);
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
      {/* One group, so that on a narrow window it wraps as a whole and stays on the right. */}
      <div className="header-actions">
        <button type="button" className="control-button header-lessons" aria-haspopup="dialog" onClick={() => setLessonListOpen(true)}>
          {t('lesson.open')}
        </button>
        <button type="button" className="control-button header-present" title={t('present.buttonTitle')} onClick={() => startPresenting(store.getState(), page)}>
          {t('present.button')}
        </button>
        <button type="button" className="control-button header-share" aria-haspopup="dialog" onClick={() => setSharing(true)}>
          {t('share.button')}
        </button>
        {onStartOver && (
          <button type="button" className="control-button header-start-over" title={t('app.startOverHint')} onClick={onStartOver}>{t('app.startOver')}</button>
        )}
        <LanguageSelect className="header-language" label={t('app.language')} value={locale} onChange={changeLocale} />
      </div>
      <Notice />
      {isSharing && <ShareDialog onClose={() => setSharing(false)} />}
    </header>
  );
}
