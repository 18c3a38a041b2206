/**
 * KaTeX on demand. The first screen arrives typeset (the build prerenders it with KaTeX, see
 * src/app/prerender.tsx), so the page's first script does not need KaTeX (~85 KB gzipped) at all:
 * it loads right after the page is up, for the equations of the next step. Until it has loaded,
 * a line keeps what the page was served with (or stays empty, on a page that was not prerendered).
 */
import { createContext, useContext, useEffect, useState } from 'react';

/** TeX → KaTeX's HTML. */
export type Typeset = (tex: string) => string;

/**
 * The typesetter once loaded, and the one load in flight. Module-level like the memo it wraps
 * (viz/equationsKatex.ts): code loaded once per page, not app state.
 */
let loaded: Typeset | null = null;
let loading: Promise<Typeset> | null = null;

/** Loads KaTeX (once) and resolves to the typesetter. */
export function loadTypesetter(): Promise<Typeset> {
  loading ??= import('../../viz/equationsKatex').then((m) => (loaded = m.renderTex));
  return loading;
}

/** A typesetter that works at once, for rendering outside the browser (the build's prerender). */
export const TypesetContext = createContext<Typeset | null>(null);

/** The typesetter, or null while KaTeX loads (the component renders again when it has). */
export function useTypesetter(): Typeset | null {
  const given = useContext(TypesetContext);
  const [typeset, setTypeset] = useState<Typeset | null>(() => loaded);
  useEffect(() => {
    if (given || typeset) return;
    let isCurrent = true;
    loadTypesetter().then((t) => isCurrent && setTypeset(() => t), (e: unknown) => console.error('The equations cannot be typeset:', e));
    return () => {
      isCurrent = false;
    };
  }, [given, typeset]);
  return given ?? typeset;
}
