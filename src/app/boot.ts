/**
 * The one script in <head>, built on its own into a few hundred bytes (vite.config.ts, see
 * scripts/prerender.ts): marks <html data-first-paint> before the body is parsed, so the CSS shows
 * the prerendered page only when it is the page this load will show (firstPaint.ts); and keeps
 * the keys pressed before the app listens, for it to run (earlyKeys.ts). A script file, not
 * inline: the page's Content-Security-Policy allows no inline script.
 */
import { FIRST_PAINT_KEY, firstPaintFor, SHELL_CLASS, type FirstPaint } from './firstPaint';
import { keepEarlyKeys } from '../views/Controls/earlyKeys';

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // storage turned off: nothing stored, so nothing moves the first screen
  }
}

let choice: FirstPaint = 'shell';
try {
  choice = firstPaintFor(window.location.hash, storage(), navigator.languages ?? [navigator.language]);
} catch {
  // Anything unexpected: the safe choice, the page as it was before prerendering.
}
document.documentElement.dataset[FIRST_PAINT_KEY] = choice;
if (choice === 'shell') document.documentElement.classList.add(SHELL_CLASS);
// Keys pressed before the app listens are kept for it (earlyKeys.ts).
keepEarlyKeys(window);
