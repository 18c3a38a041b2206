/**
 * Presenter mode in Chromium: the layout at projector sizes, type measured on the rendered glyphs,
 * a clicker's keys, the black-out, Esc, the spotlight, and the speaker view stepping the main window.
 * One page runs the tests in order (each boot of the app costs seconds on a busy CI machine): the
 * window is resized rather than reopened, and links are opened by changing the hash, as a teacher
 * pasting one would.
 */
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { chromiumPath, collectErrors, launch, screenshot } from './browser';

const HD = { width: 1920, height: 1080 } as const;
const SMALL = { width: 1280, height: 720 } as const;
const UHD = { width: 3840, height: 2160 } as const;

const status = (page: Page) => page.locator('.controls-status').first().textContent();

/**
 * The smallest diagram value label and the smallest equation (KaTeX) text on screen, in CSS px:
 * the labels' font size times the drawing's scale on screen (and their box height), KaTeX's
 * computed font size (and the box of its first letter, e.g. the Z of Z = W·X + b).
 */
function glyphSizes(page: Page) {
  return page.evaluate(() => {
    const values = [...document.querySelectorAll<SVGTextElement>('.network-values text')].map((t) => ({
      size: Number(t.getAttribute('font-size')) * (t.getScreenCTM()?.a ?? 0),
      height: t.getBoundingClientRect().height,
    }));
    const math = [...document.querySelectorAll<HTMLElement>('.equation-panel .eq-phase-body:not(.is-hidden) .eq-math .katex-html')].map((k) => ({
      size: parseFloat(getComputedStyle(k).fontSize),
      height: k.querySelector('.mord.mathnormal')?.getBoundingClientRect().height ?? 0,
    }));
    const min = (xs: number[]) => (xs.length ? Math.min(...xs) : 0);
    return {
      value: min(values.map((v) => v.size)), valueBox: min(values.map((v) => v.height)),
      math: min(math.map((m) => m.size)), mathBox: min(math.map((m) => m.height)),
    };
  });
}

/** Waits until presenter mode shows both panels with their text drawn (usable in beforeAll, unlike expect.poll). */
async function presenting(page: Page) {
  await page.locator('.present-layout').waitFor();
  await page.waitForFunction(() => document.querySelector('.network-values text')
    && document.querySelector('.equation-panel .eq-phase-body:not(.is-hidden) .eq-math .katex-html'), null, { polling: 50 });
}

/** Opens a link in the page already loaded (a hashchange: what pasting it in the address bar does). */
const openLink = (page: Page, hash: string) => page.evaluate((h) => { window.location.hash = h; }, hash);

describe.skipIf(!chromiumPath())('presenter mode in Chromium', () => {
  let browser: Browser;
  let page: Page;
  let errors: string[];
  const measured: Record<string, Awaited<ReturnType<typeof glyphSizes>>> = {};

  beforeAll(async () => {
    browser = await launch();
    const context = await browser.newContext({ viewport: HD });
    page = await context.newPage();
    errors = collectErrors(page);
    await page.goto(inject('baseURL'));
    await page.getByRole('button', { name: /^(Present|演示)$/ }).click();
    await presenting(page);
  });

  afterAll(async () => {
    console.info('presenter type (CSS px):', JSON.stringify(measured));
    await browser?.close();
  });

  afterEach(() => {
    expect(errors).toEqual([]);
  });

  it('at 1920×1080: full screen, no header or lab, diagram and equations side by side, type for the back row', async () => {
    await expect.poll(() => page.evaluate(() => document.fullscreenElement === document.documentElement)).toBe(true);
    expect(await page.getByRole('heading', { level: 1 }).count()).toBe(0);
    expect(await page.locator('#lab').count()).toBe(0);
    // The phase strip across the top, the iteration and phase always there.
    expect(await status(page)).toBe('Iteration 0 · Forward: hidden layer');
    const strip = await page.getByRole('list', { name: 'Phases of this iteration' }).boundingBox();
    expect(strip!.y).toBeLessThan(150);
    expect(strip!.width).toBeGreaterThan(HD.width * 0.9);
    const network = await page.getByRole('region', { name: 'Network', exact: true }).boundingBox();
    const equations = await page.locator('.equation-panel').boundingBox();
    expect(network!.x + network!.width).toBeLessThanOrEqual(equations!.x);
    expect(Math.abs(network!.y - equations!.y)).toBeLessThan(2);
    expect(network!.y + network!.height).toBeGreaterThan(HD.height - 30);
    const sizes = (measured['1920x1080'] = await glyphSizes(page));
    expect(sizes.value).toBeGreaterThanOrEqual(24);
    expect(sizes.valueBox).toBeGreaterThanOrEqual(24);
    expect(sizes.math).toBeGreaterThanOrEqual(28);
    // The page does not scroll: everything is on the screen.
    expect(await page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight)).toBeLessThanOrEqual(0);
    await screenshot(page, 'present-1920x1080');
  });

  it('the type scales with the window (1280×720, 3840×2160) and with the browser\'s zoom', async () => {
    const hd = measured['1920x1080'] ?? await glyphSizes(page);
    /** Resizes the window and waits for the diagram and the equations to follow it. */
    const resize = async (name: string, size: { width: number; height: number }, isSmaller: boolean) => {
      await page.setViewportSize(size);
      const followed = (s: Awaited<ReturnType<typeof glyphSizes>>) => (isSmaller
        ? s.value < hd.value * 0.9 && s.math < hd.math * 0.9
        : s.value > hd.value * 1.1 && s.math > hd.math * 1.1);
      await expect.poll(async () => followed(await glyphSizes(page))).toBe(true);
      return (measured[name] = await glyphSizes(page));
    };
    // About two thirds of the 1080p sizes, as the window is two thirds as large.
    const s720 = await resize('1280x720', SMALL, true);
    expect(s720.value / hd.value).toBeGreaterThan(0.55);
    expect(s720.value / hd.value).toBeLessThan(0.8);
    expect(s720.math / hd.math).toBeGreaterThan(0.55);
    expect(s720.math / hd.math).toBeLessThan(0.8);
    await screenshot(page, 'present-1280x720');

    const s2160 = await resize('3840x2160', UHD, false);
    expect(s2160.value).toBeGreaterThan(hd.value * 1.5);
    expect(s2160.math).toBeGreaterThan(hd.math * 1.5);

    // 200 % zoom on a 1920×1080 screen: a 960×540 CSS window at 2 device pixels per CSS pixel.
    // The equations (and all the text) grow on the screen; the diagram, whose panel the larger
    // text leaves less room, keeps about its size (its labels grow within it, fitDiagram).
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setDeviceMetricsOverride', { width: 960, height: 540, deviceScaleFactor: 2, mobile: false });
    await expect.poll(async () => {
      const s = await glyphSizes(page);
      return s.math < s2160.math * 0.5 && s.value < s2160.value * 0.5;
    }).toBe(true);
    const z = (measured['1920x1080 at 200% zoom, CSS px'] = await glyphSizes(page));
    expect(z.math * 2).toBeGreaterThan(hd.math * 1.2);
    expect(z.value * 2).toBeGreaterThan(hd.value * 0.9);
    await cdp.send('Emulation.clearDeviceMetricsOverride');
    await cdp.detach();
    await page.setViewportSize(HD);
    await expect.poll(async () => (await glyphSizes(page)).math).toBeCloseTo(hd.math, 1);
  });

  it('a clicker runs it: PageDown / PageUp step, B blacks out and back, Home returns, Esc leaves full screen and then presenter mode', async () => {
    await page.keyboard.press('PageDown');
    await page.keyboard.press('PageDown');
    await expect.poll(() => status(page)).toBe('Iteration 0 · Loss');
    // The numbers the room sees move with the clicker: the loss is on the diagram.
    await expect.poll(() => page.getByRole('region', { name: 'Network', exact: true }).textContent()).toContain('L = 0.6932');
    await page.keyboard.press('PageUp');
    await expect.poll(() => status(page)).toBe('Iteration 0 · Forward: output layer');

    await page.keyboard.press('b');
    const black = page.locator('.present-blackout');
    await black.waitFor();
    const cover = await black.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return { w: r.width, h: r.height, bg: getComputedStyle(el).backgroundColor };
    });
    expect(cover).toEqual({ w: HD.width, h: HD.height, bg: 'rgb(0, 0, 0)' });
    await screenshot(page, 'present-blackout');
    await page.keyboard.press('b');
    await black.waitFor({ state: 'detached' });
    await page.keyboard.press('.');
    await black.waitFor();
    await page.keyboard.press('.');
    await black.waitFor({ state: 'detached' });

    for (let k = 0; k < 7; k++) await page.keyboard.press('ArrowRight');
    await expect.poll(() => status(page)).toBe('Iteration 1 · Loss');
    await page.keyboard.press('Home');
    await expect.poll(() => status(page)).toBe('Iteration 0 · Forward: hidden layer');

    // ? lists the clicker's keys.
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    const listed = await help.textContent();
    for (const words of ['Page Down', 'Page Up', 'Home', 'Esc', 'Black the screen out', 'Leave full screen, then presenter mode']) expect(listed).toContain(words);
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });
    // Esc closed the help, nothing else.
    expect(await page.evaluate(() => document.fullscreenElement !== null)).toBe(true);

    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => document.fullscreenElement === null)).toBe(true);
    expect(await page.locator('.present-layout').count()).toBe(1);
    await page.keyboard.press('Escape');
    await page.getByRole('heading', { level: 1, name: 'Backprop Studio' }).waitFor();
    expect(await page.locator('.present-layout').count()).toBe(0);
    // F comes back to it, in full screen.
    await page.keyboard.press('f');
    await presenting(page);
    await expect.poll(() => page.evaluate(() => document.fullscreenElement !== null)).toBe(true);
  });

  it('the panel menu picks the two panels, and the link keeps the choice', async () => {
    const menu = page.locator('details.present-menu');
    const pick = async (side: 'Left' | 'Right', label: string) => {
      if (!(await menu.evaluate((d) => (d as HTMLDetailsElement).open))) await page.getByText('Panels', { exact: true }).click();
      await page.getByRole('combobox', { name: side }).selectOption({ label });
    };
    await pick('Right', 'Matrices');
    await pick('Left', 'Matrices');
    // Picking the other side's panel swaps the two.
    await expect.poll(() => page.getByRole('heading', { level: 2 }).allTextContents()).toEqual([
      expect.stringMatching(/^Matrices/), expect.stringMatching(/^Network/),
    ]);
    await expect.poll(() => page.url()).toContain('present=matrices,network');
    await screenshot(page, 'present-matrices-network');
    await pick('Left', 'Diagram');
    await pick('Right', 'Equations');
    await expect.poll(() => page.url()).toContain('present=network,equations');
    await page.getByText('Panels', { exact: true }).click();
    await expect.poll(() => menu.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
  });

  it('spotlights the neuron the teacher clicks', async () => {
    const neuron = page.getByRole('button', { name: /^Hidden neuron 2/ });
    await neuron.click();
    await expect.poll(() => neuron.getAttribute('aria-pressed')).toBe('true');
    const looks = await page.evaluate(() => {
      const ring = document.querySelector('.network-svg .network-ring')!;
      const other = document.querySelector('.network-svg .network-neuron:not(.is-selected) .network-node')!;
      return { ring: getComputedStyle(ring).strokeWidth, filter: getComputedStyle(ring).filter, other: getComputedStyle(other).fillOpacity };
    });
    expect(parseFloat(looks.ring)).toBeGreaterThanOrEqual(6);
    expect(looks.filter).toContain('drop-shadow');
    expect(Number(looks.other)).toBeLessThan(0.5);
    await screenshot(page, 'present-spotlight');
    await neuron.click();
    await expect.poll(() => neuron.getAttribute('aria-pressed')).toBe('false');
  });

  it('the speaker view: opened with its button, it steps the main window and follows it; a running lesson is its note', async () => {
    await openLink(page, 'it=2&phase=forward-output');
    await expect.poll(() => status(page)).toBe('Iteration 2 · Forward: output layer');
    const [speaker] = await Promise.all([page.context().waitForEvent('page'), page.getByRole('button', { name: 'Speaker view' }).click()]);
    const speakerErrors = collectErrors(speaker);
    await speaker.getByRole('heading', { level: 1, name: 'Speaker view' }).waitFor();
    const now = speaker.getByRole('region', { name: 'Now' });
    const next = speaker.getByRole('region', { name: 'Next' });
    await expect.poll(() => now.textContent()).toContain('Forward: output layer');
    await expect.poll(() => next.textContent()).toContain('Loss');
    // The next phase in small: the diagram as it will be, with the loss the next step computes.
    await expect.poll(() => next.textContent()).toMatch(/L = 0\.69\d\d/);
    expect(await now.textContent()).not.toContain('L = ');
    // Stepping in the speaker view moves the main window, through its store (not its buttons).
    await speaker.getByRole('button', { name: 'Step forward' }).click();
    await expect.poll(() => status(page)).toBe('Iteration 2 · Loss');
    await speaker.keyboard.press('PageDown');
    await expect.poll(() => status(page)).toBe('Iteration 2 · Backward: output layer');
    // And the other way.
    await page.keyboard.press('PageUp');
    await expect.poll(() => now.textContent()).toContain('Loss');
    const note = speaker.locator('.speaker-note');
    await expect.poll(() => note.textContent()).toMatch(/L = 0\.69\d\d/);
    expect(await speaker.locator('.speaker-clock').textContent()).toMatch(/^0:\d\d$/);
    await screenshot(speaker, 'speaker-view');

    // A lesson opened in the presenter's window: its step's prose, numbers filled in, is the note.
    await openLink(page, 'lesson=one-iteration&step=3');
    await expect.poll(() => note.textContent()).toContain('forward_propagation: the hidden layer');
    await expect.poll(() => now.textContent()).toContain('Forward: hidden layer');
    const prose = await note.textContent();
    expect(prose).toMatch(/and a = tanh\(z\) = −?\d\.\d{4}/);
    expect(prose).not.toMatch(/[{}…]/);
    // In the presenter's language.
    await openLink(page, 'lesson=one-iteration&step=3&lang=zh-CN');
    await expect.poll(() => note.textContent()).toContain('forward_propagation：隐藏层');
    expect(await speaker.getByRole('heading', { level: 1 }).textContent()).toBe('演讲者视图');
    await screenshot(speaker, 'speaker-view-lesson-zh');
    // Leaving the lesson brings the built-in note back.
    await openLink(page, 'lang=en&it=0&phase=loss');
    await expect.poll(() => note.textContent()).toMatch(/L = 0\.69\d\d/);
    expect(speakerErrors).toEqual([]);
    await speaker.close();
  });

  it('in 简体中文', async () => {
    await openLink(page, 'lang=zh-CN&it=0&phase=backward-output');
    await expect.poll(() => status(page)).toBe('第 0 次迭代 · 反向传播：输出层');
    expect(await page.getByRole('button', { name: '演讲者视图' }).count()).toBe(1);
    await presenting(page);
    const sizes = await glyphSizes(page);
    expect(sizes.value).toBeGreaterThanOrEqual(24);
    expect(sizes.math).toBeGreaterThanOrEqual(28);
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: '键盘快捷键' });
    expect(await help.textContent()).toContain('黑屏，再按一次恢复');
    await screenshot(page, 'present-zh-help');
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });
    expect(await page.locator('.present-layout').count()).toBe(1);
    await screenshot(page, 'present-zh');
  });

  it('where full screen is refused, the presenter layout fills the window and Esc leaves at once', async () => {
    await page.evaluate(() => {
      Element.prototype.requestFullscreen = () => Promise.reject(new TypeError('Permissions check failed'));
      return document.fullscreenElement && document.exitFullscreen();
    });
    await page.setViewportSize(SMALL);
    // A link may open presenter mode too (a reload keeps it), with its panels.
    await openLink(page, 'lang=en&present=code,curves');
    await expect.poll(() => page.getByRole('heading', { level: 2 }).allTextContents()).toEqual([
      expect.stringMatching(/^Code/), expect.stringMatching(/^Loss and accuracy/),
    ]);
    await expect.poll(() => page.locator('.present-layout').boundingBox()).toEqual({ x: 0, y: 0, width: SMALL.width, height: SMALL.height });
    await page.keyboard.press('f');
    expect(await page.evaluate(() => document.fullscreenElement)).toBeNull();
    await page.keyboard.press('Escape');
    await page.getByRole('heading', { level: 1 }).waitFor();
  });
});
