import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, LAPTOP, chromiumPath, launch, openPage, statusLine } from './browser';

describe.skipIf(!chromiumPath())('a strict Content-Security-Policy, and installable, in Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('the built page carries the policy, and stepping, KaTeX, heatmaps, both workers and the service worker run without a violation', async () => {
    const { page, errors } = await openPage(browser, LAPTOP, '#data=xor&hidden=4');
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    const directives = new Map((policy ?? '').split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('style-src')).toEqual(["'self'"]);
    expect(directives.get('worker-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval/);
    // The policy is in force: an inline script does not run, and the refusal is reported.
    expect(await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'document.body.dataset.inlineRan = "yes"';
      document.head.append(s);
      return document.body.dataset.inlineRan ?? 'no';
    })).toBe('no');
    await expect.poll(() => errors.filter((e) => e.startsWith('CSP violation: script-src')).length).toBe(1);
    errors.length = 0; // that refusal was the point; from here on, nothing may be refused
    const workers: string[] = [];
    page.on('worker', (w) => workers.push(w.url()));

    for (let k = 0; k < 6; k++) await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByTestId('phase-announcer').textContent()).toBe('Iteration 1, Forward: hidden layer.');
    // KaTeX typeset, with its layout styles applied (set through the CSSOM, which the policy allows).
    await expect.poll(() => page.locator('.equation-panel .katex').count()).toBeGreaterThan(0);
    await expect.poll(() => page.evaluate(() => [...document.querySelectorAll<HTMLElement>('.equation-panel .katex .pstrut')].every((s) => s.style.height !== ''))).toBe(true);
    // The matrices' heatmaps are data: images.
    await page.locator('section.matrix-panel').scrollIntoViewIfNeeded();
    await expect.poll(() => page.evaluate(() => [...document.querySelectorAll('section.matrix-panel img')].filter((i) => (i as HTMLImageElement).src.startsWith('data:image/bmp') && (i as HTMLImageElement).naturalWidth > 0).length)).toBeGreaterThan(0);
    // Training runs in the training worker; the decision boundary, while it runs, in the field worker.
    await page.locator('section.dv').scrollIntoViewIfNeeded();
    const form = page.locator('form.train-form');
    await form.getByLabel('Iterations', { exact: true }).fill('3000');
    await form.getByRole('button', { name: 'Train', exact: true }).click();
    await expect.poll(() => statusLine(page), { timeout: 60_000 }).toBe('Iteration 3001');
    expect(workers.map((url) => /(training|field)\.worker/.exec(url)?.[1]).sort()).toEqual(['field', 'training']);
    // The service worker, registered and in control.
    await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, { timeout: 30_000 });
    // A download the way the page makes one: a blob: URL on a link.
    const download = page.waitForEvent('download');
    await page.evaluate(() => {
      const a = document.createElement('a');
      a.href = URL.createObjectURL(new Blob(['x,y\n1,0\n'], { type: 'text/csv' }));
      a.download = 'check.csv';
      document.body.append(a);
      a.click();
      a.remove();
    });
    expect((await download).suggestedFilename()).toBe('check.csv');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('shows what a user supplies (a file name, column names, a link) as text, never as HTML', async () => {
    const { page, errors } = await openPage(browser, LAPTOP, `#${encodeURIComponent('<b id="injected">k</b>')}=1`);
    expect(await page.getByRole('alert').textContent()).toContain('"<b id="injected">k</b>" is not a setting');
    const name = '<img id="injected" src="x">.csv';
    const csv = '<b id="injected">u</b>,<i id="injected">v</i>,y\n0,1,0\n1,0,1\n0.5,0.5,1\n1,1,0\n';
    await page.getByLabel('Choose a CSV file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await expect.poll(() => page.getByLabel('Data set').inputValue()).toBe('csv');
    await page.locator('section.dv').scrollIntoViewIfNeeded();
    await expect.poll(() => page.locator('section.dv').textContent()).toContain('<b id="injected">u</b>');
    expect(await page.locator('#lab-setup').textContent()).toContain(name);
    expect(await page.locator('#injected').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('is installable: Chromium finds the manifest, its icons and the service worker', async () => {
    // Chromium reports installability only outside incognito (a context of its own profile).
    const profile = mkdtempSync(join(tmpdir(), 'backprop-studio-'));
    const context = await chromium.launchPersistentContext(profile, { executablePath: chromiumPath()!, args: CHROMIUM_ARGS, viewport: LAPTOP });
    try {
      const page = await context.newPage();
      await page.goto(inject('baseURL'));
      await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, { timeout: 30_000 });
      const cdp = await context.newCDPSession(page);
      const manifest = await cdp.send('Page.getAppManifest');
      expect(manifest.errors).toEqual([]);
      expect(manifest.url).toMatch(/manifest\.webmanifest$/);
      expect((await cdp.send('Page.getInstallabilityErrors')).installabilityErrors).toEqual([]);
      // The icons it names are served (and cached for offline use).
      const icons = await page.evaluate(async () => {
        const m = await (await fetch('manifest.webmanifest')).json();
        return Promise.all(m.icons.map(async (i: { src: string; sizes: string; purpose: string }) => {
          const bitmap = await createImageBitmap(await (await fetch(i.src)).blob());
          return `${i.sizes} ${i.purpose} ${bitmap.width}x${bitmap.height}`;
        }));
      });
      expect(icons).toEqual(['192x192 any 192x192', '512x512 any 512x512', '512x512 maskable 512x512']);
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });
});
