/**
 * The first screen is in the built index.html (the build prerenders the default state; see
 * src/app/prerender.tsx): it paints before any script runs, and React hydrates it without a
 * mismatch. A load that opens elsewhere (a link, 简体中文) paints only the page's frame first.
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ARTIFACTS, LAPTOP, chromiumPath, collectErrors, launch, openPage, ownedByReact, reportCspViolations } from './browser';
import { formatValue } from '../../src/viz/color';
import { fitDiagram } from '../../src/viz/network';
import tutorial from '../fixtures/tutorial.json';


/**
 * What the first screen says: the controls, the diagram and the equations (KaTeX's TeX included).
 * Not the prerendered drawing for another screen size (display: none until the page is measured).
 */
const firstScreenText = (page: Page) => page.evaluate(() =>
  ['.controls-status', '.studio-network', '.studio-equations'].map((sel) => {
    const root = document.querySelector(sel);
    if (!root) return `(no ${sel})`;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    let text = '';
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const drawing = node.parentElement?.closest('.network-stage-inner');
      if (!drawing || getComputedStyle(drawing).display !== 'none') text += node.textContent;
    }
    return text.replace(/\s+/g, ' ').trim();
  }));

/** The studio's diagram as the page has measured it: one drawing, its width (viewBox) the one fitDiagram gives its box. */
const measuredDrawing = (page: Page) => page.waitForFunction(() => {
  const drawings = document.querySelectorAll('.network-stage-inner');
  return drawings.length === 1 && !drawings[0].className.includes('is-for-');
}, undefined, { timeout: 60_000 }).then(() => page.evaluate(() => ({
  box: Math.floor(document.querySelector('.network-stage')?.clientWidth ?? 0),
  drawn: Number(document.querySelector('.network-svg')?.getAttribute('viewBox')?.split(' ')[2]),
})));

/** Each KaTeX equation's TeX source in the equation panel, in order. */
const equationSources = (page: Page) => page.evaluate(() =>
  [...document.querySelectorAll('.equation-panel .eq-phase-body:not(.is-hidden) annotation[encoding="application/x-tex"]')].map((a) => a.textContent));

/** A page with every script blocked but the first-paint choice in <head>: the frame painted before the app runs. */
async function beforeScripts(browser: Browser, hash: string, locale: string) {
  const context = await browser.newContext({ viewport: LAPTOP, locale });
  await reportCspViolations(context);
  const page = await context.newPage();
  const errors = collectErrors(page);
  await page.route(/\.js$/, (route) => (/\/assets\/boot-[^/]+\.js$/.test(route.request().url()) ? route.continue() : route.abort()));
  await page.goto(`${inject('baseURL')}${hash}`, { waitUntil: 'load' });
  return { page, errors: () => errors.filter((e) => !e.startsWith('Failed to load resource')) };
}

describe.skipIf(!chromiumPath())('the prerendered first screen, in Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('index.html holds the default state: the diagram\'s numbers from NumPy and the typeset equations, and no style attribute or inline script', async () => {
    const html = await (await fetch(`${inject('baseURL')}`)).text();
    const root = html.slice(html.indexOf('<div id="root">'));
    const text = root.replace(/<[^>]+>/g, ' ');
    // Sample 1's inputs and hidden activations (tests/fixtures/tutorial.json, NumPy), at 4 decimals.
    for (const v of [tutorial.X[0][0], tutorial.X[1][0], ...tutorial.iteration0.A1.map((row) => row[0])]) expect(text).toContain(formatValue(v));
    expect(root).toContain('class="katex"');
    expect(text).toContain('Iteration 0');
    // The stylesheets, which the first paint waits for, are asked for before any script or font.
    expect(html.indexOf('<link rel="stylesheet"')).toBeLessThan(html.search(/<script\b|rel="preload"|rel="modulepreload"/));
    // The Content-Security-Policy would refuse both.
    expect(html).not.toMatch(/ style="/);
    expect(html.match(/<script\b[^>]*>/g)?.every((tag) => / src="/.test(tag))).toBe(true);
  });

  it('paints the prerender before any script runs, then hydrates to the same page with no mismatch and no CSP violation', async () => {
    const served = await beforeScripts(browser, '', 'en-US');
    expect(await served.page.evaluate(() => document.documentElement.dataset.firstPaint)).toBe('prerender');
    const servedText = await firstScreenText(served.page);
    const servedTex = await equationSources(served.page);
    expect(servedText[0]).toMatch(/^Iteration 0/);
    expect(servedTex.length).toBeGreaterThan(3);
    mkdirSync(ARTIFACTS, { recursive: true });
    await served.page.screenshot({ path: `${ARTIFACTS}/prerender-before-scripts.png` });
    expect(served.errors()).toEqual([]);
    await served.page.context().close();

    const { page, errors } = await openPage(browser, LAPTOP);
    await ownedByReact(page);
    expect(await firstScreenText(page)).toEqual(servedText);
    expect(await equationSources(page)).toEqual(servedTex);
    // The same state rendered from scratch (a link to it paints the shell and renders afresh) says the same.
    const fresh = await openPage(browser, LAPTOP, '#it=0');
    await ownedByReact(fresh.page);
    await expect.poll(() => equationSources(fresh.page)).toEqual(servedTex);
    expect(await firstScreenText(fresh.page)).toEqual(servedText);
    expect(fresh.errors).toEqual([]);
    await fresh.page.context().close();

    // Stepping works and typesets (KaTeX arrives after the first paint), and back shows the served numbers again.
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByTestId('phase-announcer').textContent()).toBe('Iteration 0, Forward: output layer.');
    await expect.poll(async () => (await equationSources(page)).join(' ')).toMatch(/z\^\{\[2\]\}|Z\^\{\[2\]\}/);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => equationSources(page)).toEqual(servedTex);
    await expect.poll(() => page.locator('.eq-math.is-stale').count()).toBe(0);
    // Hydration mismatches are console errors (main.tsx), as are CSP violations.
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('a key pressed on the prerendered page before the app has started is kept and run once the app listens', async () => {
    const context = await browser.newContext({ viewport: LAPTOP });
    const page = await context.newPage();
    const errors = collectErrors(page);
    // The app's script is held until the key has been pressed: the key surely comes first.
    let release = () => {};
    const pressed = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/assets\/index-[^/]+\.js$/, async (route) => {
      await pressed;
      await route.continue();
    });
    await page.goto(`${inject('baseURL')}`, { waitUntil: 'commit' });
    await page.locator('.controls-status').waitFor();
    expect(await page.evaluate(() => document.documentElement.dataset.firstPaint)).toBe('prerender');
    await page.keyboard.press('ArrowRight');
    release();
    await ownedByReact(page);
    // One step, not none and not two.
    await expect.poll(() => page.getByTestId('phase-announcer').textContent()).toBe('Iteration 0, Forward: output layer.');
    expect(await page.locator('.controls-status').textContent()).toMatch(/Forward: output layer/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('nothing on the first screen moves as the page loads and hydrates (layout shift under 0.01), at laptop and phone sizes', async () => {
    for (const viewport of [{ width: 1350, height: 940 }, { width: 412, height: 823 }]) {
      const context = await browser.newContext({ viewport });
      await context.addInitScript(() => {
        const w = window as unknown as { __shift: number };
        w.__shift = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) if (!e.hadRecentInput) w.__shift += e.value;
        }).observe({ type: 'layout-shift', buffered: true });
      });
      const page = await context.newPage();
      await page.goto(`${inject('baseURL')}`);
      await ownedByReact(page);
      // The moments that moved things: the first frames (the panels' guessed heights), the diagram
      // drawn for its measured box, the matrices panel replacing its placeholder.
      const { box, drawn } = await measuredDrawing(page);
      expect(drawn).toBe(fitDiagram(box, null, () => 0, null).width);
      await page.locator('.studio-matrices .panel-placeholder').waitFor({ state: 'detached', timeout: 60_000 });
      const shift = await page.evaluate(() => (window as unknown as { __shift: number }).__shift);
      expect(shift, `layout shift at ${viewport.width}×${viewport.height}`).toBeLessThan(0.01);
      await context.close();
    }
  });

  it('React takes over the prerendered diagram as drawn, at a laptop\'s and a phone\'s size: no mark moves or is redrawn', async () => {
    for (const [viewport, width] of [[LAPTOP, 640], [{ width: 412, height: 823 }, 342]] as const) {
      const context = await browser.newContext({ viewport });
      // Every attribute the page writes in the diagram's drawings from the first byte on, but the
      // styles the prerender keeps in a stylesheet, which hydrating moves back (hydrate.ts).
      await context.addInitScript(() => {
        const w = window as unknown as { __drawingWrites: string[] };
        w.__drawingWrites = [];
        new MutationObserver((records) => {
          for (const r of records) {
            if (r.attributeName !== 'style' && r.attributeName !== 'data-ps' && (r.target as Element).closest('.network-svg, .network-labels')) {
              w.__drawingWrites.push(`${(r.target as Element).tagName}.${r.attributeName}`);
            }
          }
        }).observe(document, { attributes: true, subtree: true });
      });
      const page = await context.newPage();
      const errors = collectErrors(page);
      await page.goto(`${inject('baseURL')}`);
      await ownedByReact(page);
      const { drawn } = await measuredDrawing(page);
      expect(drawn, `drawing width at ${viewport.width} px`).toBe(width);
      expect(await page.evaluate(() => (window as unknown as { __drawingWrites: string[] }).__drawingWrites)).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    }
  });

  it('a link to another state and a reader of Chinese see only the page\'s frame before the app runs, never the prerender\'s numbers or words', async () => {
    for (const [hash, locale] of [['#data=xor&hidden=3', 'en-US'], ['', 'zh-CN']]) {
      const { page, errors } = await beforeScripts(browser, hash, locale);
      expect(await page.evaluate(() => document.documentElement.dataset.firstPaint)).toBe('shell');
      // innerText leaves out what is not rendered (visibility: hidden).
      expect(await page.evaluate(() => document.body.innerText.trim())).toBe('');
      expect(errors()).toEqual([]);
      await page.context().close();
    }
    const { page, errors } = await openPage(browser, LAPTOP, '', { locale: 'zh-CN' });
    await ownedByReact(page);
    expect(await page.locator('.controls-status').textContent()).toMatch(/^第 0 次迭代/);
    await expect.poll(() => equationSources(page).then((s) => s.length)).toBeGreaterThan(3);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
