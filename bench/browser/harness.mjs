/**
 * The browser benchmark's shared harness: where the build is, a static server for it, the
 * Chromium to launch (with the page instrumented before the app runs), opening the app, the
 * DevTools-protocol helpers (CPU throttling) and the small numeric helpers every section uses.
 */
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { cpus, loadavg, totalmem, platform, release } from 'node:os';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { instrument } from './instrument.mjs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST = resolve(process.env.BENCH_DIST ?? join(ROOT, 'dist'));
export const OUT = join(ROOT, 'bench', 'results', 'browser-latest.json');
export const LAPTOP = { width: 1280, height: 800 };
/**
 * The browser's own pages that would run beside the app: Chromium 156 loads its omnibox popup (a
 * WebUI app of ~100 modules) in another renderer for every new page, even headless, which on a
 * 2-core machine competes with the load being measured.
 */
export const NO_BROWSER_UI = '--disable-features=WebUIOmniboxPopup,WebUIOmniboxFullPopup,WebUIOmniboxAimPopup';
/** Same flags as tests/e2e/browser.ts, plus exact heap numbers for performance.memory. */
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage', '--enable-precise-memory-info', NO_BROWSER_UI,
];
export const CHROMIUM_CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

// ───────────────────────────── small helpers ─────────────────────────────

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export const FRAME_MS = 1000 / 60;
/** A delay within one frame, uniform and the same sequence every run (a linear congruential generator). */
export const frameJitter = (() => {
  let state = 12345;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state / 2 ** 32) * FRAME_MS;
  };
})();
export const round = (v, d = 1) => (v === null || v === undefined || !Number.isFinite(v) ? null : Math.round(v * 10 ** d) / 10 ** d);

/** Linear-interpolated quantile, or nearest-rank with `nearest` (for values like "below 16"). */
export function quantile(values, q, nearest = false) {
  const xs = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (!xs.length) return null;
  if (nearest) return xs[Math.min(xs.length - 1, Math.max(0, Math.ceil(q * xs.length) - 1))];
  const pos = (xs.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return xs[lo] + (xs[hi] - xs[lo]) * (pos - lo);
}

export function chromiumPath() {
  return CHROMIUM_CANDIDATES.find((p) => p && existsSync(p)) ?? null;
}

/** The machine the figures come from; timings mean little without its load (2 shared cores here). */
export function machineInfo() {
  const cpu = cpus();
  return {
    cpu: cpu[0]?.model ?? 'unknown', cores: cpu.length, memoryGB: round(totalmem() / 2 ** 30, 1), os: `${platform()} ${release()}`, node: process.version,
    loadAverage: loadavg().map((v) => round(v, 2)),
  };
}

/** The 1-minute load average, for a row's note: with other work on 2 cores, a figure needs it beside it. */
export const load1 = () => round(loadavg()[0], 2);

// ───────────────────────────── static server ─────────────────────────────

const MIME = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.ico': 'image/x-icon', '.woff2': 'font/woff2', '.woff': 'font/woff', '.ttf': 'font/ttf', '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8', '.csv': 'text/csv; charset=utf-8', '.webmanifest': 'application/manifest+json',
};

/** Serves dist/ on a free loopback port (no compression, like a plain static host on localhost). */
export function serve(dir) {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = normalize(join(dir, path));
    if (!file.startsWith(dir + sep) && file !== dir) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404).end('not found');
      return;
    }
    const body = readFileSync(file);
    res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream', 'content-length': body.length });
    res.end(body);
  });
  return new Promise((resolveServer) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolveServer({ url: `http://127.0.0.1:${port}/`, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}

// ───────────────────────────── browser and page ─────────────────────────────

/** Debian's Chromium, headless, with the same flags as the e2e tests. */
export function launch(executablePath) {
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}

/** A fresh 1280×800 context whose pages carry window.__bench (instrument.mjs) before the app's scripts. */
export async function newContext(browser, ...initScripts) {
  const context = await browser.newContext({ viewport: LAPTOP });
  await context.addInitScript(instrument);
  for (const script of initScripts) await context.addInitScript(script);
  return context;
}

export async function openApp(context, url, timeout = 30000) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(m.text()); });
  page.on('response', (r) => { if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) errors.push(`${r.status()} ${r.url()}`); });
  await page.goto(url);
  await page.getByRole('button', { name: 'Step forward' }).waitFor({ timeout });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return { page, errors };
}

export async function blur(page) {
  await page.evaluate(() => { if (document.activeElement instanceof HTMLElement) document.activeElement.blur(); });
}

/**
 * Slows the page's CPU `rate`× (DevTools' "4× slowdown"; 1 = off) through the DevTools
 * protocol, as a stand-in for a school Chromebook or a budget phone. Returns the CDP session,
 * which must stay attached: detaching it ends the throttling.
 */
export async function throttleCpu(page, rate) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  return cdp;
}
