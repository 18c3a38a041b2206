/** The message lookup: useT() returns t(key, params) in the store's locale. */
import { useCallback } from 'react';
import { selectLocale, useLatestAppStore } from '../store/index';
import { CATALOG, type Locale, type MessageKey } from './catalog';
import { interpolate } from './define';

export type { Locale, MessageKey } from './catalog';

/** The message for key in locale (English when missing), with {placeholders} filled. */
export function translate(locale: Locale, key: MessageKey, params?: Record<string, string | number>): string {
  return interpolate(CATALOG[locale][key] ?? CATALOG.en[key] ?? key, params);
}

/**
 * t(key, params) in the current locale. Always the store's latest locale, even in deferred views
 * (see DeferUpdates): a language switch is rare, and this way the many components that only
 * translate don't re-render with every deferred snapshot.
 */
export function useT(): (key: MessageKey, params?: Record<string, string | number>) => string {
  const locale = useLatestAppStore(selectLocale);
  return useCallback((key, params) => translate(locale, key, params), [locale]);
}
