import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { LAPTOP, PHONE, chromiumPath, launch, screenshot } from './browser';
import tutorial from '../fixtures/tutorial.json';

const baseURL = inject('baseURL');

describe.skipIf(!chromiumPath())('the studio in Chromium', () => {
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    browser = await launch();
    page = await browser.newPage({ viewport: LAPTOP });
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(baseURL);
    await page.getByRole('button', { name: 'Step forward' }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('opens on the tutorial example at iteration 0, forward-hidden, with no errors', async () => {
    await screenshot(page, 'laptop-forward-hidden');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Backprop Studio');
    expect(errors).toEqual([]);
  });

  it('steps a full iteration with → and shows the NumPy cost at the loss phase', async () => {
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    const cost = tutorial.iteration0.cost.toFixed(4);
    await page.getByText(cost, { exact: false }).first().waitFor();
    await screenshot(page, 'laptop-loss');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    await screenshot(page, 'laptop-update');
    await page.keyboard.press('ArrowRight');
    expect(page.url()).toContain('it=1');
  });

  it('steps back to the first view exactly', async () => {
    for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowLeft');
    await expect.poll(() => page.url()).not.toContain('it=1');
    expect(await page.getByRole('button', { name: 'Step back' }).isDisabled()).toBe(true);
  });

  it('plays and pauses', async () => {
    await page.getByRole('button', { name: 'Play' }).click();
    await page.waitForTimeout(1200);
    await page.getByRole('button', { name: 'Pause' }).click();
    expect(await page.getByRole('button', { name: 'Step back' }).isDisabled()).toBe(false);
  });

  it('has no serious or critical accessibility violations', async () => {
    const result = await new AxeBuilder({ page }).analyze();
    const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0]?.target}`)).toEqual([]);
  });

  it('fits a phone without horizontal scrolling', async () => {
    const phone = await browser.newPage({ viewport: PHONE, isMobile: true, hasTouch: true });
    await phone.goto(baseURL);
    await phone.getByRole('button', { name: 'Step forward' }).waitFor();
    await screenshot(phone, 'phone-forward-hidden');
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await phone.close();
  });

  it('turns a malformed link into a specific message and still works', async () => {
    const p = await browser.newPage({ viewport: LAPTOP });
    await p.goto(`${baseURL}#hidden=abc&lr=-1&phase=sideways&bogus=1`);
    const alert = p.getByRole('alert');
    await alert.waitFor();
    const text = await alert.textContent();
    expect(text).toContain('hidden must be a number (got "abc")');
    expect(text).toContain('phase must be one of');
    expect(text).toContain('"bogus"');
    await p.getByRole('button', { name: 'Step forward' }).click();
    await p.close();
  });
});
