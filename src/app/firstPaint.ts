/**
 * Which first paint a page load gets, decided before the page's body is parsed (by boot.ts, the
 * one script in <head>) and read again by main.tsx:
 *
 * - 'prerender': the page opens at the default state (the tutorial example, iteration 0,
 *   forward: hidden layer, in English), which the build prerendered into index.html (see
 *   prerender.tsx). It shows at once, and React hydrates it.
 * - 'shell': the page opens somewhere else: a link naming a state (or a lesson step), stored work,
 *   or 简体中文. The prerendered page would show the wrong numbers or the wrong language until the
 *   app replaced them, so it is hidden (the page's frame only: the panels' boxes, no text; see
 *   app.css) and the app renders from scratch, as it did before there was a prerender.
 *
 * Pure, and small: boot.ts is built on its own (no React, no store) and blocks the first paint
 * for as long as it takes to load and run.
 */
import { isStateLink } from '../store/linkTags';
import { localeFromLanguages } from './locale';

/** The attribute on <html> that holds the choice (data-first-paint), read by the CSS and main.tsx. */
export const FIRST_PAINT_KEY = 'firstPaint';

export type FirstPaint = 'prerender' | 'shell';

/**
 * The class boot.ts gives <html> for a 'shell' first paint, which app.css's hiding rules key on.
 * Not the choice's attribute: those rules reach every element in #root, and Chromium restyles all
 * that a rule's key reaches whenever the key changes, whatever its value. Keyed on
 * data-first-paint, ending a prerender's first paint restyled the whole page (~5 ms at 1×, ~125 ms
 * in Lighthouse's run).
 */
export const SHELL_CLASS = 'first-paint-shell';

/**
 * Stored parts that move the first screen away from the default state: the work (settings and
 * cursor) and an uploaded file (persistedParts.ts). The others (the race's set-up, lesson progress)
 * show below the first screen or in a closed dialog, and the app updates them after hydrating.
 */
const FIRST_SCREEN_PARTS = ['work', 'csv'];
/** store/persist.ts STORAGE_PREFIX, and the locale part's key (not imported: that module brings the store's types along). */
const PREFIX = 'backprop-studio/';

/** The stored language, if it is one ({"v":1,"data":"zh-CN"}, as createSaver writes it). */
function storedLocale(storage: Pick<Storage, 'getItem'>): string | null {
  try {
    const data: unknown = JSON.parse(storage.getItem(`${PREFIX}locale`) ?? 'null')?.data;
    return typeof data === 'string' ? data : null;
  } catch {
    return null;
  }
}

/**
 * The first paint for a page opened with `hash` (without '#' or with), the browser's storage
 * (null where the page may not use it) and its preferred languages.
 */
export function firstPaintFor(hash: string, storage: Pick<Storage, 'getItem'> | null, languages: readonly string[]): FirstPaint {
  if (isStateLink(hash)) return 'shell';
  const stored = storage ? storedLocale(storage) : null;
  if ((stored ?? localeFromLanguages(languages)) !== 'en') return 'shell';
  if (storage && FIRST_SCREEN_PARTS.some((key) => storage.getItem(PREFIX + key) !== null)) return 'shell';
  return 'prerender';
}
