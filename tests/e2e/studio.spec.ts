import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { LAPTOP, PHONE, chromiumPath, launch, openPage, screenshot, seriousViolations } from './browser';
import tutorial from '../fixtures/tutorial.json';

const PHASE_NAMES = ['Forward: hidden layer', 'Forward: output layer', 'Loss', 'Backward: output layer', 'Backward: hidden layer', 'Update the weights'];

/**
 * Waits until the controls and every panel that names the phase show phase `k` of iteration 0,
 * scrolling each panel into view: a panel out of view renders no step until it is back in view,
 * and then a moment after the controls (DeferWhenHidden), later still on a busy machine.
 */
async function panelsShow(page: Page, k: number) {
  const phase = PHASE_NAMES[k];
  await expect.poll(() => page.getByTestId('phase-announcer').textContent()).toBe(`Iteration 0, ${phase}.`);
  for (const heading of await page.locator('section.network > h2, section.equation-panel > h2, section.matrix-panel > h2').all()) {
    await heading.scrollIntoViewIfNeeded();
    await expect.poll(() => heading.textContent()).toContain(phase);
  }
  await page.evaluate(() => window.scrollTo(0, 0));
}

describe.skipIf(!chromiumPath())('the studio in Chromium', () => {
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    browser = await launch();
    ({ page, errors } = await openPage(browser, LAPTOP));
  });

  afterAll(async () => {
    await browser?.close();
  });

  /** The equations of the phase shown (visited phases stay mounted, hidden). */
  const shownEquations = () => page.locator('.equation-panel .eq-phase-body:not(.is-hidden)').textContent();
  const liveText = () => page.locator('[aria-live="polite"]').filter({ hasText: /Iteration/ }).first().textContent();

  it('opens on the tutorial example at iteration 0, forward-hidden, with no errors', async () => {
    await screenshot(page, 'laptop-forward-hidden');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Backprop Studio');
    expect(await page.locator('#controls').textContent()).toMatch(/Iteration 0.*Forward: hidden layer/);
    expect(errors).toEqual([]);
  });

  it('steps a full iteration with → and shows the NumPy cost at the loss phase', async () => {
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(liveText).toBe('Iteration 0, Loss.');
    // The cost as NumPy computed it, to the 4 decimals shown, in the network diagram and the equations alike.
    const cost = tutorial.iteration0.cost.toFixed(4);
    expect(cost).toBe('0.6932');
    // The diagram may render a frame after the live region (it is deferred while out of view): poll.
    await expect.poll(() => page.locator('section.network').textContent()).toContain(`L = ${cost}`);
    await expect.poll(shownEquations).toContain(cost);
    await screenshot(page, 'laptop-loss');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    await expect.poll(liveText).toBe('Iteration 0, Update the weights.');
    await screenshot(page, 'laptop-update');
    await page.keyboard.press('ArrowRight');
    await expect.poll(liveText).toBe('Iteration 1, Forward: hidden layer.');
    await expect.poll(() => page.url()).toContain('it=1');
  });

  it('steps back to the first view exactly', async () => {
    const first = await shownEquations();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(liveText).toBe('Iteration 0, Update the weights.');
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowLeft');
    await expect.poll(liveText).toBe('Iteration 0, Forward: hidden layer.');
    await expect.poll(() => page.getByRole('button', { name: 'Step back' }).isDisabled()).toBe(true);
    // iteration 1's forward-hidden differs from iteration 0's: W changed in the update
    await expect.poll(shownEquations).not.toBe(first);
    await expect.poll(() => page.url()).not.toContain('it=');
  });

  it('cross-fades the diagram and sweeps the flow into a new phase, then leaves no picture behind', async () => {
    await page.waitForTimeout(500); // earlier steps' motion over
    // Right after the answering frame: a still picture of forward-hidden fades over the new marks.
    // Read when the picture is put in (a read on a later frame could miss the whole fade on a busy machine).
    await page.evaluate(() => {
      const w = window as unknown as { fadeSeen: Promise<unknown> };
      w.fadeSeen = new Promise((resolve) => {
        const observer = new MutationObserver(() => {
          if (!document.querySelector('.network-afterimage > svg')) return;
          observer.disconnect();
          resolve({
            running: document.getAnimations().map((a) => ((a.effect as KeyframeEffect | null)?.target as Element | null)?.getAttribute('class') ?? ''),
            live: document.querySelectorAll('.network-afterimage [tabindex], .network-afterimage [data-target], .network-afterimage [role]').length,
            marks: document.querySelectorAll('.network-svg [data-target]').length - document.querySelectorAll('.network-afterimage [data-target]').length,
          });
        });
        observer.observe(document.querySelector('section.network')!, { childList: true, subtree: true });
        setTimeout(() => resolve(null), 20_000);
      });
    });
    await page.keyboard.press('ArrowRight');
    const during = await page.evaluate(() => (window as unknown as { fadeSeen: Promise<{ running: string[]; live: number; marks: number } | null> }).fadeSeen);
    if (!during) throw new Error('no afterimage within 20 s');
    expect(during.running).toEqual(expect.arrayContaining(['network-afterimage', 'network-flow-band', 'network-flow-dots']));
    expect(during.live).toBe(0);
    expect(during.marks).toBe(2 + 4 + 1 + 8 + 4);
    // The fade ends with its picture gone; the flow's three sweeps end too.
    await expect.poll(() => page.locator('.network-afterimage > *').count(), { timeout: 10_000 }).toBe(0);
    await expect.poll(() => page.evaluate(() => document.getAnimations().length), { timeout: 10_000 }).toBe(0);
    expect(await page.locator('.network-flow').count()).toBe(1);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(liveText).toBe('Iteration 0, Forward: hidden layer.');
    expect(errors).toEqual([]);
  });

  it('plays and pauses', async () => {
    await page.getByRole('button', { name: 'Play' }).click();
    await expect.poll(liveText, { timeout: 10_000 }).not.toBe('Iteration 0, Forward: hidden layer.');
    await page.getByRole('button', { name: 'Pause' }).click();
    await page.getByRole('button', { name: 'Play' }).waitFor();
    const paused = await liveText();
    await page.waitForTimeout(1200);
    expect(await liveText()).toBe(paused);
  });

  it('has no serious or critical accessibility violations', async () => {
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('fits a phone without horizontal scrolling, in every phase', async () => {
    const { page: phone } = await openPage(browser, PHONE);
    for (let i = 0; i < 6; i++) {
      await panelsShow(phone, i);
      const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      if (i === 0 || i === 4) await screenshot(phone, `phone-phase-${i}`);
      await phone.getByRole('button', { name: 'Step forward' }).click();
    }
    await phone.context().close();
  });

  it('turns a malformed link into a specific message and still works', async () => {
    const { page: p } = await openPage(browser, LAPTOP, '#hidden=abc&lr=-1&phase=sideways&bogus=1');
    const text = await p.getByRole('alert').textContent();
    expect(text).toContain('hidden must be a number (got "abc")');
    expect(text).toContain('phase must be one of');
    expect(text).toContain('"bogus"');
    await p.getByRole('button', { name: 'Step forward' }).click();
    await expect.poll(() => p.locator('#controls').textContent()).toMatch(/Iteration 0.*Forward: output layer/);
    await p.context().close();
  });

  it('opens a link at exactly the state it names', async () => {
    const { page: p } = await openPage(browser, LAPTOP, '#it=3&phase=backward-output');
    // Iterations past the first are trained in the worker: poll until they are there.
    await expect.poll(() => p.locator('#controls').textContent()).toMatch(/Iteration 3.*Backward: output layer/);
    await p.context().close();
  });
});
