import { StrictMode, startTransition } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import 'katex/dist/katex.min.css';
import './app/app.css';
import { canHydrate } from './app/hydrate';
import { openStore } from './app/keptWork';
import { Root } from './app/Root';
import { beginHydration } from './views/shared/useIsHydrated';

const container = document.getElementById('root')!;
const opened = openStore(window.location.hash, navigator.languages ?? [navigator.language]);
const app = (
  <StrictMode>
    <Root opened={opened} />
  </StrictMode>
);
if (canHydrate(container, opened.store)) {
  // In a transition, so that React hydrates in slices of ~5 ms and the page stays responsive: its
  // default lane hydrates in one task (~0.4 s on a phone-class CPU, all of it blocking). A click
  // meanwhile hydrates its target first and is replayed. A mismatch means the prerender and the
  // app disagree (a bug): say so loudly, React re-renders.
  beginHydration();
  startTransition(() => {
    hydrateRoot(container, app, { onRecoverableError: (e) => console.error('Hydration mismatch:', e) });
  });
} else {
  createRoot(container).render(app);
}

// Offline once loaded (public/sw.js). Not in development, where Vite serves modules unbundled.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('./sw.js').catch((e: unknown) => console.warn('Offline use is unavailable:', e));
  });
}
