/** Launching Debian's Chromium with playwright-core (test tools may not download browsers here). */
import { existsSync, mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** The first Chromium executable found, or null. */
export function chromiumPath(): string | null {
  return CANDIDATES.find((p): p is string => !!p && existsSync(p)) ?? null;
}

/**
 * Flags for a closed network: no background connections, no sandbox as root, no GPU; and not the
 * omnibox popup, a WebUI app of ~100 modules that Chromium 156 loads for every new page even
 * headless, competing with the app under test on a 2-core machine.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxFullPopup,WebUIOmniboxAimPopup',
];

export async function launch(extraArgs: readonly string[] = []): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('no Chromium found');
  return chromium.launch({ executablePath, args: [...CHROMIUM_ARGS, ...extraArgs] });
}

export const LAPTOP = { width: 1280, height: 800 } as const;
export const PHONE = { width: 390, height: 844 } as const;

/** Where screenshots go: kept as test artifacts. */
export const ARTIFACTS = 'test-results/screenshots';

/**
 * Whether screenshot() saves its picture. npm test, which only needs to pass or fail, sets
 * SCREENSHOTS=0: a full-page picture costs a second of a two-core machine, and a run takes about
 * fifty. A spec run on its own (npx vitest run -c vitest.e2e.config.ts tests/e2e/x.spec.ts)
 * saves them, to look at.
 */
const SAVE_SCREENSHOTS = process.env.SCREENSHOTS !== '0';

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = `${ARTIFACTS}/${name}.png`;
  // Off-screen panels skip rendering (content-visibility: auto); a full-page picture needs them drawn.
  // Through the CSSOM: the page's CSP refuses an injected <style> (page.addStyleTag).
  await page.evaluate(() => document.querySelectorAll<HTMLElement>('.panel').forEach((p) => p.style.setProperty('content-visibility', 'visible', 'important')));
  // Panels out of view show the store's state up to ~100 ms late (DeferUpdates): let them catch up.
  // Both happen without the picture too, so a test goes on from the same page either way.
  await page.waitForTimeout(250);
  if (SAVE_SCREENSHOTS) await page.screenshot({ path, fullPage: true });
  return path;
}

/**
 * Reports every Content-Security-Policy violation as a console error (Chromium logs most, not
 * all, of them itself), so a test's `errors` catches them.
 */
export async function reportCspViolations(context: BrowserContext) {
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber} ${e.sample}`);
    });
  });
}

/** Collects every page error and console error (CSP violations included) of a page. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  return errors;
}

/**
 * A page in its own context (axe-core needs one; kept work stays in it), with every page error
 * and console error collected. `locale` is the browser's language (the page follows it on a first visit).
 */
export async function openPage(browser: Browser, viewport: { width: number; height: number }, hash = '', { locale = 'en-US' } = {}) {
  const context = await browser.newContext({ viewport, locale });
  await reportCspViolations(context);
  const page = await context.newPage();
  const errors = collectErrors(page);
  await page.goto(`${inject('baseURL')}${hash}`);
  // The controls' status line, in whichever language the link asks for.
  await page.locator('.controls-status').waitFor();
  // And React owns the page: the prerendered one shows that line before any script has run, and
  // hydrates in slices after its first paint. From here on a key press reaches the shortcuts.
  await ownedByReact(page);
  return { page, errors };
}

/** Hydrated (or rendered) and the first-paint rules gone: React owns the page. */
export const ownedByReact = (page: Page) => page.waitForFunction(() => document.documentElement.dataset.firstPaint === undefined, undefined, { timeout: 60_000 });

/** The text of the controls bar's status line: "Iteration 3 · Loss". */
export function statusLine(page: Page) {
  return page.locator('#controls').getByText(/^Iteration \d+/).first().textContent();
}

/**
 * axe-core's serious and critical violations on the page, as "rule: count × first target".
 * Legacy mode runs axe.run in the page itself. The default (runPartial in every frame, then
 * finishRun in a new blank page, for cross-origin frames our pages do not have) ships every
 * node's partial results across and took three times as long: 6–8 s a run against 2–2.5 s on
 * the studio in 简体中文, with the same violations found (checked with planted ones, contrast
 * included). Only violations are wanted: leaving out the passes makes each run faster too.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).setLegacyMode().options({ resultTypes: ['violations'] }).analyze();
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0]?.target}`);
}
