/**
 * The first screen rendered outside the browser, at build time (scripts/prerender.ts puts it in
 * index.html): the default state (the tutorial example, iteration 0, forward: hidden layer,
 * English), which is deterministic, with the equations typeset by KaTeX here rather than in the
 * browser. main.tsx hydrates it (hydrate.ts) when the page opens at that state.
 */
import { StrictMode } from 'react';
import { prerender } from 'react-dom/static';
import { createAppStore } from '../store/index';
import { TypesetContext } from '../views/EquationPanel';
import { renderTex } from '../viz/equationsKatex';
import type { OpenedStore } from './keptWork';
import { Root } from './Root';
import { asOnServer } from '../views/shared/useIsHydrated';

/**
 * The store a first visit opens in English with nothing stored and no link: what openStore
 * (keptWork.ts) gives, less the browser's parts (storage, the training worker).
 */
function defaultOpened(): OpenedStore {
  return { store: createAppStore({ locale: 'en' }), saver: null, isResumed: false, said: new Set() };
}

/**
 * The app's HTML for the default state, as <div id="root"> holds it (the panels below the first
 * screen as empty boxes: lazyPanels.tsx). Nothing may suspend: React would write a suspended part
 * in a hidden block moved into place by an inline script, which the page's policy refuses.
 */
export async function renderFirstScreen(): Promise<string> {
  const { prelude } = await asOnServer(() => prerender(
    <StrictMode>
      <TypesetContext.Provider value={renderTex}>
        <Root opened={defaultOpened()} />
      </TypesetContext.Provider>
    </StrictMode>,
    // Never outline a finished panel to stream it later (React does past 12,800 bytes): the page is written whole.
    { progressiveChunkSize: Number.POSITIVE_INFINITY },
  ));
  const html = await new Response(prelude).text();
  if (/<script\b|<template\b/i.test(html)) throw new Error('prerender: a part of the page still suspended (an inline script or template in the markup)');
  return html;
}
