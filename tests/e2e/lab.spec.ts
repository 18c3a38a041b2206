import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { LAPTOP, chromiumPath, launch, openPage, screenshot, statusLine } from './browser';

const iterationOf = async (page: Page) => Number(/Iteration (\d+)/.exec((await statusLine(page)) ?? '')?.[1]);

/** Trains n iterations with the controls bar; waits until the worker has finished them (or stopped, diverged). */
async function train(page: Page, n: number) {
  const form = page.locator('form.train-form');
  const target = (await iterationOf(page)) + n;
  await form.getByLabel('Iterations', { exact: true }).fill(String(n));
  await form.getByRole('button', { name: 'Train', exact: true }).click();
  await expect.poll(async () => (await iterationOf(page)) === target || (await page.getByRole('alert').count()) > 0, { timeout: 60_000 }).toBe(true);
}

/**
 * "test acc 97%" from the loss chart's line of latest values, once the chart has caught up with
 * the controls (panels out of view render a moment after them; the line names the last
 * iteration trained, one before the cursor's).
 */
async function testAccuracy(page: Page): Promise<number> {
  const latest = (await iterationOf(page)) - 1;
  const chart = page.locator('section.loss-chart');
  await expect.poll(async () => /At iteration (\d+)/.exec((await chart.textContent()) ?? '')?.[1]).toBe(String(latest));
  const text = (await chart.textContent()) ?? '';
  const match = /test acc (\d+(?:\.\d+)?)%/.exec(text);
  if (!match) throw new Error(`no test accuracy in: ${text}`);
  return Number(match[1]);
}

describe.skipIf(!chromiumPath())('the training lab in Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('XOR trains to at least 95 % test accuracy', async () => {
    const { page, errors } = await openPage(browser, LAPTOP);
    await page.getByRole('button', { name: 'XOR' }).click();
    let accuracy = 0;
    for (let round = 0; round < 10 && accuracy < 95; round++) {
      await train(page, 100);
      accuracy = await testAccuracy(page);
    }
    expect(accuracy).toBeGreaterThanOrEqual(95);
    await page.locator('section.data-view, #studio').first().scrollIntoViewIfNeeded();
    await screenshot(page, 'lab-xor-trained');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('races SGD against Adam on the spiral: both curves appear and Adam ends lower', async () => {
    const { page } = await openPage(browser, LAPTOP, '#data=spiral&hidden=16&init=xavier&seed=1');
    const lane = (n: number) => page.getByRole('group', { name: `Lane ${n}` });
    await lane(1).getByLabel('Optimizer').selectOption({ label: 'SGD' });
    await lane(1).getByLabel('Learning rate').fill('0.1');
    await lane(2).getByLabel('Optimizer').selectOption({ label: 'Adam' });
    await lane(2).getByLabel('Learning rate').fill('0.02');
    await page.locator('#lab-race').getByLabel('Iterations', { exact: true }).fill('1500');
    await page.getByRole('button', { name: 'Start race' }).click();
    await page.getByText(/Race over/).waitFor({ timeout: 90_000 });
    for (const k of [0, 1]) expect(await page.getByTestId(`race-line-${k}`).getAttribute('d')).toMatch(/^M.+L/);
    const finalLoss = async (name: string) => {
      const row = page.getByRole('row', { name: new RegExp(`^${name}`) });
      return Number(await row.getByRole('cell').nth(1).getAttribute('title'));
    };
    const sgd = await finalLoss('SGD, lr 0.1');
    const adam = await finalLoss('Adam, lr 0.02');
    expect(adam).toBeLessThan(sgd);
    await page.locator('#lab-race').scrollIntoViewIfNeeded();
    await screenshot(page, 'lab-race-spiral');
    await page.context().close();
  });

  it('shows line-numbered errors for a broken CSV and keeps the data set', async () => {
    const { page } = await openPage(browser, LAPTOP);
    const csv = 'x1,x2,y\n0.1,0.2,1\n0.3,abc,0\n0.5,0.6\n';
    await page.getByLabel('Choose a CSV file').setInputFiles({ name: 'broken.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const setup = page.locator('#lab-setup');
    await setup.getByText(/Line 3, column 2/).waitFor();
    expect(await setup.textContent()).toMatch(/Line 4/);
    expect(await page.getByLabel('Data set').inputValue()).toBe('tutorial-numpy');
    await setup.scrollIntoViewIfNeeded();
    await screenshot(page, 'lab-csv-errors');
    await page.context().close();
  });

  it('"Too high a learning rate" says where training diverged, and the page still steps', async () => {
    const { page } = await openPage(browser, LAPTOP);
    await page.getByRole('button', { name: 'Too high a learning rate' }).click();
    await train(page, 100);
    const alert = page.getByRole('alert');
    await alert.getByText(/Training diverged at iteration \d+/).waitFor();
    expect(await alert.textContent()).toMatch(/smaller learning rate/);
    await screenshot(page, 'lab-diverged');
    const before = await statusLine(page);
    await page.getByRole('button', { name: 'Step back' }).click();
    await expect.poll(() => statusLine(page)).not.toBe(before);
    await page.getByRole('button', { name: 'Step forward' }).click();
    await expect.poll(() => statusLine(page)).toBe(before);
    await page.context().close();
  });
});
