/**
 * cs231n's three-spiral case study in Chromium: the "Three spirals (softmax)" preset, the loss
 * phase's number against NumPy's (tests/fixtures/three_spirals.json), 2,000 iterations to NumPy's
 * training accuracy (over 95 %), and three regions in three class colours on the data view.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { LAPTOP, chromiumPath, launch, openPage, screenshot, statusLine } from './browser';

const fixture = JSON.parse(readFileSync(new URL('../fixtures/three_spirals.json', import.meta.url), 'utf8')) as {
  costs: number[];
  checkpoints: { iteration: number; trainAccuracy: number }[];
};
/** Far enough to separate three spirals, close enough that the page still agrees with NumPy's run to 1e-8 (it turns chaotic later). */
const TRAINED = 2_000;
const numpyAccuracy = fixture.checkpoints.find((c) => c.iteration === TRAINED)!.trainAccuracy;
const CLASS_COLORS = ['#4477aa', '#228833', '#ee6677'];

const iterationOf = async (page: Page) => Number(/Iteration (\d+)/.exec((await statusLine(page)) ?? '')?.[1]);

/** The loss phase's cost at full precision: the hover title of the last number in the equation panel's "L = …" line. */
async function shownCost(page: Page): Promise<number> {
  const line = page.locator('#studio').getByRole('group', { name: /^The mean of the 225 samples/ });
  const titles = await line.locator('[title]').evaluateAll((els) => els.map((e) => e.getAttribute('title')));
  return Number(titles.at(-1));
}

async function step(page: Page, n: number) {
  for (let k = 0; k < n; k++) await page.getByRole('button', { name: 'Step forward' }).click();
}

/** Share of the data view's canvas pixels that are a shade of each class colour (white mixed with it). */
async function regionShares(page: Page): Promise<number[]> {
  return page.locator('canvas.dv-canvas').evaluate((canvas: HTMLCanvasElement, colors: string[]) => {
    const rgb = colors.map((c) => [1, 3, 5].map((i) => 255 - parseInt(c.slice(i, i + 2), 16)));
    const { data } = (canvas.getContext('2d') as CanvasRenderingContext2D).getImageData(0, 0, canvas.width, canvas.height);
    const counts = colors.map(() => 0);
    for (let o = 0; o < data.length; o += 4) {
      const d = [255 - data[o], 255 - data[o + 1], 255 - data[o + 2]];
      // The class whose colour points the same way from white (smallest angle).
      let best = 0, bestCos = -Infinity;
      rgb.forEach((c, k) => {
        const cos = (d[0] * c[0] + d[1] * c[1] + d[2] * c[2]) / (Math.hypot(...d) * Math.hypot(...c) || 1);
        if (cos > bestCos) [best, bestCos] = [k, cos];
      });
      if (bestCos > 0.99) counts[best]++;
    }
    return counts.map((c) => c / (data.length / 4));
  }, CLASS_COLORS);
}

describe.skipIf(!chromiumPath())('three spirals with softmax in Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('the preset\'s loss phase shows NumPy\'s cost, and 2,000 iterations reach NumPy\'s training accuracy (over 95 %) in three coloured regions', async () => {
    const { page, errors } = await openPage(browser, LAPTOP);
    await page.getByRole('button', { name: 'Three spirals (softmax)' }).click();
    await expect.poll(() => page.url()).toContain('data=three-spirals');

    // Iteration 0's loss phase, then one whole iteration later: the costs NumPy computed.
    await step(page, 2);
    await expect.poll(() => shownCost(page)).toBeCloseTo(fixture.costs[0], 12);
    await step(page, 6);
    expect(await statusLine(page)).toMatch(/^Iteration 1\b/);
    await expect.poll(() => shownCost(page)).toBeCloseTo(fixture.costs[1], 12);
    const cost1 = await shownCost(page);
    expect(Math.abs(cost1 - fixture.costs[1])).toBeLessThanOrEqual(1e-12 * fixture.costs[1]);
    await page.locator('section.network').scrollIntoViewIfNeeded();
    await screenshot(page, 'softmax-loss-phase');

    // backward-output: the chain rule through softmax collapses into A2 − Y.
    await step(page, 1);
    await page.locator('#studio').getByRole('group', { name: /^Softmax’s slopes and the log’s −1\/a cancel/ }).waitFor();
    await screenshot(page, 'softmax-backward-output');

    // Back to the start, then 10,000 iterations in the worker.
    await page.getByRole('button', { name: 'Reset' }).click();
    const form = page.locator('form.train-form');
    await form.getByLabel('Iterations', { exact: true }).fill(String(TRAINED));
    await form.getByRole('button', { name: 'Train', exact: true }).click();
    await expect.poll(() => iterationOf(page), { timeout: 80_000 }).toBe(TRAINED);

    const view = page.locator('section.dv');
    await view.scrollIntoViewIfNeeded();
    const summary = view.locator('.dv-summary');
    await expect.poll(async () => (await summary.textContent()) ?? '').toMatch(/of 225 training points correct/);
    await expect.poll(async () => new RegExp(`[Ii]teration ${TRAINED}\\b`).test((await view.locator('.dv-params').textContent()) ?? '')).toBe(true);
    const percent = Number(/([\d.]+)% of 225/.exec((await summary.textContent()) ?? '')?.[1]);
    console.info(`three spirals: ${percent}% training accuracy at iteration ${TRAINED} (NumPy ${(numpyAccuracy * 100).toFixed(1)}%)`);
    expect(percent).toBeCloseTo(numpyAccuracy * 100, 1);
    expect(percent).toBeGreaterThanOrEqual(95);

    const shares = await regionShares(page);
    console.info(`region shares by class colour: ${shares.map((s) => s.toFixed(3)).join(', ')}`);
    for (const share of shares) expect(share).toBeGreaterThan(0.1);
    expect(await view.getByRole('table', { name: 'Accuracy per class' }).getByRole('row').count()).toBe(4);
    await screenshot(page, 'softmax-trained');

    await page.locator('.header-language select').selectOption('zh-CN');
    await page.getByRole('heading', { name: '数据与决策边界' }).waitFor();
    await view.scrollIntoViewIfNeeded();
    await screenshot(page, 'softmax-trained-zh');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
