// @vitest-environment jsdom
/**
 * The prerendered first screen (src/app/prerender.tsx) hydrates without a single mismatch: React's
 * development build compares every element, attribute and text with what the app renders, and
 * warns on any difference (the production build the e2e tests load checks text only).
 */
import { StrictMode } from 'react';
import { act } from '@testing-library/react';
import type { Root as ReactRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openStore } from '../../src/app/keptWork';
import { renderFirstScreen } from '../../src/app/prerender';
import { Root } from '../../src/app/Root';
import { canHydrate, hydratePage } from '../../src/app/hydrate';
import { PARTS } from '../../src/store/persistedParts';
import { STORAGE_PREFIX, createSaver } from '../../src/store/persist';
import { createAppStore } from '../../src/store/index';
import { formatValue } from '../../src/viz/color';
import tutorial from '../fixtures/tutorial.json';

const memoryStorage = () => {
  const map = new Map<string, string>();
  return { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v), removeItem: (k: string) => void map.delete(k) };
};

let root: ReactRoot | null = null;
afterEach(() => {
  act(() => root?.unmount());
  root = null;
  document.body.innerHTML = '';
  delete document.documentElement.dataset.firstPaint;
});

describe('the prerendered first screen', () => {
  it('shows the default state: the diagram\'s numbers, the typeset equations, the controls', async () => {
    const html = await renderFirstScreen();
    // Tutorial example, iteration 0, forward: hidden layer; sample 1's x and hidden a (NumPy's seed-1 data, tests/fixtures/tutorial.json).
    // Sample 1's inputs and hidden activations, as NumPy computes them (tests/fixtures/tutorial.json),
    // shown at 4 decimals on the diagram and in the equations.
    const text = html.replace(/<[^>]+>/g, ' ').replace(/&[a-z#0-9]+;/g, ' ');
    const shown = (v: number) => formatValue(v).replace('-', '−');
    for (const v of [tutorial.X[0][0], tutorial.X[1][0], ...tutorial.iteration0.A1.map((row) => row[0])]) expect(text).toContain(shown(v));
    expect(html).toContain('Iteration 0');
    expect(html).toMatch(/Step forward/);
    expect(html).toContain('class="katex"');
    expect(html).toContain('<annotation encoding="application/x-tex">');
    expect(html).not.toMatch(/<script\b|<template\b/);
  }, 60_000);

  async function hydrate(storage: ReturnType<typeof memoryStorage>) {
    const html = await renderFirstScreen();
    document.body.innerHTML = `<div id="root">${html}</div>`;
    document.documentElement.dataset.firstPaint = 'prerender';
    const container = document.getElementById('root')!;
    const opened = openStore('', ['en-US'], storage);
    expect(canHydrate(container, opened.store)).toBe(true);
    const errors: unknown[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((...args) => void errors.push(args.map(String).join(' ')));
    try {
      await act(async () => {
        root = hydratePage(container, <StrictMode><Root opened={opened} /></StrictMode>, (e) => errors.push(e));
      });
      await act(() => new Promise((r) => setTimeout(r, 200)));
    } finally {
      spy.mockRestore();
    }
    // Rendering on the server and hydrating in one process makes React's development build note
    // that two renderers used the same context: an artefact of this test, never of a page.
    expect(errors.filter((e) => !/multiple renderers concurrently rendering the same context/.test(String(e)))).toEqual([]);
    // React owns the page now: the first-paint mark is gone.
    expect(document.documentElement.dataset.firstPaint).toBeUndefined();
    expect(container.querySelector('.controls-status')?.textContent).toMatch(/^Iteration 0/);
    return container;
  }

  it('hydrates with no mismatch warning and no recoverable error', async () => {
    const container = await hydrate(memoryStorage());
    expect([...container.querySelectorAll('button')].some((b) => b.textContent === 'Start over')).toBe(false);
  }, 60_000);

  it('hydrates a return visit too, then offers "Start over" for the stored race', async () => {
    const storage = memoryStorage();
    // A first visit that edited the race (below the first screen): kept, and "work" that Start over forgets.
    const first = createAppStore();
    first.getState().setRaceSetup({ lanes: [{ key: 1, choice: 'sgd', lr: '0.1', hypers: {} }, { key: 2, choice: 'adam', lr: '0.01', hypers: {} }], iterations: '500', target: '' });
    createSaver(PARTS, storage).save(first.getState());
    expect(storage.getItem(`${STORAGE_PREFIX}race`)).not.toBeNull();
    const container = await hydrate(storage);
    expect([...container.querySelectorAll('button')].some((b) => b.textContent === 'Start over')).toBe(true);
  }, 60_000);

  it('is not hydrated when the store opens at stored work', () => {
    document.body.innerHTML = '<div id="root"><div class="app"></div></div>';
    document.documentElement.dataset.firstPaint = 'prerender';
    const storage = memoryStorage();
    storage.setItem(`${STORAGE_PREFIX}work`, JSON.stringify({ v: PARTS.find((p) => p.key === 'work')!.version, data: { link: 'data=xor', iteration: 2, phase: 'loss', csv: null } }));
    const opened = openStore('', ['en-US'], storage);
    expect(canHydrate(document.getElementById('root')!, opened.store)).toBe(false);
  });
});
