import { useCallback, useEffect, useLayoutEffect, useMemo, useState } from 'react';
import { useT } from '../i18n/index';
import { selectLocale, useLatestAppStore } from '../store/index';
import { endHydration, useIsHydrated } from '../views/shared/useIsHydrated';
import { App } from './App';
import { endFirstPaint, restorePrerenderedStyles } from './hydrate';
import { useKeptWork, type OpenedStore } from './keptWork';
import { StoreProvider } from './StoreProvider';
import { useUrlSync } from './useUrlSync';

/** <html lang> and the tab's title follow the UI language (so a screen reader reads Chinese as Chinese). */
function useDocumentLanguage() {
  const locale = useLatestAppStore(selectLocale);
  const t = useT();
  useEffect(() => {
    // Only a change: setting <html lang>, even to the value it has, restyles the whole page.
    if (document.documentElement.lang !== locale) document.documentElement.lang = locale;
    document.title = t('app.title');
  }, [locale, t]);
}

/**
 * Once React owns the page (hydrated, or rendered afresh), the prerender's first-paint rules end.
 * The app's outermost layout effect: it runs after every other of the first commit.
 */
function useFirstPaintEnds() {
  useLayoutEffect(() => {
    const root = document.getElementById('root');
    if (root) restorePrerenderedStyles(root);
    endFirstPaint();
    endHydration();
  }, []);
}

function Synced({ opened }: { opened: OpenedStore }) {
  const [isResumed, setResumed] = useState(opened.isResumed);
  // The prerendered page offers no "Start over"; a hydrated one that resumed stored work offers it right after.
  const isHydrated = useIsHydrated();
  useFirstPaintEnds();
  useUrlSync();
  useKeptWork(opened);
  useDocumentLanguage();
  const startOver = useCallback(() => {
    opened.store.getState().startOver();
    opened.saver?.save(opened.store.getState()); // forget the stored work now, not after the next change
    setResumed(false);
  }, [opened]);
  const canStartOver = isResumed && isHydrated;
  // The same element unless "Start over" comes or goes: this component renders again right after
  // hydrating (isHydrated flips), and a new element would render the whole app once more (~0.25 s
  // of a first load on a 4× slower CPU). Every view reads the store itself.
  return useMemo(() => <App onStartOver={canStartOver ? startOver : undefined} />, [canStartOver, startOver]);
}

/** The app with its store, opened (by main.tsx) from the address bar and the work kept in this browser. */
export function Root({ opened }: { readonly opened: OpenedStore }) {
  return (
    <StoreProvider store={opened.store}>
      <Synced opened={opened} />
    </StoreProvider>
  );
}
