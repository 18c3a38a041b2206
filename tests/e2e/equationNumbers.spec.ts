import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { LAPTOP, chromiumPath, launch, openPage, screenshot } from './browser';

/**
 * Stepping writes most equation lines' new numbers straight into the typeset page (patchNumbers)
 * instead of typesetting them again: after many steps the panel must hold exactly what a fresh
 * page opened at the same state typesets, in both languages.
 */
describe.skipIf(!chromiumPath())('the equations after stepping', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
  });

  /** The equations of the phase shown, without the ids React makes per page. */
  const shownEquations = (page: Page) => page.locator('.equation-panel .eq-phase-body:not(.is-hidden)').innerHTML()
    .then((html) => html.replace(/ (id|aria-labelledby)="[^"]*"/g, ''));

  const PHASES = {
    en: ['Forward: hidden layer', 'Forward: output layer', 'Loss', 'Backward: output layer', 'Backward: hidden layer', 'Update the weights'],
    'zh-CN': ['前向传播：隐藏层', '前向传播：输出层', '损失', '反向传播：输出层', '反向传播：隐藏层', '更新参数'],
  };
  /** What the live region says after k steps from iteration 0's first phase. */
  const announcement = (lang: 'en' | 'zh-CN', k: number) => {
    const [iteration, phase] = [Math.floor(k / 6), PHASES[lang][k % 6]];
    return lang === 'en' ? `Iteration ${iteration}, ${phase}.` : `第 ${iteration} 次迭代，${phase}。`;
  };

  for (const [lang, presses] of [['en', 28], ['zh-CN', 21]] as const) {
    it(`are what a fresh page typesets for the same state (${lang}, ${presses} steps)`, async () => {
      const { page, errors } = await openPage(browser, LAPTOP, lang === 'en' ? '' : '#lang=zh-CN');
      for (let k = 1; k <= presses; k++) {
        await page.keyboard.press('ArrowRight');
        await expect.poll(() => page.getByTestId('phase-announcer').textContent()).toBe(announcement(lang, k));
      }
      const announced = announcement(lang, presses);
      const phaseId = ['forward-hidden', 'forward-output', 'loss', 'backward-output', 'backward-hidden', 'update'][presses % 6];
      await expect.poll(() => page.url()).toContain(`it=${Math.floor(presses / 6)}&phase=${phaseId}`);
      const { page: fresh } = await openPage(browser, LAPTOP, new URL(page.url()).hash);
      await expect.poll(() => fresh.getByTestId('phase-announcer').textContent()).toBe(announced);
      // Both panels render a moment after their controls: poll until they agree.
      await expect.poll(async () => (await shownEquations(page)) === (await shownEquations(fresh)), { timeout: 20_000 }).toBe(true);
      expect((await shownEquations(page)).length).toBeGreaterThan(5000);
      await screenshot(page, `equations-stepped-${lang}`);
      expect(errors).toEqual([]);
      await page.context().close();
      await fresh.context().close();
    });
  }
});
