/**
 * Embeds in Chromium: a course page (served by the test, on another origin) with the studio in an
 * <iframe>. Every `show=` part alone renders exactly that part, sized to the frame; the keys step
 * once the frame has focus; the Share / embed dialog writes code that does the same.
 *
 * One frame serves the tests in order (each boot of the app costs seconds on a busy CI machine):
 * it loads the first link, and each later test gives it a new link by changing its hash, which
 * opens the link as a load does (openHash) — as a course page's tabs switching one frame would.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, FrameLocator, Page } from 'playwright-core';
import { ARTIFACTS, chromiumPath, launch, screenshot } from './browser';

const COURSE = 'http://course.test/lesson.html';
const FRAME = { width: 900, height: 560 } as const;

/** The heading each panel shows (what a reader sees, not a class name). */
const HEADINGS = {
  network: /^Network/,
  equations: /^Equations/,
  matrices: /^Matrices/,
  code: /^Code/,
  curves: /^Loss and accuracy/,
  data: /^Data and decision boundary/,
} as const;
type Panel = keyof typeof HEADINGS;
const PANELS = Object.keys(HEADINGS) as Panel[];

/** A page of a course with `frameHtml` in it, served at COURSE. */
async function coursePage(context: BrowserContext, frameHtml: string): Promise<Page> {
  const page = await context.newPage();
  await page.route(COURSE, (route) => route.fulfill({
    contentType: 'text/html',
    body: `<!doctype html><html><head><title>Lesson 3</title></head><body style="margin:16px;font-family:sans-serif">
      <h1>Lesson 3: backpropagation</h1><p>Step through it below.</p>${frameHtml}</body></html>`,
  }));
  await page.goto(COURSE);
  return page;
}

const iframe = (hash: string) =>
  `<iframe src="${inject('baseURL')}#${hash.replace(/&/g, '&amp;')}" width="${FRAME.width}" height="${FRAME.height}" style="border:1px solid #ccc" title="Backprop Studio"></iframe>`;

/** The panel headings (h2) in the frame, and whether the full controls bar or the compact step bar is there. */
async function shown(frame: FrameLocator) {
  await frame.getByRole('button', { name: /^(Step forward|前进一步)$/ }).waitFor();
  const headings = await frame.getByRole('heading', { level: 2 }).allTextContents();
  const panels = PANELS.filter((p) => headings.some((h) => HEADINGS[p].test(h)));
  return {
    panels,
    headings: headings.length,
    hasControls: (await frame.getByRole('list', { name: 'Phases of this iteration' }).count()) === 1,
    hasStepBar: (await frame.locator('nav.embed-stepbar').count()) === 1,
    hasPageHeader: (await frame.getByRole('heading', { level: 1 }).count()) > 0,
    hasLab: (await frame.getByRole('heading', { name: 'Training lab' }).count()) > 0,
  };
}

const status = (frame: FrameLocator) => frame.locator('.controls-status').first().textContent();

describe.skipIf(!chromiumPath())('embeds in Chromium', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let frame: FrameLocator;

  /** Gives the course page's frame a link: its first load, then a hashchange. */
  const embed = async (hash: string) => {
    const app = page.frames()[1];
    await app.evaluate((h) => { window.location.hash = h; }, hash);
  };

  beforeAll(async () => {
    // The course page comes from page.route, which Chromium counts as a public site; a public page
    // framing the app at 127.0.0.1 is a "local network access" it blocks. A real course site
    // framing the app on its public host is not one.
    browser = await launch(['--disable-features=LocalNetworkAccessChecks']);
    context = await browser.newContext({ viewport: { width: 1000, height: 700 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(inject('baseURL')).origin });
    page = await coursePage(context, iframe('embed=1&show=network'));
    frame = page.frameLocator('iframe');
  });

  afterAll(async () => {
    await browser?.close();
  });

  it.each(PANELS)('show=%s renders that panel alone, with the compact step bar, sized to the frame', async (panel) => {
    await embed(`embed=1&show=${panel}`);
    await frame.getByRole('heading', { level: 2, name: HEADINGS[panel] }).waitFor();
    await expect.poll(() => shown(frame)).toEqual({
      panels: [panel], headings: 1, hasControls: false, hasStepBar: true, hasPageHeader: false, hasLab: false,
    });
    // Sized to the frame: the panel fills it, and the frame's page does not scroll.
    const sizes = await page.frames()[1].evaluate(() => {
      const box = document.querySelector('.embed-panel')!.getBoundingClientRect();
      return { bottom: box.bottom, right: box.right, height: box.height, scroll: document.documentElement.scrollHeight - window.innerHeight };
    });
    expect(sizes.bottom).toBeLessThanOrEqual(FRAME.height);
    expect(sizes.right).toBeLessThanOrEqual(FRAME.width);
    expect(sizes.height).toBeGreaterThan(FRAME.height * 0.6);
    expect(sizes.scroll).toBeLessThanOrEqual(0);
    if (panel === 'network' || panel === 'data') await screenshot(page, `embed-${panel}`);
  });

  it('show=controls renders the controls bar alone', async () => {
    await embed('embed=1&show=controls');
    await expect.poll(() => shown(frame)).toEqual({
      panels: [], headings: 0, hasControls: true, hasStepBar: false, hasPageHeader: false, hasLab: false,
    });
    expect(await frame.getByRole('combobox', { name: /Speed/ }).count()).toBe(1);
  });

  it('several parts at once, with every other link key applied (data, iteration, phase)', async () => {
    await embed('data=xor&hidden=3&it=2&phase=loss&embed=1&show=network,equations,controls');
    await expect.poll(() => status(frame)).toBe('Iteration 2 · Loss');
    await expect.poll(() => shown(frame)).toMatchObject({ panels: ['network', 'equations'], hasControls: true, hasStepBar: false });
    expect(await frame.getByRole('group', { name: /2 inputs, 3 hidden/ }).count()).toBe(1);
    await screenshot(page, 'embed-network-equations-controls');
  });

  it('→ and ← step once the frame has focus', async () => {
    await embed('embed=1&show=network');
    await expect.poll(() => status(frame)).toBe('Iteration 0 · Forward: hidden layer');
    await frame.getByRole('heading', { level: 2, name: 'Network' }).click();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => status(frame)).toBe('Iteration 0 · Loss');
    await expect.poll(() => frame.getByRole('region', { name: 'Network' }).textContent()).toContain('L = 0.6932');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => status(frame)).toBe('Iteration 0 · Forward: output layer');
    // The course page itself never moved.
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
  });

  it('an unknown panel is named in the frame, and the rest still shows', async () => {
    await embed('embed=1&show=network,graph');
    await expect.poll(() => frame.getByRole('alert').textContent()).toContain('show= names panels this page does not have: "graph"');
    expect((await shown(frame)).panels).toEqual(['network']);
  });

  it('in 简体中文', async () => {
    await embed('lang=zh-CN&embed=1&show=curves,graph');
    await frame.getByRole('heading', { level: 2, name: '损失与准确率' }).waitFor();
    await expect.poll(() => frame.getByRole('alert').textContent()).toContain('本页面没有的面板："graph"');
    expect(await frame.getByRole('button', { name: '前进一步' }).count()).toBe(1);
    await screenshot(page, 'embed-zh');
  });

  it('the Share / embed dialog writes a link and an <iframe> that open this state', async () => {
    const studio = await context.newPage();
    await studio.setViewportSize({ width: 1280, height: 900 });
    await studio.goto(`${inject('baseURL')}#data=moons&it=3&phase=backward-output`);
    await expect.poll(() => studio.locator('#controls .controls-status').textContent()).toBe('Iteration 3 · Backward: output layer');
    await studio.getByRole('button', { name: 'Share / embed' }).click();
    const dialog = studio.getByRole('dialog', { name: 'Share or embed this state' });
    await dialog.getByRole('checkbox', { name: /^Equations/ }).uncheck();
    await dialog.getByRole('checkbox', { name: /^Matrices/ }).check();
    await dialog.getByRole('checkbox', { name: /^Controls/ }).check();
    await dialog.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
    await dialog.getByRole('button', { name: 'Copy the embed code' }).click();
    await dialog.getByText('Copied.').waitFor();
    const code = await studio.evaluate(() => navigator.clipboard.readText());
    expect(code).toBe(await dialog.getByRole('textbox', { name: /Embed code/ }).inputValue());
    expect(code).toMatch(/^<iframe src="[^"]+#data=moons&amp;it=3&amp;phase=backward-output&amp;lang=zh-CN&amp;embed=1&amp;show=network,matrices,controls"/);
    // The preview is that code's frame, pasted: it shows what was chosen, where it was chosen.
    const src = /src="([^"]+)"/.exec(code)![1].replace(/&amp;/g, '&');
    expect(await dialog.locator('iframe').getAttribute('src')).toBe(src);
    const preview = dialog.frameLocator('iframe');
    await expect.poll(() => status(preview)).toBe('第 3 次迭代 · 反向传播：输出层');
    expect(await preview.getByRole('heading', { level: 2 }).allTextContents()).toEqual([expect.stringMatching(/^网络/), expect.stringMatching(/^矩阵/)]);
    await studio.screenshot({ path: `${ARTIFACTS}/share-dialog.png` });
    const link = await dialog.getByRole('textbox', { name: 'Link to the whole page' }).inputValue();
    await studio.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    // The link opens the whole page at the same state, in the language chosen.
    await studio.goto(link);
    await expect.poll(() => studio.locator('#controls .controls-status').textContent()).toBe('第 3 次迭代 · 反向传播：输出层');
    expect(await studio.getByRole('heading', { level: 1 }).count()).toBe(1);
    await studio.close();
  });
});
