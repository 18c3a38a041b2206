/**
 * First load: how soon the studio paints and becomes usable on a slow device, and what it costs.
 * Serves dist/ gzipped (as any real host does) and measures, in Debian's Chromium:
 *
 *  - the JavaScript the first screen needs: every script fetched from navigation until the
 *    "Step forward" button is live (React has attached its handlers), gzipped bytes on the wire;
 *    and, for comparison, all the script the page fetches in its first seconds (lazy panels, KaTeX);
 *  - first contentful paint, largest contentful paint and the time to a live "Step forward",
 *    with the CPU throttled 1×, 4× and 6× (CDP Emulation.setCPUThrottlingRate; 4× is DevTools'
 *    "4× slowdown", about a school Chromebook or a budget phone against this machine);
 *  - Lighthouse, mobile (its default: simulated slow 4G and 4× CPU) and desktop: performance and
 *    accessibility scores, FCP, LCP, total blocking time, and the accessibility audits that failed;
 *  - a picture of the first paint before any script ran (scripts blocked), in .perf/.
 *
 *   node bench/load.mjs                      (after vite build; npm run bench:browser runs it too)
 *   BENCH_LOADS=9 node bench/load.mjs        (loads per throttle rate; default 5)
 *   BENCH_LIGHTHOUSE=0 node bench/load.mjs   (skip Lighthouse, ~1 min of the run)
 *   BENCH_COMPARE=/tmp/old-dist node bench/load.mjs   (also load another build, interleaved, for an A/B)
 *
 * Imports nothing from src: the page is measured from outside, through performance APIs and CDP.
 */
import { createServer } from 'node:http';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { NO_BROWSER_UI, chromiumPath, launch } from './browser/harness.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PERF_DIR = join(ROOT, '.perf');
const LAPTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const RATES = [1, 4, 6];
const LOADS = Number(process.env.BENCH_LOADS ?? 5);

const MIME = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2', '.woff': 'font/woff',
  '.ttf': 'font/ttf', '.webmanifest': 'application/manifest+json',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.webmanifest']);

/**
 * Serves `dir` on a free loopback port, gzipped (level 9, compressed once per file) when the
 * browser accepts it, as a static host does. No caching headers: every load is a fresh one.
 */
export function serveGzip(dir) {
  const cache = new Map();
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = normalize(join(dir, path));
    if (!file.startsWith(dir + sep) && file !== dir) return res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) return res.writeHead(404).end('not found');
    const ext = extname(file);
    const headers = { 'content-type': MIME[ext] ?? 'application/octet-stream', 'cache-control': 'no-store' };
    let body = readFileSync(file);
    if (COMPRESSIBLE.has(ext) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
      if (!cache.has(file)) cache.set(file, gzipSync(body, { level: 9 }));
      body = cache.get(file);
      headers['content-encoding'] = 'gzip';
      headers.vary = 'accept-encoding';
    }
    res.writeHead(200, { ...headers, 'content-length': body.length }).end(body);
  });
  return new Promise((done) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      done({ url: `http://127.0.0.1:${port}/`, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}

const median = (xs) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return null;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ms = (v) => (v === null ? null : Math.round(v));
const kb = (b) => Math.round(b / 102.4) / 10;
const load = () => loadavg().map((v) => v.toFixed(2)).join(' / ');

/** Is the "Step forward" button live, i.e. has React attached its props (hydrated or rendered)? */
function isLive() {
  const button = [...document.querySelectorAll('button')].find((b) => b.getAttribute('aria-label') === 'Step forward' || b.textContent?.trim() === 'Step forward');
  return !!button && Object.keys(button).some((k) => k.startsWith('__reactProps'));
}

/** Installed before any script: paint timings, and the moment "Step forward" became live (polled each frame). */
function observePaints() {
  const b = { fcp: null, lcp: null, live: null };
  window.__load = b;
  new PerformanceObserver((l) => l.getEntries().forEach((e) => { if (e.name === 'first-contentful-paint') b.fcp = e.startTime; })).observe({ type: 'paint', buffered: true });
  new PerformanceObserver((l) => l.getEntries().forEach((e) => { b.lcp = e.renderTime || e.loadTime || e.startTime; })).observe({ type: 'largest-contentful-paint', buffered: true });
}

/**
 * One fresh load at `rate`× CPU: FCP, LCP, when "Step forward" went live, and the script bytes
 * (gzipped, on the wire) requested before that moment and in all.
 */
async function oneLoad(browser, url, rate, viewport = LAPTOP) {
  const context = await browser.newContext({ viewport });
  await context.addInitScript(observePaints);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  const scripts = new Map();
  cdp.on('Network.requestWillBeSent', (e) => { if (e.type === 'Script' || /\.m?js(\?|$)/.test(e.request.url)) scripts.set(e.requestId, { url: e.request.url, at: e.timestamp, bytes: 0 }); });
  cdp.on('Network.loadingFinished', (e) => { const s = scripts.get(e.requestId); if (s) s.bytes = e.encodedDataLength; });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  const navStart = Date.now();
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(isLive, undefined, { timeout: 60_000, polling: 'raf' });
  const liveWall = Date.now();
  const live = await page.evaluate(() => performance.now());
  // Let LCP settle (it ends at the first input; none comes) and the lazy chunks arrive.
  await page.waitForTimeout(1500 * Math.max(1, rate / 2));
  const { fcp, lcp } = await page.evaluate(() => window.__load);
  const ts = [...scripts.values()];
  const t0 = ts.length ? Math.min(...ts.map((s) => s.at)) : 0;
  const before = ts.filter((s) => (s.at - t0) * 1000 <= liveWall - navStart);
  await context.close();
  return {
    fcp, lcp, live, errors,
    firstScreenJs: before.reduce((sum, s) => sum + s.bytes, 0), firstScreenFiles: before.map((s) => s.url.split('/').pop()),
    allJs: ts.reduce((sum, s) => sum + s.bytes, 0), allFiles: ts.length,
  };
}

/** The first paint with every script blocked: what a reader sees before any JavaScript has run. */
export async function firstPaintPicture(browser, url, name, { viewport = LAPTOP, locale = 'en-US', storage = null } = {}) {
  const context = await browser.newContext({ viewport, locale });
  if (storage) await context.addInitScript((s) => Object.entries(s).forEach(([k, v]) => localStorage.setItem(k, v)), storage);
  const page = await context.newPage();
  // Block the app's scripts but not the tiny first-paint choice in <head> (it runs before the body is parsed).
  await page.route(/\.m?js(\?|$)/, (route) => (/\/assets\/boot-/.test(route.request().url()) ? route.continue() : route.abort()));
  await page.goto(url, { waitUntil: 'load' });
  mkdirSync(PERF_DIR, { recursive: true });
  const path = join(PERF_DIR, `${name}.png`);
  await page.screenshot({ path });
  const text = await page.evaluate(() => document.body.innerText.length);
  const choice = await page.evaluate(() => document.documentElement.dataset.firstPaint ?? null);
  await context.close();
  return { path, text, choice };
}

/** Lighthouse (mobile or desktop) against `url`: scores, timings and failed accessibility audits. */
export async function lighthouseRun(url, formFactor, chromePath) {
  const [{ default: lighthouse, desktopConfig }, chromeLauncher] = await Promise.all([import('lighthouse'), import('chrome-launcher')]);
  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', NO_BROWSER_UI] });
  try {
    const flags = { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] };
    const result = await lighthouse(url, flags, formFactor === 'desktop' ? desktopConfig : undefined);
    const lhr = result.lhr;
    mkdirSync(PERF_DIR, { recursive: true });
    writeFileSync(join(PERF_DIR, `lighthouse-${formFactor}.json`), JSON.stringify(lhr));
    const audit = (id) => lhr.audits[id]?.numericValue ?? null;
    const failed = Object.values(lhr.audits).filter((a) => lhr.categories.accessibility.auditRefs.some((r) => r.id === a.id && r.weight > 0) && a.score === 0).map((a) => a.id);
    return {
      performance: Math.round(lhr.categories.performance.score * 100), accessibility: Math.round(lhr.categories.accessibility.score * 100),
      fcp: audit('first-contentful-paint'), lcp: audit('largest-contentful-paint'), tbt: audit('total-blocking-time'), cls: audit('cumulative-layout-shift'),
      failed, warnings: lhr.runWarnings,
    };
  } finally {
    await chrome.kill();
  }
}

/**
 * Every first-load figure. `record(id, label, fields)` receives each row (bench/browser.mjs's
 * table); `log` prints progress. Returns the raw numbers too.
 */
export async function measureLoad({ browser, dist, record, log = console.log, chromePath }) {
  const server = await serveGzip(dist);
  // BENCH_COMPARE=/path/to/other/dist: the same loads of another build, interleaved with these
  // (A, B, A, B…), so that a busy machine slows both alike.
  const other = process.env.BENCH_COMPARE ? await serveGzip(resolve(process.env.BENCH_COMPARE)) : null;
  const out = { loads: {}, compare: {}, lighthouse: {} };
  try {
    for (const rate of RATES) {
      const runs = [];
      const otherRuns = [];
      // The first load warms the disk cache and the browser: thrown away.
      await oneLoad(browser, server.url, rate);
      if (other) await oneLoad(browser, other.url, rate);
      for (let i = 0; i < LOADS; i++) {
        runs.push(await oneLoad(browser, server.url, rate));
        if (other) otherRuns.push(await oneLoad(browser, other.url, rate));
      }
      const summary = (xs) => ({
        fcp: median(xs.map((x) => x.fcp)), lcp: median(xs.map((x) => x.lcp)), live: median(xs.map((x) => x.live)),
        fcps: xs.map((x) => ms(x.fcp)), firstScreenJs: xs[0].firstScreenJs, allJs: xs[0].allJs, errors: [...new Set(xs.flatMap((x) => x.errors))],
      });
      const r = { ...summary(runs), load: load() };
      out.loads[rate] = r;
      const versus = other ? summary(otherRuns) : null;
      if (versus) out.compare[rate] = versus;
      const target = rate === 4 ? 1000 : null;
      record(`load.fcp.${rate}x`, `First contentful paint, CPU ${rate}× slower (median of ${LOADS})`, {
        value: ms(r.fcp), unit: 'ms', target, method: 'PerformanceObserver paint, CDP Emulation.setCPUThrottlingRate, gzip static server',
        note: [
          `loads ${r.fcps.join(', ')} ms; LCP ${ms(r.lcp)} ms; "Step forward" live at ${ms(r.live)} ms`,
          versus && `BENCH_COMPARE build, interleaved: FCP ${ms(versus.fcp)} ms (loads ${versus.fcps.join(', ')}), LCP ${ms(versus.lcp)} ms, live at ${ms(versus.live)} ms`,
          `load ${r.load}`,
        ].filter(Boolean).join('; '),
      });
      if (rate === 1) {
        // What the build says the first screen needs is bundle.initialJs (bench/browser/bundle.mjs); this is what the browser asked for.
        record('load.jsBeforeLive', 'JS requested before "Step forward" is live, gzipped', {
          value: kb(r.firstScreenJs), unit: 'KB', target: 200, method: 'resource timing, gzip static server',
          note: `all the JS of the first seconds, KaTeX and the lazy panels included: ${kb(r.allJs)} KB; index.html ${kb(gzipSync(readFileSync(join(dist, 'index.html')), { level: 9 }).length)} KB gzipped`,
        });
      }
      if (r.errors.length) log(`  page errors at ${rate}×: ${r.errors.join(' | ')}`);
    }
    if (process.env.BENCH_LIGHTHOUSE !== '0') {
      for (const formFactor of ['mobile', 'desktop']) {
        try {
          const lh = await lighthouseRun(server.url, formFactor, chromePath);
          out.lighthouse[formFactor] = lh;
          record(`load.lighthouse.${formFactor}.performance`, `Lighthouse ${formFactor} performance`, {
            value: lh.performance, unit: '', target: formFactor === 'mobile' ? 90 : 98, better: 'higher', method: `lighthouse ${formFactor === 'mobile' ? 'default (mobile, simulated)' : 'desktop config'}`,
            note: `FCP ${ms(lh.fcp)} ms, LCP ${ms(lh.lcp)} ms, TBT ${ms(lh.tbt)} ms, CLS ${lh.cls?.toFixed(3)}; load ${load()}`,
          });
          record(`load.lighthouse.${formFactor}.accessibility`, `Lighthouse ${formFactor} accessibility`, {
            value: lh.accessibility, unit: '', target: 100, better: 'higher', method: 'lighthouse',
            note: lh.failed.length ? `failed: ${lh.failed.join(', ')}` : 'no failed audits',
          });
        } catch (e) {
          record(`load.lighthouse.${formFactor}.performance`, `Lighthouse ${formFactor} performance`, { note: `could not run: ${e instanceof Error ? e.message.split('\n')[0] : e}`, target: formFactor === 'mobile' ? 90 : 98, better: 'higher' });
        }
      }
    }
    const pictures = [
      await firstPaintPicture(browser, server.url, 'first-paint-laptop'),
      await firstPaintPicture(browser, server.url, 'first-paint-phone', { viewport: PHONE }),
      await firstPaintPicture(browser, server.url, 'first-paint-zh', { locale: 'zh-CN' }),
      await firstPaintPicture(browser, `${server.url}#data=xor&hidden=3`, 'first-paint-link'),
    ];
    out.pictures = pictures;
    record('load.picture', 'First paint before any script ran', {
      display: pictures.map((p) => `${p.path.replace(`${ROOT}/`, '')} (${p.choice ?? 'no choice'}, ${p.text} chars)`).join('; '),
      method: 'page.route aborts every script but the first-paint choice; screenshot after load',
    });
  } finally {
    await server.close();
    await other?.close();
  }
  return out;
}

// Run alone: node bench/load.mjs
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const chromePath = chromiumPath();
  const dist = resolve(process.env.BENCH_DIST ?? join(ROOT, 'dist'));
  const browser = await launch(chromePath);
  console.log(`First load of ${dist}, load average ${load()} (1/5/15 min)`);
  const rows = [];
  const record = (id, label, f) => {
    rows.push({ id, label, ...f });
    const tgt = f.target == null ? '' : ` (target ${f.better === 'higher' ? '≥' : '≤'} ${f.target}${f.unit ? ` ${f.unit}` : ''})`;
    console.log(`${label}: ${f.display ?? (f.value ?? 'n/a')}${f.unit && f.value != null ? ` ${f.unit}` : ''}${tgt}${f.note ? `\n    ${f.note}` : ''}`);
  };
  try {
    await measureLoad({ browser, dist, record, chromePath });
  } finally {
    await browser.close();
  }
  console.log(`Load average at the end: ${load()}`);
}
