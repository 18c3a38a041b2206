import { useEffect, useState } from 'react';
import { useT } from '../i18n/index';
import { selectLocale, useLatestAppStore } from '../store/index';
import { App } from './App';
import { openStore, useKeptWork, type OpenedStore } from './keptWork';
import { StoreProvider } from './StoreProvider';
import { useUrlSync } from './useUrlSync';

/** <html lang> and the tab's title follow the UI language (so a screen reader reads Chinese as Chinese). */
function useDocumentLanguage() {
  const locale = useLatestAppStore(selectLocale);
  const t = useT();
  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = t('app.title');
  }, [locale, t]);
}

function Synced({ opened }: { opened: OpenedStore }) {
  const [isResumed, setResumed] = useState(opened.isResumed);
  useUrlSync();
  useKeptWork(opened);
  useDocumentLanguage();
  const startOver = () => {
    opened.store.getState().startOver();
    opened.saver?.save(opened.store.getState()); // forget the stored work now, not after the next change
    setResumed(false);
  };
  return <App onStartOver={isResumed ? startOver : undefined} />;
}

/** The app with its store, opened from the address bar and the work kept in this browser. */
export function Root() {
  const [opened] = useState(() => openStore(window.location.hash, navigator.languages ?? [navigator.language]));
  return (
    <StoreProvider store={opened.store}>
      <Synced opened={opened} />
    </StoreProvider>
  );
}
