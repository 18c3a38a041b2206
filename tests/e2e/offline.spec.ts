import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { LAPTOP, chromiumPath, launch, openPage, screenshot, statusLine } from './browser';

describe.skipIf(!chromiumPath())('offline once loaded (service worker) in Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('reloads, steps and trains in its worker with the network gone', async () => {
    const { page, errors } = await openPage(browser, LAPTOP, '#data=xor&hidden=4');
    // The service worker takes control once it has cached the build (clients.claim on activate).
    await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, { timeout: 30_000 });

    await page.context().setOffline(true);
    await page.reload();
    await page.getByRole('button', { name: 'Step forward' }).waitFor();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.locator('#controls').textContent()).toMatch(/Iteration 0.*Forward: output layer/);
    // The equations' chunk and the training worker were never fetched before going offline.
    await expect.poll(() => page.locator('.equation-panel .katex').count()).toBeGreaterThan(0);
    const form = page.locator('form.train-form');
    await form.getByLabel('Iterations', { exact: true }).fill('50');
    await form.getByRole('button', { name: 'Train', exact: true }).click();
    await expect.poll(() => statusLine(page), { timeout: 30_000 }).toBe('Iteration 50');
    await screenshot(page, 'offline-after-training');
    expect(errors).toEqual([]);
    await page.context().setOffline(false);
  });
});
