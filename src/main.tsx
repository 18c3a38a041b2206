import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'katex/dist/katex.min.css';
import './app/app.css';
import { canHydrate, hydratePage } from './app/hydrate';
import { openStore } from './app/keptWork';
import { Root } from './app/Root';

/**
 * Evaluating the modules, opening the store and starting React each get a task of their own: with
 * the CPU slowed 4× they were one task of 0.3–0.5 s, and a tap waited for all of it. The
 * prerendered page is on screen meanwhile, and a key pressed is kept (boot.ts).
 */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

async function start() {
  await nextTask();
  const container = document.getElementById('root')!;
  const opened = openStore(window.location.hash, navigator.languages ?? [navigator.language]);
  const app = (
    <StrictMode>
      <Root opened={opened} />
    </StrictMode>
  );
  await nextTask();
  if (canHydrate(container, opened.store)) {
    // A mismatch means the prerender and the app disagree (a bug): say so loudly, React re-renders.
    hydratePage(container, app, (e) => console.error('Hydration mismatch:', e));
  } else {
    createRoot(container).render(app);
  }
}
void start();

// Offline once loaded (public/sw.js). Not in development, where Vite serves modules unbundled.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('./sw.js').catch((e: unknown) => console.warn('Offline use is unavailable:', e));
  });
}
