import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { LAPTOP, chromiumPath, launch, openPage, screenshot, seriousViolations } from './browser';

const ZH_PHASES = ['前向传播：隐藏层', '前向传播：输出层', '损失', '反向传播：输出层', '反向传播：隐藏层', '更新参数'];

const documentLanguage = (page: Page) => page.evaluate(() => [document.documentElement.lang, document.title]);

describe.skipIf(!chromiumPath())('the reader\'s language, in Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('a browser set to Chinese gets 简体中文, <html lang="zh-CN"> and a Chinese title, with no serious axe violation in any phase', async () => {
    const { page, errors } = await openPage(browser, LAPTOP, '', { locale: 'zh-CN' });
    expect(await documentLanguage(page)).toEqual(['zh-CN', 'Backprop Studio 反向传播工作室']);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Backprop Studio 反向传播工作室');
    const headings = page.locator('section.network > h2, section.equation-panel > h2, section.matrix-panel > h2');
    for (let k = 0; k < ZH_PHASES.length; k++) {
      if (k > 0) await page.keyboard.press('ArrowRight');
      await expect.poll(() => page.getByTestId('phase-announcer').textContent()).toBe(`第 0 次迭代，${ZH_PHASES[k]}。`);
      // Every panel naming the phase has caught up (panels out of view render a moment later).
      await expect.poll(async () => (await headings.allTextContents()).filter((h) => !h.includes(ZH_PHASES[k]))).toEqual([]);
      expect(await seriousViolations(page), ZH_PHASES[k]).toEqual([]);
      if (k === 3) await screenshot(page, 'zh-backward-output');
    }
    await page.locator('.header-language select').selectOption('en');
    await expect.poll(() => documentLanguage(page)).toEqual(['en', 'Backprop Studio']);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 600_000); // six full-page axe runs: seconds each, ten times that on a very busy machine

  it('a link\'s lang wins over the browser\'s language; its errors are in the reader\'s language', async () => {
    const english = await openPage(browser, LAPTOP, '#lang=en&it=1', { locale: 'zh-CN' });
    expect(await documentLanguage(english.page)).toEqual(['en', 'Backprop Studio']);
    await english.page.context().close();

    const { page } = await openPage(browser, LAPTOP, '#hidden=abc&colour=red', { locale: 'zh-TW' });
    const alert = page.getByRole('alert');
    expect(await alert.textContent()).toContain('链接中的 hidden 必须是一个数（收到的是 "abc"）');
    expect(await alert.textContent()).toContain('链接中的 "colour" 不是本页认识的设置');
    await screenshot(page, 'zh-link-errors');
    await page.context().close();
  });

  it('a browser preferring English (or neither language) gets English', async () => {
    for (const locale of ['en-GB', 'fr-FR']) {
      const { page } = await openPage(browser, LAPTOP, '', { locale });
      expect(await documentLanguage(page)).toEqual(['en', 'Backprop Studio']);
      await page.context().close();
    }
  });
});
