/**
 * Starting the app on a page that may hold the prerendered first screen (see firstPaint.ts and
 * prerender.tsx): hydrate it when the store opens at the state it shows, else render from scratch.
 */
import { startTransition, type ReactNode } from 'react';
import { hydrateRoot, type Root } from 'react-dom/client';
import type { AppStore } from '../store/index';
import { beginHydration } from '../views/shared/useIsHydrated';
import { FIRST_PAINT_KEY, SHELL_CLASS } from './firstPaint';

/** The attribute the build gives each element whose style it moved into a stylesheet (scripts/prerender.ts). */
export const PRERENDER_STYLE_ATTRIBUTE = 'data-ps';
/** The attribute of the <link> to the stylesheet holding those styles (scripts/prerender.ts). */
export const PRERENDER_SHEET_ATTRIBUTE = 'data-prerender';

/**
 * Whether React may hydrate `container`: boot.ts showed the prerender, and the store opened at the
 * state it was rendered from, as far as the first screen shows it (settings, cursor, language,
 * no lesson). What else differs (the race's set-up, a notice) React renders right after
 * hydrating: useAppStore reads the store's initial state while hydrating (zustand's server snapshot).
 */
export function canHydrate(container: Element, store: AppStore): boolean {
  if (document.documentElement.dataset[FIRST_PAINT_KEY] !== 'prerender' || !container.firstElementChild) return false;
  const now = store.getState();
  const initial = store.getInitialState();
  return now.config === initial.config && now.timeline === initial.timeline && now.locale === initial.locale && now.lessonRun === null;
}

/**
 * The prerendered page's styles live in a stylesheet (the Content-Security-Policy refuses style
 * attributes in markup): once React owns the elements, each takes its style back as an inline
 * style set through the CSSOM (which the policy allows), as the client would have set it, so
 * React's later style updates and removals mean what they say.
 */
export function restorePrerenderedStyles(root: Element): void {
  // Not KaTeX's spans (~200 of the ~240 styled elements): React never writes inside an equation,
  // and patchHtml, which does, sets each style it writes and drops the attribute. Each CSSOM write
  // here costs ~1.5 ms in a page DevTools watches (Lighthouse), which made this ~0.2 s long.
  const styled = [...root.querySelectorAll<HTMLElement | SVGElement>(`[${PRERENDER_STYLE_ATTRIBUTE}]`)].filter((el) => !el.closest('.katex'));
  if (styled.length === 0) return;
  // Only the build's own sheet (scripts/prerender.ts marks its link): reading every rule of every
  // sheet (KaTeX's are ~1,000) cost ~12 ms of the hydrating commit at 1×, ~50 ms on a phone.
  const rules = new Map<string, string>();
  for (const owner of document.querySelectorAll<HTMLLinkElement | HTMLStyleElement>(`[${PRERENDER_SHEET_ATTRIBUTE}]`)) {
    for (const rule of owner.sheet?.cssRules ?? []) {
      const m = rule instanceof CSSStyleRule ? /^\[data-ps="(\d+)"\]$/.exec(rule.selectorText) : null;
      if (m) rules.set(m[1], (rule as CSSStyleRule).style.cssText);
    }
  }
  for (const el of styled) {
    el.style.cssText = rules.get(el.getAttribute(PRERENDER_STYLE_ATTRIBUTE) ?? '') ?? '';
    el.removeAttribute(PRERENDER_STYLE_ATTRIBUTE);
  }
}

/** The prerender is shown or replaced: the page's own CSS rules from here on. */
export function endFirstPaint(): void {
  delete document.documentElement.dataset[FIRST_PAINT_KEY];
  document.documentElement.classList.remove(SHELL_CLASS);
}

/**
 * Hydrates the prerendered page in `container`, in a transition: React's default hydration lane
 * renders the whole page in one task (~0.4 s on a phone-class CPU, all of it blocking); a
 * transition's, in slices of ~5 ms. A click meanwhile hydrates its target first and is replayed.
 */
export function hydratePage(container: Element, app: ReactNode, onRecoverableError: (error: unknown) => void): Root {
  beginHydration();
  let root: Root | null = null;
  startTransition(() => {
    root = hydrateRoot(container, app, { onRecoverableError });
  });
  return root!;
}
