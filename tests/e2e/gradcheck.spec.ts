import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ARTIFACTS, LAPTOP, PHONE, chromiumPath, launch, openPage, screenshot } from './browser';
import tutorial from '../fixtures/tutorial.json';

/** The gradient check's values (numerical, backprop, relative error) once computed, else null. */
async function checkValues(page: Page, heading: RegExp) {
  const section = page.locator('.equation-panel section.eq-section-check').filter({ has: page.getByRole('heading', { name: heading }) });
  if ((await section.count()) !== 1 || (await section.getAttribute('aria-busy')) !== 'false') return null;
  const values = await section.locator('dd').evaluateAll((dds) => dds.map((dd) => ({ text: dd.textContent ?? '', full: Number(dd.getAttribute('title')) })));
  return { numerical: values[0], backprop: values[1], error: values[2] };
}

async function panelShot(page: Page, name: string) {
  const section = page.locator('.equation-panel section.eq-section-check');
  await section.scrollIntoViewIfNeeded();
  await page.locator('.equation-panel').screenshot({ path: `${ARTIFACTS}/${name}.png` });
}

describe.skipIf(!chromiumPath())('the gradient check in Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('on the tutorial at iteration 0, stepping to backward-hidden shows W1[0][0] with a relative error below 1e-7', async () => {
    const { page, errors } = await openPage(browser, LAPTOP);
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.locator('#controls').textContent()).toMatch(/Iteration 0.*Backward: hidden layer/);
    await expect.poll(() => checkValues(page, /^Gradient check for W1\[0\]\[0\]$/), { timeout: 10_000 }).not.toBeNull();
    const shown = (await checkValues(page, /^Gradient check for W1\[0\]\[0\]$/))!;
    // Backprop's value is NumPy's dW1[0][0] (to 1e-12); the numerical gradient agrees with it to < 1e-7.
    const numpy = tutorial.iteration0.dW1[0][0];
    expect(Math.abs(shown.backprop.full - numpy)).toBeLessThan(1e-12 * Math.abs(numpy));
    expect(Math.abs(shown.numerical.full - numpy)).toBeLessThan(1e-7 * Math.abs(numpy));
    expect(shown.error.full).toBeLessThan(1e-7);
    expect(Number(shown.error.text)).toBeLessThan(1e-7);
    expect(shown.error.text).toMatch(/^\d\.\de-\d+$/);
    await panelShot(page, 'gradcheck-laptop-backward-hidden');
    await screenshot(page, 'gradcheck-laptop-backward-hidden-page');

    // One step back: backward-output checks W2[0][0].
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => checkValues(page, /^Gradient check for W2\[0\]\[0\]$/), { timeout: 10_000 }).not.toBeNull();
    const output = (await checkValues(page, /^Gradient check for W2\[0\]\[0\]$/))!;
    expect(Math.abs(output.backprop.full - tutorial.iteration0.dW2[0][0])).toBeLessThan(1e-12 * Math.abs(tutorial.iteration0.dW2[0][0]));
    expect(output.error.full).toBeLessThan(1e-7);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('in 简体中文, on a phone', async () => {
    // openPage waits for the English "Step forward"; here the link itself asks for 简体中文.
    const page = await (await browser.newContext({ viewport: PHONE })).newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(`${inject('baseURL')}#phase=backward-hidden&lang=zh-CN`);
    await expect.poll(() => checkValues(page, /^W1\[0\]\[0\] 的梯度检验$/), { timeout: 10_000 }).not.toBeNull();
    const shown = (await checkValues(page, /^W1\[0\]\[0\] 的梯度检验$/))!;
    expect(shown.error.full).toBeLessThan(1e-7);
    const text = await page.locator('.equation-panel section.eq-section-check').textContent();
    expect(text).toContain('数值梯度');
    expect(text).toContain('相对误差');
    // The block fits the phone's width: nothing in it scrolls the page sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await panelShot(page, 'gradcheck-phone-zh');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
