/**
 * The panels below the first screen, each in a chunk of its own and rendered only in the browser,
 * once the page is up. Why: the first screen's script is then only what it shows (issue 12:
 * ≤ 200 KB gzipped), and the prerendered page (prerender.tsx) holds the first screen alone —
 * these panels were more than half of its elements (the data view's 300 points, the code, the
 * lab), which the browser had to parse and style before its first paint on a slow phone.
 * The prerender and the hydrating page show an empty panel in each one's place; right after
 * hydrating (or at once, on a page rendered from scratch) the panel's chunk loads and replaces it.
 * The lesson player and list too: nothing of them shows until a lesson is opened.
 */
import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { useIsHydrated } from '../views/shared/useIsHydrated';

/** Where a panel will be: its box at about its height (app.css), busy, nothing in it yet. */
const PANEL_PLACEHOLDER = <section className="panel panel-placeholder" aria-busy="true" />;

function browserOnly(load: () => Promise<ComponentType>, placeholder: ReactNode = PANEL_PLACEHOLDER): ComponentType {
  const Panel = lazy(() => load().then((component) => ({ default: component })));
  return function BrowserOnlyPanel() {
    const isHydrated = useIsHydrated();
    return <Suspense fallback={placeholder}>{isHydrated ? <Panel /> : placeholder}</Suspense>;
  };
}

export const MatrixPanel = browserOnly(() => import('../views/MatrixPanel').then((m) => m.MatrixPanel));
export const LossChart = browserOnly(() => import('../views/LossChart').then((m) => m.LossChart));
export const CodePanel = browserOnly(() => import('../views/CodePanel').then((m) => m.CodePanel));
export const DataView = browserOnly(() => import('../views/DataView').then((m) => m.DataView));
export const ConfigPanel = browserOnly(() => import('../views/ConfigPanel').then((m) => m.ConfigPanel));
export const RaceView = browserOnly(() => import('../views/RaceView').then((m) => m.RaceView));
export const LessonPlayer = browserOnly(() => import('../views/LessonPlayer').then((m) => m.LessonPlayer), null);
export const LessonList = browserOnly(() => import('../views/LessonPlayer').then((m) => m.LessonList), null);
