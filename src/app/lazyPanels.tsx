/**
 * The panels below the first screen, each in a chunk of its own and rendered only in the browser,
 * once the page is up. Why: the first screen's script is then only what it shows (issue 12:
 * ≤ 200 KB gzipped), and the prerendered page (prerender.tsx) holds the first screen alone —
 * these panels were more than half of its elements (the data view's 300 points, the code, the
 * lab), which the browser had to parse and style before its first paint on a slow phone.
 * The prerender and the hydrating page show an empty panel in each one's place; right after
 * hydrating (or at once, on a page rendered from scratch) the panel's chunk loads and replaces it.
 * The lesson player and list too: nothing of them shows until a lesson is opened.
 *
 * The panels mount one at a time (nextTurn: each once the last one has painted and the browser is
 * idle), while their chunks load together: mounted together they were one commit of ~240
 * components, the longest task of a first load (the data view's boundary, the code's lines),
 * which a first key press on a slow phone waited for.
 */
import { lazy, Suspense, useEffect, type ComponentType, type ReactNode } from 'react';
import { nextTurn } from '../store/index';
import { useIsHydrated } from '../views/shared/useIsHydrated';

/** Where a panel will be: its box at about its height (app.css), busy, nothing in it yet. */
const PANEL_PLACEHOLDER = <section className="panel panel-placeholder" aria-busy="true" />;

/** `Component`, ending its mounting turn once committed. */
function mountedInTurn(Component: ComponentType, done: () => void): ComponentType {
  return function MountedInTurn() {
    useEffect(() => done(), []);
    return <Component />;
  };
}

export function browserOnly(load: () => Promise<ComponentType>, placeholder: ReactNode = PANEL_PLACEHOLDER, waitsForTurn = true): ComponentType {
  const Panel = lazy(async () => {
    const [component, done] = await Promise.all([load(), waitsForTurn ? nextTurn() : null]);
    return { default: done ? mountedInTurn(component, done) : component };
  });
  return function BrowserOnlyPanel() {
    // The Suspense boundary comes with the panel, in the transition that flips isHydrated: new in
    // it, it shows its placeholder while the chunk loads, and each panel commits when its own
    // chunk (and turn) comes, not when all of them have.
    return useIsHydrated() ? <Suspense fallback={placeholder}><Panel /></Suspense> : placeholder;
  };
}

export const MatrixPanel = browserOnly(() => import('../views/MatrixPanel').then((m) => m.MatrixPanel));
export const LossChart = browserOnly(() => import('../views/LossChart').then((m) => m.LossChart));
export const CodePanel = browserOnly(() => import('../views/CodePanel').then((m) => m.CodePanel));
export const DataView = browserOnly(() => import('../views/DataView').then((m) => m.DataView));
export const ConfigPanel = browserOnly(() => import('../views/ConfigPanel').then((m) => m.ConfigPanel));
export const RaceView = browserOnly(() => import('../views/RaceView').then((m) => m.RaceView));
// Opened by the reader, not mounted as the page loads: no turn to wait for.
export const LessonPlayer = browserOnly(() => import('../views/LessonPlayer').then((m) => m.LessonPlayer), null, false);
export const LessonList = browserOnly(() => import('../views/LessonPlayer').then((m) => m.LessonList), null, false);
