import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { LAPTOP, chromiumPath, collectErrors, launch, openPage, reportCspViolations, screenshot, statusLine } from './browser';
import { inject } from 'vitest';

/** A 2-input CSV: two clusters, labels 0/1, 40 rows. */
const CSV = ['u,v,label', ...Array.from({ length: 40 }, (_, i) => {
  const label = i % 2;
  return `${(label ? 1 : -1) + Math.sin(i) / 4},${(label ? -0.5 : 0.5) + Math.cos(i * 3) / 4},${label}`;
})].join('\n');

const stored = (page: Page, part: string) => page.evaluate((key) => localStorage.getItem(key), `backprop-studio/${part}`);
const storedKeys = (page: Page) => page.evaluate(() => Object.keys(localStorage).sort());

describe.skipIf(!chromiumPath())('work kept in the browser, in Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('a reload keeps the CSV file, settings, cursor, language and race set-up; Start over forgets them', async () => {
    const { page, errors } = await openPage(browser, LAPTOP);
    await page.getByLabel('Choose a CSV file').setInputFiles({ name: 'clusters.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
    await expect.poll(() => page.getByLabel('Data set').inputValue()).toBe('csv');
    const hidden = page.getByLabel('Hidden neurons', { exact: true });
    await hidden.fill('6');
    await hidden.press('Enter');
    const form = page.locator('form.train-form');
    await form.getByLabel('Iterations', { exact: true }).fill('20');
    await form.getByRole('button', { name: 'Train', exact: true }).click();
    await expect.poll(() => statusLine(page), { timeout: 30_000 }).toBe('Iteration 20');
    await page.getByRole('button', { name: 'Step forward' }).click();
    await page.getByRole('button', { name: 'Step forward' }).click();
    await expect.poll(() => page.getByTestId('phase-announcer').textContent()).toBe('Iteration 20, Loss.');
    await page.getByRole('group', { name: 'Lane 2' }).getByLabel('Learning rate').fill('0.05');
    await page.locator('.header-language select').selectOption('zh-CN');
    // Written shortly after each change; the address goes bare (a link cannot carry the file).
    await expect.poll(() => stored(page, 'work')).toContain('"iteration":20');
    await expect.poll(() => stored(page, 'locale')).toContain('zh-CN');
    await expect.poll(() => new URL(page.url()).hash).toBe('');

    await page.reload();
    await expect.poll(() => page.getByTestId('phase-announcer').textContent()).toBe('第 20 次迭代，损失。');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(await page.getByLabel('数据集').inputValue()).toBe('csv');
    expect(await page.getByLabel('数据集').locator('option:checked').textContent()).toContain('clusters.csv');
    expect(await page.getByLabel('隐藏神经元数', { exact: true }).inputValue()).toBe('6');
    expect(await page.getByRole('group', { name: '第 2 道' }).getByLabel('学习率').inputValue()).toBe('0.05');
    await screenshot(page, 'kept-after-reload-zh');

    await page.getByRole('button', { name: '重新开始' }).click();
    await expect.poll(() => page.getByTestId('phase-announcer').textContent()).toBe('第 0 次迭代，前向传播：隐藏层。');
    expect(await page.getByLabel('数据集').inputValue()).toBe('tutorial-numpy');
    expect(await page.getByLabel('数据集').locator('option[value="csv"]').count()).toBe(0);
    expect(await page.getByRole('button', { name: '重新开始' }).count()).toBe(0);
    expect(await storedKeys(page)).toEqual(['backprop-studio/locale']);

    await page.reload();
    await page.locator('#controls button').first().waitFor();
    expect(await page.getByTestId('phase-announcer').textContent()).toBe('第 0 次迭代，前向传播：隐藏层。');
    expect(await page.getByRole('button', { name: '重新开始' }).count()).toBe(0);
    expect(await page.getByRole('group', { name: '第 2 道' }).getByLabel('学习率').inputValue()).toBe('0.01');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('a link naming a state wins over the stored work; a bare address resumes it', async () => {
    const { page, errors } = await openPage(browser, LAPTOP, '#data=xor&hidden=3&it=2&phase=update');
    await expect.poll(() => stored(page, 'work')).toContain('"iteration":2');
    await page.goto(`${inject('baseURL')}#data=moons&it=1`);
    await page.reload(); // a new page load at the new link (a hash change alone only opens the link)
    await expect.poll(() => page.getByTestId('phase-announcer').textContent()).toBe('Iteration 1, Forward: hidden layer.');
    expect(await page.getByLabel('Data set').inputValue()).toBe('moons');
    expect(await page.getByRole('button', { name: 'Start over' }).count()).toBe(0);
    await expect.poll(() => stored(page, 'work')).toContain('data=moons');
    await page.goto(inject('baseURL'));
    await page.reload();
    await expect.poll(() => page.getByTestId('phase-announcer').textContent()).toBe('Iteration 1, Forward: hidden layer.');
    expect(await page.getByLabel('Data set').inputValue()).toBe('moons');
    await page.getByRole('button', { name: 'Start over' }).waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('with storage turned off, says once that work will not be kept, and works', async () => {
    const context = await browser.newContext({ viewport: LAPTOP, locale: 'en-US' });
    await reportCspViolations(context);
    await context.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', { get: () => { throw new DOMException('The operation is insecure.', 'SecurityError'); } });
    });
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(inject('baseURL'));
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'will not be kept' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Step forward' }).click();
    await expect.poll(() => statusLine(page)).toBe('Iteration 0');
    await expect.poll(() => page.getByTestId('phase-announcer').textContent()).toBe('Iteration 0, Forward: output layer.');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('drops damaged or full storage with a quiet message, never a broken page', async () => {
    const { page, errors } = await openPage(browser, LAPTOP);
    // The page writes what it opened once React owns it (hydrating is in slices, after the first
    // paint): damaged entries written before that would be overwritten, not read back.
    await expect.poll(() => storedKeys(page)).toContain('backprop-studio/locale');
    await page.evaluate(() => {
      localStorage.setItem('backprop-studio/work', '{"v":1,"data":{"link":7}}');
      localStorage.setItem('backprop-studio/race', 'not JSON');
    });
    await page.reload();
    const notice = page.getByRole('status').filter({ hasText: 'could not be read back' });
    await expect.poll(() => notice.count()).toBe(1);
    expect(await storedKeys(page)).toEqual(['backprop-studio/locale']);
    // Full: every write refused from now on.
    await page.evaluate(() => {
      Storage.prototype.setItem = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    await page.getByRole('button', { name: 'Step forward' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'storage for this page is full' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Step forward' }).click();
    await expect.poll(() => page.getByTestId('phase-announcer').textContent()).toBe('Iteration 0, Loss.');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
