import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Download, Locator, Page } from 'playwright-core';
import { ARTIFACTS, LAPTOP, chromiumPath, launch, openPage, screenshot, statusLine } from './browser';
import scripts from '../fixtures/scripts.json';

const XOR_AT_37 = '#data=xor&opt=adam&lr=0.01&it=37&phase=loss';

/** Clicks `button` and returns the file it downloads: its suggested name and bytes. */
async function download(page: Page, button: Locator): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return { name: file.suggestedFilename(), bytes: readFileSync(await (file as Download).path()) };
}

/** Width and height from a PNG's IHDR chunk; throws if the bytes are not a PNG. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  if (bytes.subarray(1, 4).toString('latin1') !== 'PNG' || bytes.subarray(12, 16).toString('latin1') !== 'IHDR') throw new Error('not a PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The SVG parsed by the browser's own XML parser: its errors, its texts, its size and whether it uses any CSS. */
async function parseSvg(page: Page, text: string) {
  return page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
    const root = doc.documentElement;
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      tag: root.tagName,
      width: Number(root.getAttribute('width')),
      height: Number(root.getAttribute('height')),
      texts: Array.from(doc.querySelectorAll('text'), (t) => t.textContent ?? '').join(' | '),
      styled: doc.querySelectorAll('[class], [style], style').length,
    };
  }, text);
}

/** The SVG file drawn in Chromium as a page of its own (no app, no CSS), for the eye. */
async function renderSvg(browser: Browser, bytes: Buffer, name: string) {
  mkdirSync(ARTIFACTS, { recursive: true });
  const context = await browser.newContext({ viewport: { width: 1000, height: 1000 } });
  const page = await context.newPage();
  await page.setContent(`<body style="margin:0"><img src="data:image/svg+xml;base64,${bytes.toString('base64')}"></body>`);
  await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
  await page.locator('img').screenshot({ path: `${ARTIFACTS}/${name}.png` });
  await context.close();
}

const iterationOf = async (page: Page) => Number(/Iteration (\d+)/.exec((await statusLine(page)) ?? '')?.[1]);
/** "Iteration 37 · Loss" (or "第 37 次迭代 · 损失"): the controls bar's status line. */
const status = (page: Page) => page.locator('#controls .controls-status').textContent();

/** Switches the page to `lang` with the header's language menu, as a learner would. */
async function switchTo(page: Page, lang: 'zh-CN') {
  await page.locator('header').getByLabel('Language').selectOption(lang);
  await page.getByRole('button', { name: '前进一步' }).waitFor();
}

/** A page at `hash` in `lang`. */
async function openIn(browser: Browser, hash: string, lang: 'en' | 'zh-CN') {
  const opened = await openPage(browser, LAPTOP, hash);
  if (lang !== 'en') await switchTo(opened.page, lang);
  return opened;
}

describe.skipIf(!chromiumPath())('hand-outs in Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('the diagram downloads as an SVG with its numbers and as a PNG at twice its size', async () => {
    const { page, errors } = await openPage(browser, LAPTOP, XOR_AT_37);
    const network = page.locator('section.network');
    await expect.poll(() => network.textContent()).toContain('L = ');
    await network.scrollIntoViewIfNeeded();
    await network.screenshot({ path: `${ARTIFACTS}/handout-network-panel.png` });
    // Every number the diagram shows, as the page draws it.
    const shown = await network.locator('svg.network-labels text').allTextContents();
    const numbers = shown.join(' ').match(/−?\d+\.\d+/g) ?? [];
    expect(numbers.length).toBeGreaterThanOrEqual(8);

    const svg = await download(page, network.getByRole('button', { name: /network diagram as SVG/ }));
    expect(svg.name).toBe('xor_adam_it37_loss_network.svg');
    const parsed = await parseSvg(page, svg.bytes.toString('utf8'));
    expect(parsed.error).toBeNull();
    expect(parsed.tag).toBe('svg');
    expect(parsed.styled).toBe(0);
    for (const n of numbers) expect(parsed.texts).toContain(n);
    expect(parsed.texts).toContain('Loss: compare the output with y');
    expect(parsed.texts).toContain('Iteration 37 · sample 1 of 300');
    await renderSvg(browser, svg.bytes, 'handout-network-svg');

    const png = await download(page, network.getByRole('button', { name: /network diagram as PNG/ }));
    expect(png.name).toBe('xor_adam_it37_loss_network.png');
    const onScreen = await network.locator('svg.network-labels').evaluate((el) => el.getBoundingClientRect().width);
    const size = pngSize(png.bytes);
    expect(Math.abs(parsed.width - onScreen)).toBeLessThan(1.5);
    expect(size.width).toBeGreaterThanOrEqual(1200);
    expect(Math.abs(size.width - Math.max(2 * parsed.width, 1200))).toBeLessThanOrEqual(1);
    expect(Math.abs(size.height / size.width - parsed.height / parsed.width)).toBeLessThan(0.01);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.context().newPage().then(async (p) => {
      await p.setContent(`<img src="data:image/png;base64,${png.bytes.toString('base64')}" style="width:${size.width / 2}px">`);
      await p.locator('img').screenshot({ path: `${ARTIFACTS}/handout-network-png.png` });
      await p.close();
    });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('the loss chart downloads as SVG and PNG, in 简体中文 too; the page shows the new buttons (a full screenshot)', async () => {
    const { page, errors } = await openPage(browser, LAPTOP, XOR_AT_37);
    for (const lang of ['en', 'zh-CN'] as const) {
      if (lang !== 'en') await switchTo(page, lang);
      const chart = page.locator('section.loss-chart');
      await chart.scrollIntoViewIfNeeded();
      const values = chart.locator('.chart-values');
      await expect.poll(() => values.textContent()).toMatch(lang === 'en' ? /At iteration 37/ : /第 37 次迭代/);
      const numbers = (await values.textContent())?.match(/\d+\.\d+|\d+%/g) ?? [];
      expect(numbers.length).toBe(4);
      await chart.screenshot({ path: `${ARTIFACTS}/handout-chart-panel-${lang}.png` });

      const svg = await download(page, chart.getByRole('button', { name: lang === 'en' ? /chart as SVG/ : /准确率图下载为 SVG/ }));
      expect(svg.name).toBe('xor_adam_it37_loss.svg');
      const parsed = await parseSvg(page, svg.bytes.toString('utf8'));
      expect(parsed.error).toBeNull();
      for (const n of numbers) expect(parsed.texts).toContain(n);
      expect(parsed.texts).toContain(lang === 'en' ? 'Loss and accuracy' : '损失与准确率');
      await renderSvg(browser, svg.bytes, `handout-chart-svg-${lang}`);

      const png = await download(page, chart.getByRole('button', { name: lang === 'en' ? /chart as PNG/ : /准确率图下载为 PNG/ }));
      expect(png.name).toBe('xor_adam_it37_loss.png');
      expect(pngSize(png.bytes).width).toBe(Math.round(Math.max(2 * parsed.width, 1200)));
    }
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'handouts-zh-CN');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('Download .py gives the very scripts whose output the fixture recorded from Python', async () => {
    const { page } = await openPage(browser, LAPTOP, '#data=xor&opt=adam&lr=0.01');
    const code = page.locator('section.code-panel');
    await code.scrollIntoViewIfNeeded();
    await code.locator('.code-head').screenshot({ path: `${ARTIFACTS}/handout-code-head.png` });
    const numpy = await download(page, code.getByRole('button', { name: 'Download the NumPy code as xor_adam_numpy.py' }));
    await code.getByRole('tab', { name: 'PyTorch' }).click();
    const pytorch = await download(page, code.getByRole('button', { name: 'Download the PyTorch code as xor_adam_pytorch.py' }));
    const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
    expect([numpy.name, sha(numpy.bytes)]).toEqual([scripts.cases.xorAdam.numpy.file, scripts.cases.xorAdam.numpy.sha256]);
    expect([pytorch.name, sha(pytorch.bytes)]).toEqual([scripts.cases.xorAdam.pytorch.file, scripts.cases.xorAdam.pytorch.sha256]);
    await page.context().close();
  });

  it('a session saved after training XOR to iteration 37 opens in a fresh page at iteration 37 with the same cost', async () => {
    const first = await openPage(browser, LAPTOP);
    const page = first.page;
    await page.getByRole('button', { name: 'XOR' }).click();
    const form = page.locator('form.train-form');
    await form.getByLabel('Iterations', { exact: true }).fill('37');
    await form.getByRole('button', { name: 'Train', exact: true }).click();
    await expect.poll(() => iterationOf(page), { timeout: 60_000 }).toBe(37);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => status(page)).toMatch(/Iteration 37 · Loss/);
    const network = page.locator('section.network');
    await expect.poll(() => network.textContent()).toMatch(/L = \d\.\d{4}/);
    const cost = /L = (\d\.\d{4})/.exec((await network.textContent()) ?? '')?.[1];
    const setup = page.locator('#lab-setup');
    await setup.scrollIntoViewIfNeeded();
    await setup.getByRole('group', { name: 'Session file' }).screenshot({ path: `${ARTIFACTS}/handout-session-buttons.png` });
    const saved = await download(page, setup.getByRole('button', { name: /^Save session as / }));
    expect(saved.name).toMatch(/^xor_[a-z]+_it37_session\.json$/);
    const json = JSON.parse(saved.bytes.toString('utf8'));
    expect([json.format, json.version, json.cursor]).toEqual(['backprop-studio-session', 1, { iteration: 37, phase: 'loss' }]);
    await page.context().close();

    const { page: fresh, errors } = await openPage(browser, LAPTOP);
    await fresh.getByLabel('Open session…').setInputFiles({ name: saved.name, mimeType: 'application/json', buffer: saved.bytes });
    await expect.poll(() => status(fresh)).toMatch(/Iteration 37 · Loss/);
    await expect.poll(() => fresh.locator('section.network').textContent()).toContain(`L = ${cost}`);
    expect(await fresh.locator('#lab-setup').textContent()).toContain(`Opened ${saved.name} at iteration 37`);
    expect(await fresh.getByLabel('Data set').inputValue()).toBe('xor');
    // It goes on from there: one more step computes iteration 37's backward pass.
    await fresh.keyboard.press('ArrowRight');
    await expect.poll(() => status(fresh)).toMatch(/Iteration 37 · Backward: output layer/);
    expect(errors).toEqual([]);
    await fresh.context().close();
  });

  it('a file that is not a session gives its message, in both languages, and nothing changes', async () => {
    for (const lang of ['en', 'zh-CN'] as const) {
      const { page } = await openIn(browser, '#it=3&phase=loss', lang);
      // The link's iteration is reached after the first paint (trained the way there): wait for it.
      await expect.poll(() => status(page)).toMatch(/3/);
      const before = await status(page);
      const file = { name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "backprop-studio-session", "version": 1, "config": {"hiddenSize": 4}}') };
      const setup = page.locator('#lab-setup');
      await setup.scrollIntoViewIfNeeded();
      await setup.getByLabel(lang === 'en' ? 'Open session…' : '打开会话…').setInputFiles(file);
      const message = lang === 'en'
        ? 'notes.json cannot be opened as a session: config.data is missing. Nothing was changed.'
        : '无法将 notes.json 作为会话打开：缺少 config.data。当前内容未作改动。';
      await expect.poll(() => setup.textContent()).toContain(message);
      expect(await page.getByRole('alert').filter({ hasText: message }).count()).toBe(1);
      await setup.getByRole('group', { name: lang === 'en' ? 'Session file' : '会话文件' }).screenshot({ path: `${ARTIFACTS}/handout-session-refused-${lang}.png` });
      expect(await status(page)).toBe(before);
      await page.context().close();
    }
  });
});
