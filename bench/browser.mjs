/**
 * Browser benchmark: drives the built app (dist/) in Debian's Chromium through its real UI
 * (keyboard, buttons, the URL hash) and prints the studio's and training lab's performance
 * numbers against their targets. It never fails on slowness: exit 0 unless the app can't load.
 *
 *   npm run bench:browser              (vite build && node bench/browser.mjs)
 *   BENCH_DIST=/tmp/dist node bench/browser.mjs   (measure another build)
 *   BENCH_ONLY=lab,race node bench/browser.mjs    (some sections: lcp, load, steps, scrub, big, link, train, lab, race)
 *   (load: first load, gzipped, with the CPU throttled 1×/4×/6× and Lighthouse; bench/load.mjs, its own options there)
 *   BENCH_LINK_IT=9000 ...                        (the late link's iteration; default 20,000)
 *   BENCH_TRACE=1 ...                             (also the main thread's CPU while the lab trains and races)
 *   CHROMIUM_PATH=/path/to/chrome ...             (another browser)
 *
 * The studio's step and scrub rows press the keys at a presenter's pace (one press per 250 ms),
 * as quick taps (one per 100 ms), as a held key (the keyboard's auto-repeat: one press every
 * 33 ms, whether or not the last one has painted) and back to back (each press as soon as the
 * last one painted, at a random moment within the next frame); all count against the ≤ 16 ms
 * target. Why the random moment: "painted" is seen in a frame callback, so a press sent at once
 * would always reach the page just after a frame began, the worst moment for a key to arrive
 * (it waits a whole frame for the next one to begin), which no keyboard or hand keeps doing.
 * The controls and the diagram answer a press in its first frame, the other panels right after
 * it: a row reports key → every panel updated as well.
 *
 * The lab's rows: training 2-32-1 × 1000 at the top of the page and with the data view on screen
 * (iterations/s, fps, long tasks, and how often the decision boundary's canvas is redrawn), and a
 * race of four optimizers through the race view against one lane trained alone.
 *
 * Writes bench/results/browser-latest.json. Imports nothing from src: everything is measured
 * in the page with performance APIs (Event Timing, long tasks, LCP, rAF), a wrapped 2-D canvas
 * context (the boundary's redraws) and CDP.
 */
import { createServer } from 'node:http';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem, platform, release } from 'node:os';
import { dirname, extname, join, normalize, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { measureLoad } from './load.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = resolve(process.env.BENCH_DIST ?? join(ROOT, 'dist'));
const OUT = join(ROOT, 'bench', 'results', 'browser-latest.json');
const LAPTOP = { width: 1280, height: 800 };
/** Same flags as tests/e2e/browser.ts, plus exact heap numbers for performance.memory. */
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage', '--enable-precise-memory-info',
];
const CHROMIUM_CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

const PRESSES = 50;
/** A presenter's fastest pace for the paced step rows: four presses a second. */
const PACE_MS = 250;
/** Quick taps: ten presses a second. */
const TAP_MS = 100;
/** A held key: the keyboard's auto-repeat, about 30 presses a second (Windows' default; X11's is 25). */
const REPEAT_MS = 33;
const SCRUB_RECOMPUTES = 50;
const PACED_SCRUB_RECOMPUTES = 10;
/** Presses measured for key → every panel updated, apart from the latency rows (its DOM watching costs the page). */
const PANEL_PRESSES = 20;
const HASH_SEEKS = 20;
const PLAY_MS = 5000;
const LCP_LOADS = 5;
/** BENCH_ONLY=steps,scrub runs only those sections (lcp, load, steps, scrub, big, link, train, lab, race). */
const ONLY = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',').map((x) => x.trim())) : null;
/** BENCH_PROFILE=1 saves a CPU profile of the → presses to bench/results/step-forward.cpuprofile (open in DevTools). */
const PROFILE = process.env.BENCH_PROFILE === '1';
/** BENCH_TRACE=1 traces the lab's training runs and adds a main-thread CPU row to each (fps is then measured under tracing). */
const TRACE = process.env.BENCH_TRACE === '1';

// ───────────────────────────── small helpers ─────────────────────────────

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const FRAME_MS = 1000 / 60;
/** A delay within one frame, uniform and the same sequence every run (a linear congruential generator). */
const frameJitter = (() => {
  let state = 12345;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state / 2 ** 32) * FRAME_MS;
  };
})();
const round = (v, d = 1) => (v === null || v === undefined || !Number.isFinite(v) ? null : Math.round(v * 10 ** d) / 10 ** d);

/** Linear-interpolated quantile, or nearest-rank with `nearest` (for values like "below 16"). */
function quantile(values, q, nearest = false) {
  const xs = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (!xs.length) return null;
  if (nearest) return xs[Math.min(xs.length - 1, Math.max(0, Math.ceil(q * xs.length) - 1))];
  const pos = (xs.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return xs[lo] + (xs[hi] - xs[lo]) * (pos - lo);
}

/** Every row of the report: a number with its unit and target, or n/a with the reason. */
const rows = [];
function record(id, label, { value = null, display = null, met = undefined, unit = '', target = null, better = 'lower', method = '', note = '', extra = {} } = {}) {
  const meets = met !== undefined ? met : value === null || target === null ? null : better === 'lower' ? value <= target : value >= target;
  rows.push({ id, label, value, display, unit, target, better, met: meets, method, note, ...extra });
}
function na(id, label, reason, target = null, unit = '', better = 'lower') {
  rows.push({ id, label, value: null, unit, target, better, met: null, method: '', note: `n/a (${reason})` });
}

function chromiumPath() {
  return CHROMIUM_CANDIDATES.find((p) => p && existsSync(p)) ?? null;
}

// ───────────────────────────── static server ─────────────────────────────

const MIME = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.ico': 'image/x-icon', '.woff2': 'font/woff2', '.woff': 'font/woff', '.ttf': 'font/ttf', '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8', '.csv': 'text/csv; charset=utf-8', '.webmanifest': 'application/manifest+json',
};

/** Serves dist/ on a free loopback port (no compression, like a plain static host on localhost). */
function serve(dir) {
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

// ───────────────────────────── bundle size ─────────────────────────────

function attr(tag, name) {
  return new RegExp(`\\s${name}\\s*=\\s*["']([^"']*)["']`, 'i').exec(tag)?.[1] ?? null;
}

/** Static `import … from "./x.js"` / `export … from` / `import "./x.js"` of a built chunk (not import()). */
function staticImports(code) {
  const out = [];
  for (const m of code.matchAll(/(?:^|[^.\w$])(?:import|export)\s*(?:[^"'();]*?\bfrom\s*)?["'](\.{1,2}\/[^"']+?\.js)["']/g)) out.push(m[1]);
  return out;
}

function measureBundle(dist) {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const resolveRef = (ref, from) => (ref.startsWith('/') ? join(dist, ref) : resolve(from, ref.split(/[?#]/)[0]));
  const initial = new Set();
  const css = new Set();
  for (const tag of html.match(/<script\b[^>]*>/gi) ?? []) {
    const src = attr(tag, 'src');
    if (src && attr(tag, 'type') === 'module') initial.add(resolveRef(src, dist));
  }
  for (const tag of html.match(/<link\b[^>]*>/gi) ?? []) {
    const rel = attr(tag, 'rel');
    const href = attr(tag, 'href');
    if (!href) continue;
    if (rel === 'modulepreload') initial.add(resolveRef(href, dist));
    if (rel === 'stylesheet') css.add(resolveRef(href, dist));
  }
  // The browser also fetches every static import of those chunks before running them.
  const queue = [...initial];
  while (queue.length) {
    const file = queue.pop();
    if (!existsSync(file)) continue;
    for (const ref of staticImports(readFileSync(file, 'utf8'))) {
      const dep = resolve(dirname(file), ref);
      if (!initial.has(dep) && existsSync(dep)) {
        initial.add(dep);
        queue.push(dep);
      }
    }
  }
  const sizeOf = (file) => {
    const body = readFileSync(file);
    return { file: relative(dist, file), raw: body.length, gzip: gzipSync(body, { level: 9 }).length };
  };
  const allJs = [];
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.m?js$/.test(name)) allJs.push(p);
    }
  };
  walk(dist);
  const chunks = allJs.map((f) => ({ ...sizeOf(f), initial: initial.has(f) })).sort((a, b) => b.gzip - a.gzip);
  const initialChunks = chunks.filter((c) => c.initial);
  const cssSizes = [...css].filter(existsSync).map(sizeOf);
  return {
    initialGzip: initialChunks.reduce((s, c) => s + c.gzip, 0),
    initialRaw: initialChunks.reduce((s, c) => s + c.raw, 0),
    initialCount: initialChunks.length,
    cssGzip: cssSizes.reduce((s, c) => s + c.gzip, 0),
    chunks,
  };
}

// ───────────────────────────── in-page instrumentation ─────────────────────────────

/**
 * Installed before the app's scripts: performance observers (long tasks, Event Timing, LCP),
 * a capture-phase keydown/hashchange recorder (armed on demand) and frame counters.
 */
function instrument() {
  const b = { armed: false, marks: [], longtasks: [], events: [], lcp: [], fcp: null, support: {} };
  // Only LCP and paint are buffered: in Chromium 156 a buffered 'longtask' (or 'event') observer
  // registered at document start stops LCP entries from ever being reported. Registered this
  // early, the others miss nothing anyway.
  const observe = (type, opts, onEntry) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(onEntry)).observe({ type, ...opts });
      b.support[type] = true;
    } catch {
      b.support[type] = false;
    }
  };
  observe('longtask', {}, (e) => b.longtasks.push({ start: e.startTime, duration: e.duration }));
  observe('event', { durationThreshold: 16 }, (e) =>
    b.events.push({ name: e.name, start: e.startTime, duration: e.duration, processingStart: e.processingStart, processingEnd: e.processingEnd, interactionId: e.interactionId }));
  observe('largest-contentful-paint', { buffered: true }, (e) => b.lcp.push({ time: e.renderTime || e.loadTime || e.startTime, size: e.size, tag: e.element?.tagName ?? null }));
  observe('paint', { buffered: true }, (e) => { if (e.name === 'first-contentful-paint') b.fcp = e.startTime; });

  /** t0 at the event, then: the next rAF (frame start) and a task right after that frame (painted). */
  const mark = (kind, ts) => {
    const m = { kind, t0: performance.now(), ts, raf: null, painted: null, allPainted: null };
    b.marks.push(m);
    requestAnimationFrame(() => {
      m.raf = performance.now();
      const ch = new MessageChannel();
      ch.port1.onmessage = () => {
        m.painted = performance.now();
        m.onPainted?.();
      };
      ch.port2.postMessage(null);
    });
  };
  /**
   * Every panel updated: a task after the frame that showed the last DOM change since the latest
   * mark, outside the diagram's animation layers (the fading picture, the flow), whose changes
   * are motion, not content. The panels that render after the answering frame land here.
   */
  const isMotion = (node) => !!(node.nodeType === 1 ? node : node.parentElement)?.closest('.network-afterimage, .network-flow');
  const panels = new MutationObserver((records) => {
    const m = b.marks[b.marks.length - 1];
    if (!b.armed || !m || records.every((r) => isMotion(r.target))) return;
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => { m.allPainted = performance.now(); };
      ch.port2.postMessage(null);
    });
  });
  /** Watching every DOM change costs the page work of its own: on only for the presses that measure it. */
  b.watchPanels = (on) => {
    if (on) panels.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    else panels.disconnect();
  };
  document.addEventListener('keydown', (e) => { if (b.armed) mark(e.key, e.timeStamp); }, true);
  window.addEventListener('hashchange', (e) => { if (b.armed) mark('hashchange', e.timeStamp); }, true);

  /**
   * Resolves once mark i has painted, plus one more frame so presses never overlap. Waits on the
   * mark's own callback: a polling loop would keep the page's main thread busy while it is measured.
   */
  b.settled = (i, timeoutMs = 10000) => new Promise((res) => {
    const done = (ok) => requestAnimationFrame(() => res(ok));
    const started = performance.now();
    const attach = () => {
      const m = b.marks[i];
      if (m?.painted !== null && m?.painted !== undefined) return done(true);
      if (m) {
        const timer = setTimeout(() => done(false), timeoutMs);
        m.onPainted = () => { clearTimeout(timer); done(true); };
        return;
      }
      // The press has not reached the page yet (rare): look again shortly.
      if (performance.now() - started > timeoutMs) return done(false);
      setTimeout(attach, 4);
    };
    attach();
  });

  /**
   * Every draw into the data view's boundary canvas (the one whose accessible name starts
   * "Decision boundary" or "Regression surface"), as a timestamp. Why wrap the 2-D context:
   * a canvas redraw changes no DOM, so no observer sees it; counting putImageData/drawImage
   * calls on that canvas counts exactly the pictures the page painted into it.
   */
  b.boundaryDraws = [];
  const isBoundary = (canvas) => canvas instanceof HTMLCanvasElement
    && /^(Decision boundary|Regression surface)/.test(canvas.getAttribute('aria-label') ?? '');
  for (const name of ['putImageData', 'drawImage']) {
    const original = CanvasRenderingContext2D.prototype[name];
    CanvasRenderingContext2D.prototype[name] = function draw(...args) {
      if (isBoundary(this.canvas)) b.boundaryDraws.push(performance.now());
      return original.apply(this, args);
    };
  }
  /** Boundary draws in [start, end]: how many, per second, and the longest wait between two (or the ends). */
  b.drawsBetween = (start, end) => {
    const ts = b.boundaryDraws.filter((t) => t >= start && t <= end);
    let maxGap = 0;
    [start, ...ts, end].reduce((prev, t) => { maxGap = Math.max(maxGap, t - prev); return t; });
    return { count: ts.length, perSecond: (ts.length * 1000) / Math.max(1, end - start), maxGap };
  };

  /** Counts rAF callbacks until stop() (or `ms`); frame gaps let us count janky frames. */
  b.frames = () => {
    const f = { count: 0, start: performance.now(), end: null, maxGap: 0, over50: 0, last: null, running: true };
    const tick = (t) => {
      if (!f.running) return;
      if (f.last !== null) {
        const gap = t - f.last;
        f.maxGap = Math.max(f.maxGap, gap);
        if (gap > 50) f.over50++;
      }
      f.last = t;
      f.count++;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    b.frameCounter = f;
    return true;
  };
  b.stopFrames = () => {
    const f = b.frameCounter;
    f.running = false;
    f.end = performance.now();
    const long = b.longtasks.filter((t) => t.start >= f.start && t.start <= f.end);
    return { count: f.count, elapsed: f.end - f.start, maxGap: f.maxGap, over50: f.over50, longtasks: long.length, longestTask: Math.max(0, ...long.map((t) => t.duration)) };
  };

  /** The iteration the controls bar shows ("Iteration 1000"), or the link's it=…, or null. */
  b.iteration = () => {
    const el = document.querySelector('.status-iteration') ?? document.querySelector('#controls');
    const m = /(\d[\d,\u202f\u00a0 ]*)/.exec(el?.textContent ?? '');
    if (m) return Number(m[1].replace(/\D/g, ''));
    const it = /(?:^|[#&])it=(\d+)/.exec(location.hash);
    return it ? Number(it[1]) : null;
  };
  b.isTraining = () => !!document.querySelector('progress');

  /**
   * Waits for a training job to reach `target` iterations and finish, counting frames meanwhile.
   * `t0` comes from the Train click (capture listener). Resolves with timings, or a timeout.
   */
  b.clickT0 = null;
  document.addEventListener('click', () => { if (b.armed) b.clickT0 = performance.now(); }, true);
  b.waitTraining = (target, timeoutMs) => new Promise((res) => {
    b.frames();
    let sawProgress = false;
    let maxDone = 0;
    const check = () => {
      const training = b.isTraining();
      if (training) {
        sawProgress = true;
        const p = document.querySelector('progress');
        maxDone = Math.max(maxDone, Number(p?.value ?? 0));
      }
      const it = b.iteration();
      const now = performance.now();
      if (!training && it === target) {
        res({ ok: true, end: now, t0: b.clickT0, sawProgress, frames: b.stopFrames(), draws: b.drawsBetween(b.clickT0 ?? now, now) });
        return true;
      }
      if (now - (b.clickT0 ?? now) > timeoutMs) {
        res({ ok: false, end: now, t0: b.clickT0, sawProgress, maxDone: Math.max(maxDone, it ?? 0), frames: b.stopFrames(), draws: b.drawsBetween(b.clickT0 ?? now, now) });
        return true;
      }
      return false;
    };
    const mo = new MutationObserver(() => { if (check()) mo.disconnect(); });
    mo.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    const poll = () => { if (!check()) setTimeout(poll, 50); else mo.disconnect(); };
    poll();
  });
  /** Waits for the race's status to say it is over (counting frames meanwhile), from the Start click (t0). */
  b.waitRace = (timeoutMs) => new Promise((res) => {
    b.frames();
    const check = () => {
      const now = performance.now();
      const over = [...document.querySelectorAll('[role="status"]')].some((el) => /^Race over/.test(el.textContent ?? ''));
      if (!over && now - (b.clickT0 ?? now) <= timeoutMs) return false;
      const finished = [...document.querySelectorAll('td')].filter((td) => td.textContent === 'Finished').length;
      res({ ok: over, end: now, t0: b.clickT0, finished, frames: b.stopFrames() });
      return true;
    };
    const mo = new MutationObserver(() => { if (check()) mo.disconnect(); });
    mo.observe(document.body, { subtree: true, childList: true, characterData: true });
    const poll = () => { if (!check()) setTimeout(poll, 50); else mo.disconnect(); };
    poll();
  });
  window.__bench = b;
}

// ───────────────────────────── measurements ─────────────────────────────

async function openApp(context, url, timeout = 30000) {
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

async function blur(page) {
  await page.evaluate(() => { if (document.activeElement instanceof HTMLElement) document.activeElement.blur(); });
}

/**
 * Presses `key` up to n times, one at a time, each after the previous one painted: with
 * `paceMs`, no sooner than paceMs after it; without, at a random moment of the next frame (see
 * the header). Stops early after `budgetMs` (so a slow app still finishes the run); returns
 * the marks.
 */
async function pressMany(page, key, n, budgetMs, paceMs = 0) {
  const first = await page.evaluate(() => { window.__bench.armed = true; return window.__bench.marks.length; });
  const start = Date.now();
  let count = 0;
  while (count < n && Date.now() - start < budgetMs) {
    const pressedAt = Date.now();
    await page.keyboard.press(key);
    await page.evaluate((k) => window.__bench.settled(k), first + count);
    count++;
    const wait = paceMs > 0 ? pressedAt + paceMs - Date.now() : frameJitter();
    if (wait > 0) await sleep(wait);
  }
  return collectMarks(page, first, count);
}

/** Disarms the page's marking and returns `count` marks from `first`, once their Event Timing entries are in. */
async function collectMarks(page, first, count) {
  await sleep(300); // Event Timing entries arrive after presentation.
  return page.evaluate(({ from, count }) => {
    const b = window.__bench;
    b.armed = false;
    return { marks: b.marks.slice(from, from + count), events: b.events, longtasks: b.longtasks, support: b.support };
  }, { from: first, count });
}

/**
 * Summarises presses: the rAF method (event → a task right after the next frame) and, where
 * Chromium supports it, Event Timing's presentation-based duration (only entries ≥ 16 ms are
 * reported, so a press without an entry counts as "< 16 ms").
 */
function summarisePresses(marks, events, longtasks, support = {}) {
  const raf = marks.filter((m) => m.painted !== null).map((m) => m.painted - m.ts);
  const keydowns = events.filter((e) => e.name === 'keydown' || e.name === 'hashchange');
  let reported = 0;
  const et = marks.map((m) => {
    const e = keydowns.find((x) => Math.abs(x.start - m.ts) < 1);
    if (e) reported++;
    return e ? e.duration : 8; // below the threshold: count as 8 ms (shown as "< 16")
  });
  const etQ = (q) => {
    const v = quantile(et, q, true);
    return v === null ? null : v < 16 ? '< 16' : v;
  };
  const start = Math.min(...marks.map((m) => m.t0));
  const end = Math.max(...marks.map((m) => m.painted ?? m.t0));
  const long = longtasks.filter((t) => t.start >= start && t.start <= end);
  return {
    n: marks.length,
    rafMedian: quantile(raf, 0.5), rafP95: quantile(raf, 0.95), rafMax: Math.max(...raf),
    etMedian: etQ(0.5), etP95: etQ(0.95), etReported: reported,
    etMax: Math.max(0, ...marks.map((m) => keydowns.find((x) => Math.abs(x.start - m.ts) < 1)?.duration ?? 0)),
    longtasks: long.length, etSupported: support.event === true,
  };
}

/**
 * Presses `key` n times at a steady `intervalMs`, as a held key's auto-repeat does, without
 * waiting for paints; returns the marks once the last one has painted.
 */
async function pressEvery(page, key, n, intervalMs) {
  const first = await page.evaluate(() => { window.__bench.armed = true; return window.__bench.marks.length; });
  const start = Date.now();
  for (let k = 0; k < n; k++) {
    const wait = start + k * intervalMs - Date.now();
    if (wait > 0) await sleep(wait);
    await page.keyboard.press(key);
  }
  await page.evaluate((k) => window.__bench.settled(k), first + n - 1);
  return collectMarks(page, first, n);
}

/**
 * Two rows (median, p95). The value is Event Timing's keydown duration (event → next frame
 * presented, 8 ms granularity) where Chromium supports it: a quantile that falls among presses
 * too fast to be reported shows as "< 16 ms". Otherwise the rAF method. Both are in the JSON.
 */
function recordPresses(id, label, s, note = '') {
  const raf = `rAF method: median ${round(s.rafMedian)} ms, p95 ${round(s.rafP95)} ms, max ${round(s.rafMax)} ms`;
  const common = `n=${s.n}; long tasks ${s.longtasks}; ${raf}${note ? `; ${note}` : ''}`;
  const extra = { eventTiming: { median: s.etMedian, p95: s.etP95, reported: s.etReported, max: s.etMax }, raf: { median: round(s.rafMedian), p95: round(s.rafP95), max: round(s.rafMax) } };
  if (s.etSupported) {
    const method = "Event Timing 'event' entries, keydown duration (presentation), durationThreshold 16";
    const row = (q, v, target) => (typeof v === 'number'
      ? { value: round(v), unit: 'ms', target, method }
      : { value: null, display: '< 16 ms', met: target === null ? undefined : true, unit: 'ms', target, method });
    record(`${id}.median`, `${label}: median`, { ...row('median', s.etMedian, 16), note: `${s.etReported}/${s.n} presses ≥ 16 ms, worst ${round(s.etMax)} ms; ${common}`, extra });
    record(`${id}.p95`, `${label}: p95`, row('p95', s.etP95, null));
    return;
  }
  const method = 'rAF: keydown.timeStamp → task after the next rAF (frame painted)';
  record(`${id}.median`, `${label}: median`, { value: round(s.rafMedian), unit: 'ms', target: 16, method, note: `Event Timing unsupported; ${common}`, extra });
  record(`${id}.p95`, `${label}: p95`, { value: round(s.rafP95), unit: 'ms', method });
}

/** Key → every panel updated (the rAF method after the last DOM change a press caused); reported, not a target. */
function recordEveryPanel(id, label, marks) {
  const all = marks.map((m) => (m.allPainted ?? m.painted) - m.ts).filter(Number.isFinite);
  record(id, label, {
    value: round(quantile(all, 0.5)), unit: 'ms', target: null,
    method: 'rAF: keydown.timeStamp → task after the frame showing the last DOM change outside the fade and flow layers',
    note: `p95 ${round(quantile(all, 0.95))} ms, n=${all.length}; the controls and the diagram answer in the first frame, the other panels right after it`,
  });
}

/**
 * Main-thread CPU per press from a Chromium trace (thread time, `tdur`): unlike wall-clock
 * latency it barely moves when other processes load the machine, so runs on a busy box compare.
 * Also how much of it is style/layout forced by script (reading layout right after a change).
 */
async function traceCpu(page, key, n) {
  const browser = page.context().browser();
  await browser.startTracing(page, { categories: TRACE_CATEGORIES });
  for (let i = 0; i < n; i++) {
    await page.keyboard.press(key);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
    await sleep(30);
  }
  const t = mainThreadTime(JSON.parse((await browser.stopTracing()).toString()).traceEvents);
  const top = [...t.self].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([name, v]) => `${name} ${round(v / 1000 / n)}`);
  return { cpu: t.cpu / 1000 / n, wall: t.wall / 1000 / n, forced: t.forced / 1000 / n, forcedCount: t.forcedCount / n, top };
}

const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline'];

/**
 * The renderer main thread's time in a trace (µs): thread time (`tdur`) and wall time of its
 * top-level tasks, self thread time per event name, style/layout forced by script, and the
 * thread time of the page's workers (top-level tasks of 'DedicatedWorker thread').
 */
function mainThreadTime(events) {
  const names = new Map(events.filter((e) => e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args?.name]));
  const isMain = (e) => names.get(`${e.pid}:${e.tid}`) === 'CrRendererMain';
  const main = events.filter((e) => isMain(e) && e.ph === 'X' && e.dur).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const self = new Map();
  const stack = [];
  let cpu = 0;
  let wall = 0;
  let forced = 0;
  let forcedCount = 0;
  for (const e of main) {
    while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= e.ts) stack.pop();
    const t = e.tdur ?? e.dur;
    const parent = stack.at(-1);
    if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - t);
    else {
      cpu += t;
      wall += e.dur;
    }
    self.set(e.name, (self.get(e.name) ?? 0) + t);
    if ((e.name === 'Layout' || e.name === 'UpdateLayoutTree') && stack.some((p) => p.name === 'FunctionCall' || p.name === 'EventDispatch' || p.name === 'RunMicrotasks' || p.name === 'TimerFire')) {
      forced += t;
      forcedCount++;
    }
    stack.push(e);
  }
  // Workers: top-level tasks only (a task's children are inside its thread time).
  let workers = 0;
  const ends = new Map();
  for (const e of events.filter((x) => x.ph === 'X' && x.dur && names.get(`${x.pid}:${x.tid}`) === 'DedicatedWorker thread').sort((a, b) => a.ts - b.ts)) {
    const key = `${e.pid}:${e.tid}`;
    if (e.ts < (ends.get(key) ?? -Infinity)) continue;
    ends.set(key, e.ts + e.dur);
    workers += e.tdur ?? e.dur;
  }
  return { cpu, wall, forced, forcedCount, self, workers };
}

async function measureSteps(context, url) {
  const { page, errors } = await openApp(context, url);
  await blur(page);
  const cdp = PROFILE ? await context.newCDPSession(page) : null;
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  }
  const fwd = await pressMany(page, 'ArrowRight', PRESSES, 15000);
  if (cdp) {
    const { profile } = await cdp.send('Profiler.stop');
    const file = join(dirname(OUT), 'step-forward.cpuprofile');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(profile));
    await cdp.detach();
  }
  recordPresses('step.forward', `Step → (new phase, ${fwd.marks.length}×)`, summarisePresses(fwd.marks, fwd.events, fwd.longtasks, fwd.support));
  const back = await pressMany(page, 'ArrowLeft', fwd.marks.length, 12000);
  recordPresses('step.back', `Step ← (cached phase, ${back.marks.length}×)`, summarisePresses(back.marks, back.events, back.longtasks, back.support));
  // The same presses at a presenter's fastest pace: each starts from a settled page, as a
  // teacher's do, instead of queueing behind the previous step's background work.
  const paced = await pressMany(page, 'ArrowRight', PRESSES, 25000, PACE_MS);
  recordPresses('step.paced', `Step → one press per ${PACE_MS} ms (${paced.marks.length}×)`, summarisePresses(paced.marks, paced.events, paced.longtasks, paced.support));
  await page.evaluate(() => window.__bench.watchPanels(true));
  const watched = await pressMany(page, 'ArrowRight', PANEL_PRESSES, 15000, PACE_MS);
  await page.evaluate(() => window.__bench.watchPanels(false));
  recordEveryPanel('step.paced.all', `Step → one press per ${PACE_MS} ms: until every panel shows it (${watched.marks.length}×)`, watched.marks);
  const pacedBack = await pressMany(page, 'ArrowLeft', PRESSES, 25000, PACE_MS);
  recordPresses('step.pacedBack', `Step ← one press per ${PACE_MS} ms (${pacedBack.marks.length}×)`, summarisePresses(pacedBack.marks, pacedBack.events, pacedBack.longtasks, pacedBack.support));
  const taps = await pressMany(page, 'ArrowRight', PRESSES, 15000, TAP_MS);
  recordPresses('step.taps', `Step → one press per ${TAP_MS} ms (${taps.marks.length}×)`, summarisePresses(taps.marks, taps.events, taps.longtasks, taps.support));
  const held = await pressEvery(page, 'ArrowRight', PRESSES, REPEAT_MS);
  recordPresses('step.held', `Step → held key, a press every ${REPEAT_MS} ms (${held.marks.length}×)`, summarisePresses(held.marks, held.events, held.longtasks, held.support));
  try {
    const t = await traceCpu(page, 'ArrowRight', 12);
    record('step.cpu', 'Step →: main-thread CPU per press (trace)', {
      value: round(t.cpu), unit: 'ms', target: 16, method: 'Chromium trace, thread time of top-level tasks / presses (12×)',
      note: `wall ${round(t.wall)} ms; style+layout forced by script ${round(t.forced)} ms in ${round(t.forcedCount)} passes per press; largest self times (ms/press): ${t.top.join(', ')}`,
    });
  } catch (e) {
    na('step.cpu', 'Step →: main-thread CPU per press (trace)', `tracing failed: ${e instanceof Error ? e.message.split('\n')[0] : e}`, 16, 'ms');
  }
  return { page, errors, support: fwd.support };
}

async function measurePlay(page) {
  const select = page.getByLabel('Speed');
  if (!(await select.count())) return na('play.fps', 'Play at fastest speed: fps', 'no Speed select', 55, 'fps', 'higher');
  const values = await select.locator('option').evaluateAll((os) => os.map((o) => o.value));
  const fastest = values.slice().sort((a, b) => Number(b) - Number(a))[0];
  const label = await select.locator(`option[value="${fastest}"]`).textContent();
  await select.selectOption(fastest);
  await page.keyboard.press('r');
  await blur(page);
  await page.evaluate(() => window.__bench.frames());
  await page.getByRole('button', { name: 'Play' }).click();
  await sleep(PLAY_MS);
  const f = await page.evaluate(() => window.__bench.stopFrames());
  const itAfter = await page.evaluate(() => window.__bench.iteration());
  const pause = page.getByRole('button', { name: 'Pause' });
  if (await pause.count()) await pause.click();
  const fps = (f.count * 1000) / f.elapsed;
  record('play.fps', `Play at ${label}: fps (1280×800, ${PLAY_MS / 1000} s)`, { value: round(fps), unit: 'fps', target: 55, better: 'higher', method: 'rAF callbacks / s', note: `reached iteration ${itAfter}; ${f.over50} frames > 50 ms, worst gap ${round(f.maxGap)} ms` });
  record('play.longtasks', 'Play at fastest speed: long tasks > 50 ms', { value: f.longtasks, unit: '', target: 0, method: "PerformanceObserver 'longtask'", note: f.longtasks ? `longest ${round(f.longestTask)} ms` : '' });
}

/** The controls' "Train whole iterations fast" form (other views have fields named Iterations too), or the page. */
async function trainForm(page) {
  const form = page.getByRole('form', { name: 'Train whole iterations fast' });
  return (await form.count()) === 1 ? form : page;
}

/** Starts "Train n" through the form (type n, click Train) and waits for it to end. */
async function trainViaForm(page, n, expectIteration, timeoutMs) {
  const form = await trainForm(page);
  const input = form.getByRole('spinbutton', { name: 'Iterations', exact: true }).or(form.getByRole('textbox', { name: 'Iterations', exact: true })).first();
  if (!(await input.count())) return { missing: 'no Iterations field in the Train form' };
  await input.fill(String(n));
  await page.evaluate(() => { window.__bench.armed = true; window.__bench.clickT0 = null; });
  const waiting = page.evaluate(({ target, timeout }) => window.__bench.waitTraining(target, timeout), { target: expectIteration, timeout: timeoutMs });
  await form.getByRole('button', { name: 'Train', exact: true }).first().click();
  const r = await waiting;
  await page.evaluate(() => { window.__bench.armed = false; });
  if (!r.ok) {
    // Timed out: stop the job so the page (and closing it) isn't held up by a training worker.
    const stop = form.getByRole('button', { name: 'Stop', exact: true }).first();
    if (await stop.count()) await stop.click({ timeout: 5000 }).catch(() => {});
  }
  return r;
}

async function heapAfter(page) {
  const perfMem = await page.evaluate(() => performance.memory?.usedJSHeapSize ?? null);
  let afterGc = null;
  try {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    afterGc = (await cdp.send('Runtime.getHeapUsage')).usedSize;
    await cdp.detach();
  } catch {
    /* CDP unavailable: performance.memory only */
  }
  return { perfMem, afterGc };
}

/**
 * Trains n iterations through the Train form and records iterations/s, and optionally fps and
 * long tasks, the boundary's refreshes/s, the JS heap after, and (BENCH_TRACE=1) the main
 * thread's CPU from a Chromium trace. `onScreen` is a role-based locator to scroll into the
 * middle of the viewport first (else the page stays at the top, under the controls).
 */
async function measureTraining(context, url, id, label, n, { itTarget, fps = false, heap = false, boundary = false, onScreen = null, timeoutMs }) {
  const { page } = await openApp(context, url);
  if (onScreen) await onScreen(page).evaluate((el) => el.scrollIntoView({ block: 'center' }));
  const browser = page.context().browser();
  if (TRACE) await browser.startTracing(page, { categories: TRACE_CATEGORIES });
  let r;
  try {
    r = await trainViaForm(page, n, n, timeoutMs);
  } catch (e) {
    r = { missing: `could not start training: ${e instanceof Error ? e.message.split('\n')[0] : e}` };
  }
  const trace = TRACE ? mainThreadTime(JSON.parse((await browser.stopTracing()).toString()).traceEvents) : null;
  if (r.missing) {
    na(`${id}.rate`, `${label}: iterations/s`, r.missing, itTarget, 'it/s', 'higher');
    return page;
  }
  const elapsed = r.end - (r.t0 ?? r.end);
  const done = r.ok ? n : r.maxDone;
  const rate = (done * 1000) / elapsed;
  record(`${id}.rate`, `${label}: iterations/s`, {
    value: Math.round(rate), unit: 'it/s', target: itTarget, better: 'higher', method: 'Train click → progress gone and "Iteration N" shown',
    note: r.ok ? `${n.toLocaleString('en-US')} iterations in ${round(elapsed / 1000, 2)} s` : `timed out after ${round(elapsed / 1000)} s at ${done}`,
  });
  if (fps) recordFrames(id, `${label}: `, 'while training', r.frames, TRACE ? ' (under tracing)' : '');
  if (boundary) {
    const d = r.draws;
    record(`${id}.boundary`, `${label}: boundary refreshes while training`, {
      value: round(d.perSecond), unit: '/s', target: 10, better: 'higher',
      method: "putImageData/drawImage calls on the canvas named 'Decision boundary…' between the Train click and the end, / s",
      note: `${d.count} pictures in ${round(elapsed / 1000, 2)} s, longest wait ${round(d.maxGap)} ms`,
    });
  }
  if (trace) {
    const seconds = elapsed / 1000;
    const top = [...trace.self].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([name, v]) => `${name} ${round(v / 1000 / seconds)}`);
    record(`${id}.cpu`, `${label}: main-thread CPU while training`, {
      value: round(trace.cpu / 1000 / seconds), unit: 'ms/s', method: 'Chromium trace: thread time of the renderer main thread\'s top-level tasks / s of training',
      note: `${round(trace.cpu / 1000 / (done / 1000))} ms per 1000 iterations; workers ${round(trace.workers / 1000 / seconds)} ms/s; largest self times (ms/s): ${top.join(', ')}`,
    });
  }
  if (heap) {
    const h = await heapAfter(page);
    const mb = (v) => (v === null ? null : round(v / 2 ** 20, 1));
    const value = mb(h.afterGc ?? h.perfMem);
    record(`${id}.heap`, `${label}: JS heap after`, {
      value, unit: 'MB', target: 50,
      method: h.afterGc !== null ? 'CDP HeapProfiler.collectGarbage → Runtime.getHeapUsage (main thread)' : 'performance.memory.usedJSHeapSize',
      note: `before GC (performance.memory): ${mb(h.perfMem)} MB; the worker's heap is not included`,
    });
  }
  return page;
}

/** The race's lanes: SGD, SGD with momentum, RMSprop and Adam, each at a learning rate that trains the circle without diverging. */
const RACE_LANES = [['SGD', '0.1'], ['SGD with momentum', '0.1'], ['RMSprop', '0.01'], ['Adam', '0.01']];

/**
 * A race of 4 lanes through the race view (lanes added, optimizers chosen, Start race), timed
 * from the Start click to "Race over", against one lane alone: the same setting (the page's
 * optimizer is lane 4's, Adam lr 0.01) trained n iterations through the Train form, once
 * before and once after the race (the mean is the "one run"; both are printed).
 */
async function measureRace(context, url, n, timeoutMs) {
  const { page } = await openApp(context, url);
  const alone = async (expectIteration) => {
    const r = await trainViaForm(page, n, expectIteration, timeoutMs);
    return r.ok ? r.end - r.t0 : null;
  };
  const before = await alone(n);
  const region = page.getByRole('region', { name: 'Optimizer race' });
  await region.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  const add = region.getByRole('button', { name: 'Add a lane' });
  while ((await region.getByRole('group', { name: /^Lane \d/ }).count()) < RACE_LANES.length) await add.click();
  for (const [k, [optimizer, lr]] of RACE_LANES.entries()) {
    const lane = region.getByRole('group', { name: `Lane ${k + 1}` });
    await lane.getByLabel('Optimizer').selectOption({ label: optimizer });
    await lane.getByLabel('Learning rate').fill(lr);
  }
  await region.getByLabel('Iterations', { exact: true }).fill(String(n));
  await page.evaluate(() => { window.__bench.armed = true; window.__bench.clickT0 = null; });
  const browser = page.context().browser();
  if (TRACE) await browser.startTracing(page, { categories: TRACE_CATEGORIES });
  const waiting = page.evaluate((timeout) => window.__bench.waitRace(timeout), timeoutMs);
  await region.getByRole('button', { name: 'Start race' }).click();
  const race = await waiting;
  const trace = TRACE ? mainThreadTime(JSON.parse((await browser.stopTracing()).toString()).traceEvents) : null;
  await page.evaluate(() => { window.__bench.armed = false; });
  const after = await alone(2 * n);
  const label = `Race of 4 (SGD, momentum, RMSprop, Adam) × ${n.toLocaleString('en-US')}, 2-32-1 × 1000`;
  const singles = [before, after].filter((v) => v !== null);
  if (!race.ok || race.finished !== RACE_LANES.length || !singles.length) {
    return na('race.ratio', `${label}: time / one lane alone`, !race.ok ? 'the race did not finish in time' : race.finished !== RACE_LANES.length ? `${race.finished} of 4 lanes finished` : 'the lone run did not finish', 4, '×');
  }
  const wall = race.end - race.t0;
  const single = singles.reduce((a, b) => a + b, 0) / singles.length;
  record('race.ratio', `${label}: time / one lane alone`, {
    value: round(wall / single, 2), unit: '×', target: 4,
    method: 'Start race click → "Race over" shown, over Train click → done for lane 4\'s setting alone (mean of one run before and one after)',
    note: `race ${round(wall / 1000, 2)} s (${Math.round((4 * n * 1000) / wall)} lane-iterations/s); alone ${singles.map((v) => `${round(v / 1000, 2)} s`).join(' and ')}`,
  });
  recordFrames('race', `${label}: `, 'during the race (race view on screen)', race.frames, TRACE ? ' (under tracing)' : '');
  if (trace) {
    const seconds = wall / 1000;
    const top = [...trace.self].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([name, v]) => `${name} ${round(v / 1000 / seconds)}`);
    record('race.cpu', `${label}: main-thread CPU during the race`, {
      value: round(trace.cpu / 1000 / seconds), unit: 'ms/s', method: 'Chromium trace: thread time of the renderer main thread\'s top-level tasks / s',
      note: `workers ${round(trace.workers / 1000 / seconds)} ms/s; largest self times (ms/s): ${top.join(', ')}`,
    });
  }
}

/** The fps and long-task rows of a frame count (from __bench.frames/stopFrames). */
function recordFrames(id, prefix, what, f, suffix = '') {
  record(`${id}.fps`, `${prefix}fps ${what}`, { value: round((f.count * 1000) / f.elapsed), unit: 'fps', target: 55, better: 'higher', method: `rAF callbacks / s${suffix}`, note: `${f.over50} frames > 50 ms, worst gap ${round(f.maxGap)} ms` });
  record(`${id}.longtasks`, `${prefix}long tasks ${what}`, { value: f.longtasks, target: 0, method: "PerformanceObserver 'longtask'", note: f.longtasks ? `longest ${round(f.longestTask)} ms` : '' });
}

/**
 * A link to a late iteration (issue 15): first paint, the longest main-thread task while the
 * worker prepares it, and the time until the studio shows it, against training the same
 * iterations with Train in a fresh page. Over the work budget the page asks first: the clock
 * starts at "Prepare it".
 */
async function measureLink(context, url, hash, iterations, timeoutMs) {
  const { page } = await openApp(context, `${url}#${hash}&it=${iterations}&phase=loss`);
  const fcp = await page.evaluate(() => window.__bench.fcp);
  const prepare = page.getByRole('button', { name: 'Prepare it' });
  const asked = await prepare.count() > 0;
  const r = await page.evaluate(async ({ target, timeout, asked }) => {
    const b = window.__bench;
    b.frames();
    const t0 = performance.now();
    if (asked) [...document.querySelectorAll('button')].find((el) => el.textContent === 'Prepare it').click();
    const ready = () => b.iteration() === target && !document.querySelector('progress') && /Loss/.test(document.querySelector('.controls-status')?.textContent ?? '');
    while (!ready() && performance.now() - t0 < timeout) await new Promise((res) => setTimeout(res, 50));
    const end = performance.now();
    const tasks = b.longtasks.filter((t) => t.start >= t0 && t.start <= end).map((t) => `${Math.round(t.duration)} ms at ${((t.start - t0) / 1000).toFixed(1)} s`);
    return { ok: ready(), ms: end - t0, frames: b.stopFrames(), tasks };
  }, { target: iterations, timeout: timeoutMs, asked });
  await page.close();
  const label = `Link #${hash}&it=${iterations}`;
  record('link.fcp', `${label}: first contentful paint`, { value: round(fcp), unit: 'ms', method: "PerformanceObserver 'paint' (the page paints iteration 0 while the worker prepares)" });
  record('link.longest', `${label}: longest main-thread task while preparing`, {
    value: round(r.frames.longestTask), unit: 'ms', target: 50, method: "PerformanceObserver 'longtask' between \"Prepare it\" (or load) and ready; 0 = none over 50 ms",
    note: `${r.frames.longtasks} long tasks (${r.tasks.join(', ')}) in ${round(r.ms / 1000, 1)} s; ${round((r.frames.count * 1000) / r.frames.elapsed)} fps; worst frame gap ${round(r.frames.maxGap)} ms${asked ? '; the page asked first (over the work budget)' : ''}`,
  });
  const train = await openApp(context, `${url}#${hash}`);
  const t = await trainViaForm(train.page, iterations, iterations, timeoutMs);
  const trainMs = t.ok ? t.end - (t.t0 ?? t.end) : null;
  record('link.ready', `${label}: time until ready`, {
    value: r.ok ? round(r.ms / 1000, 2) : null, unit: 's', target: trainMs === null ? null : round(trainMs / 1000, 2),
    method: 'click → the status says the linked iteration and phase; target: Train of the same iterations in a fresh page',
    note: r.ok ? `Train ${iterations.toLocaleString('en-US')}: ${trainMs === null ? 'timed out' : `${round(trainMs / 1000, 2)} s`}` : `not ready after ${round(timeoutMs / 1000)} s`,
  });
}

async function measureScrub(context, url) {
  const { page } = await openApp(context, url);
  const quick = (await trainForm(page)).getByRole('button', { name: 'Train 1000 iterations' }).first();
  let r;
  if (await quick.count()) {
    await page.evaluate(() => { window.__bench.armed = true; window.__bench.clickT0 = null; });
    const waiting = page.evaluate(() => window.__bench.waitTraining(1000, 60000));
    await quick.click();
    r = await waiting;
  } else {
    r = await trainViaForm(page, 1000, 1000, 60000);
  }
  if (!r || r.missing || !r.ok) {
    na('scrub.recompute.median', 'Scrub ← into recomputed iteration', 'training 1000 iterations did not finish', 16, 'ms');
    return page;
  }
  await blur(page);
  // From iteration 1000's first phase, every 6th ← lands in an iteration whose detail was dropped.
  const all = await pressMany(page, 'ArrowLeft', SCRUB_RECOMPUTES * 6, 25000);
  const recomputed = all.marks.filter((_, i) => i % 6 === 0);
  const cached = all.marks.filter((_, i) => i % 6 !== 0);
  const itNow = await page.evaluate(() => window.__bench.iteration());
  recordPresses('scrub.recompute', `Scrub ← into recomputed iteration (after Train 1000, ${recomputed.length}×)`, summarisePresses(recomputed, all.events, all.longtasks, all.support), `now at iteration ${itNow}`);
  recordPresses('scrub.cached', `Scrub ← within that iteration (${cached.length}×)`, summarisePresses(cached, all.events, all.longtasks, all.support));
  // The same scrub at a presenter's pace, from iteration 1000 again.
  await page.evaluate(() => { location.hash = 'it=1000&phase=forward-hidden'; });
  await sleep(500);
  await blur(page);
  const paced = await pressMany(page, 'ArrowLeft', PACED_SCRUB_RECOMPUTES * 6, 30000, PACE_MS);
  const pacedRecomputed = paced.marks.filter((_, i) => i % 6 === 0);
  recordPresses('scrub.paced', `Scrub ← into recomputed iteration, one press per ${PACE_MS} ms (${pacedRecomputed.length}×)`, summarisePresses(pacedRecomputed, paced.events, paced.longtasks, paced.support));
  recordPresses('scrub.pacedCached', `Scrub ← within an iteration, one press per ${PACE_MS} ms (${paced.marks.length - pacedRecomputed.length}×)`, summarisePresses(paced.marks.filter((_, i) => i % 6 !== 0), paced.events, paced.longtasks, paced.support));

  // Seek by link: the address bar's hash to an old iteration (hashchange → recompute → paint).
  const first = await page.evaluate(() => { window.__bench.armed = true; return window.__bench.marks.length; });
  const phases = ['forward-hidden', 'loss', 'backward-hidden', 'update'];
  const seekStart = Date.now();
  let seeksDone = 0;
  for (let i = 0; i < HASH_SEEKS && Date.now() - seekStart < 10000; i++, seeksDone++) {
    const it = 50 + ((i * 379) % 900);
    await page.evaluate((h) => { location.hash = h; }, `it=${it}&phase=${phases[i % phases.length]}`);
    await page.evaluate((k) => window.__bench.settled(k), first + i);
    await sleep(frameJitter());
  }
  await sleep(300);
  const seeks = await page.evaluate(({ from, count }) => {
    const b = window.__bench;
    b.armed = false;
    return { marks: b.marks.slice(from, from + count), events: b.events, longtasks: b.longtasks };
  }, { from: first, count: seeksDone });
  const s = summarisePresses(seeks.marks, seeks.events, seeks.longtasks);
  record('seek.hash.median', `Seek by link #it=… to an old iteration: median (${s.n}×)`, { value: round(s.rafMedian), unit: 'ms', target: 16, method: 'rAF: hashchange → task after next rAF', note: `p95 ${round(s.rafP95)} ms, max ${round(s.rafMax)} ms, long tasks ${s.longtasks}` });
  return page;
}

/**
 * Chromium ends LCP recording at the first scroll, and counts a script setting an inner
 * scroller's scrollTop on mount (the code listing revealing its active line) as one: when that
 * lands before the largest paint is presented, the load reports no LCP at all. For those
 * runs we also measure with such scrolls held back until LCP is in (or 3 s have passed).
 */
function deferScrolls() {
  const queue = [];
  let release = null;
  const flush = () => {
    if (!release) return;
    release = null;
    for (const [set, el, v] of queue.splice(0)) set.call(el, v);
  };
  release = flush;
  for (const prop of ['scrollTop', 'scrollLeft']) {
    const d = Object.getOwnPropertyDescriptor(Element.prototype, prop);
    Object.defineProperty(Element.prototype, prop, {
      configurable: true, get: d.get,
      set(v) { if (release) queue.push([d.set, this, v]); else d.set.call(this, v); },
    });
  }
  new PerformanceObserver(() => setTimeout(flush, 0)).observe({ type: 'largest-contentful-paint', buffered: true });
  setTimeout(flush, 3000);
}

async function lcpLoads(browser, url, loads, { shim = false, giveUpAfter = Infinity } = {}) {
  const out = [];
  for (let i = 0; i < loads; i++) {
    if (i >= giveUpAfter && !out.some((r) => r.lcp)) break;
    const context = await browser.newContext({ viewport: LAPTOP });
    await context.addInitScript(instrument);
    if (shim) await context.addInitScript(deferScrolls);
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    await page.getByRole('button', { name: 'Step forward' }).waitFor({ timeout: 30000 });
    await sleep(700);
    out.push(await page.evaluate(() => ({ lcp: window.__bench.lcp.at(-1) ?? null, fcp: window.__bench.fcp })));
    await context.close();
  }
  return out;
}

async function measureLcp(browser, url) {
  const plain = await lcpLoads(browser, url, LCP_LOADS, { giveUpAfter: 3 });
  const ok = plain.filter((r) => r.lcp);
  const missing = plain.length - ok.length;
  let runs = ok;
  let how = "PerformanceObserver 'largest-contentful-paint' (buffered)";
  let note = '';
  if (ok.length < Math.ceil(LCP_LOADS / 2)) {
    runs = (await lcpLoads(browser, url, LCP_LOADS, { shim: true })).filter((r) => r.lcp);
    how += ', inner scrollTop/scrollLeft writes held back until LCP';
    note = `${missing}/${plain.length} plain loads reported no LCP (a scroller's scrollTop set on mount ends LCP recording); these numbers are from ${runs.length} loads with those writes held back`;
  } else if (missing) {
    note = `${missing}/${plain.length} loads reported no LCP (a scroller's scrollTop set on mount ends LCP recording); median of the other ${ok.length}`;
  }
  if (!runs.length) return na('lcp', 'Largest contentful paint', 'no LCP entries', 1500, 'ms');
  const times = runs.map((r) => r.lcp.time);
  const fcps = runs.map((r) => r.fcp).filter((v) => v !== null);
  const last = runs.at(-1).lcp;
  record('lcp', `Largest contentful paint, fresh load (median of ${runs.length})`, {
    value: Math.round(quantile(times, 0.5)), unit: 'ms', target: 1500, method: how,
    note: [note, `loads: ${times.map(Math.round).join(', ')} ms`, `element <${(last.tag ?? '?').toLowerCase()}>`, `FCP median ${Math.round(quantile(fcps, 0.5) ?? NaN)} ms`].filter(Boolean).join('; '),
    extra: { lcpMissingPlainLoads: missing },
  });
}

// ───────────────────────────── report ─────────────────────────────

function printTable(header) {
  const fmt = (r) => r.display ?? (r.value === null ? r.note : `${r.value}${r.unit ? ` ${r.unit}` : ''}`);
  const tgt = (r) => (r.target === null ? '' : `${r.better === 'lower' ? '≤' : '≥'} ${r.target}${r.unit ? ` ${r.unit}` : ''}`);
  const status = (r) => (r.met === null ? (r.target === null ? '' : 'n/a') : r.met ? 'met' : 'NOT MET');
  const table = rows.map((r) => [r.label, fmt(r), tgt(r), status(r)]);
  const widths = [0, 1, 2, 3].map((c) => Math.max(...[['Metric', 'Value', 'Target', 'Status'], ...table].map((row) => String(row[c]).length)));
  const line = (cells) => cells.map((c, i) => String(c).padEnd(widths[i])).join('  ');
  console.log(header);
  console.log(line(['Metric', 'Value', 'Target', 'Status']));
  console.log(line(widths.map((w) => '─'.repeat(w))));
  for (const row of table) console.log(line(row));
  const notes = rows.filter((r) => (r.value !== null || r.display) && r.note);
  console.log('\nDetails:');
  for (const r of notes) console.log(`  ${r.label}: ${[r.note, r.method && `[${r.method}]`].filter(Boolean).join(' ')}`);
}

// ───────────────────────────── main ─────────────────────────────

async function main() {
  const started = Date.now();
  const executablePath = chromiumPath();
  if (!existsSync(join(DIST, 'index.html'))) {
    console.error(`No build at ${DIST}: run \`vite build\` first (npm run bench:browser does).`);
    process.exit(1);
  }
  if (!executablePath) {
    console.error('No Chromium found (install Debian\'s chromium, or set CHROMIUM_PATH).');
    process.exit(1);
  }
  const cpu = cpus();
  const machine = {
    cpu: cpu[0]?.model ?? 'unknown', cores: cpu.length, memoryGB: round(totalmem() / 2 ** 30, 1), os: `${platform()} ${release()}`, node: process.version,
    loadAverage: loadavg().map((v) => round(v, 2)),
  };

  // 3. Bundle size (no browser needed).
  const bundle = measureBundle(DIST);
  const kb = (b) => round(b / 1024, 1);
  record('bundle.initialJs', `Initial JS, gzipped (${bundle.initialCount} file${bundle.initialCount === 1 ? '' : 's'})`, {
    value: kb(bundle.initialGzip), unit: 'KB', target: 200, method: 'index.html module scripts + modulepreloads + their static imports, zlib level 9',
    note: `${kb(bundle.initialRaw)} KB raw; initial CSS ${kb(bundle.cssGzip)} KB gzipped (not counted)`,
  });

  const server = await serve(DIST);
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  const chromiumVersion = browser.version();
  const header = [
    `Backprop Studio browser benchmark — ${new Date().toISOString()}`,
    `Machine: ${machine.cpu} × ${machine.cores} cores, ${machine.memoryGB} GB, ${machine.os}, Node ${machine.node}`,
    `Chromium ${chromiumVersion} (${executablePath}, headless, --disable-gpu), viewport ${LAPTOP.width}×${LAPTOP.height}`,
    `Serving ${DIST} at ${server.url}`,
    `Load average ${machine.loadAverage.join(' / ')} (1/5/15 min) on ${machine.cores} cores${machine.loadAverage[0] > machine.cores ? ' — BUSY MACHINE: timings are inflated, compare runs on an idle machine' : ''}`,
    '',
  ].join('\n');
  console.log(header);

  const errors = [];
  let loaded = true;
  const step = async (name, fn, section) => {
    if (ONLY && section && !ONLY.has(section)) return;
    const t = Date.now();
    process.stdout.write(`… ${name}`);
    try {
      await fn();
      process.stdout.write(` (${round((Date.now() - t) / 1000, 1)} s)\n`);
    } catch (e) {
      process.stdout.write(` failed: ${e instanceof Error ? e.message.split('\n')[0] : e}\n`);
      errors.push(`${name}: ${e instanceof Error ? e.message : e}`);
    }
  };

  const newContext = async () => {
    const context = await browser.newContext({ viewport: LAPTOP });
    await context.addInitScript(instrument);
    return context;
  };

  try {
    // Can the app load at all? (the only failure that exits non-zero)
    await step('loading the app', async () => {
      const context = await newContext();
      try {
        const { errors: pageErrors } = await openApp(context, server.url);
        if (pageErrors.length) errors.push(`page errors on load: ${pageErrors.join(' | ')}`);
      } catch (e) {
        loaded = false;
        throw e;
      } finally {
        await context.close();
      }
    });
    if (!loaded) throw new Error('the app did not load');

    await step('largest contentful paint', () => measureLcp(browser, server.url), 'lcp');

    await step('first load, served gzipped: throttled paints, first-screen JS, Lighthouse', () => measureLoad({
      browser, dist: DIST, record, chromePath: executablePath, log: (line) => process.stdout.write(`\n${line}`),
    }), 'load');

    await step('step latency and playback', async () => {
      const context = await newContext();
      const { page } = await measureSteps(context, server.url);
      await measurePlay(page);
      await context.close();
    }, 'steps');

    await step('scrub back after training 1000', async () => {
      const context = await newContext();
      await measureScrub(context, server.url);
      await context.close();
    }, 'scrub');

    await step('step latency, 2-32-1 × spiral 1250', async () => {
      const context = await newContext();
      const { page } = await openApp(context, `${server.url}#hidden=32&data=spiral&points=1250`);
      await blur(page);
      const r = await pressMany(page, 'ArrowRight', 30, 12000);
      recordPresses('step.big', `Step → on 2-32-1 × spiral 1250 (${r.marks.length}×)`, summarisePresses(r.marks, r.events, r.longtasks, r.support));
      await context.close();
    }, 'big');

    const linkIterations = Number(process.env.BENCH_LINK_IT ?? 20000);
    await step(`link to iteration ${linkIterations} of 2-32-1 × circle 5000`, async () => {
      const context = await newContext();
      await measureLink(context, server.url, 'data=circle&points=5000&hidden=32', linkIterations, 300_000);
      await context.close();
    }, 'link');

    await step('train 100,000 (default network) + heap', async () => {
      const context = await newContext();
      await measureTraining(context, server.url, 'train100k', 'Train 100,000, default 2-4-1', 100000, { itTarget: 10000, fps: true, heap: true, boundary: true, timeoutMs: 45000 });
      await context.close();
    }, 'train');

    const labTimeout = Number(process.env.BENCH_LAB_TIMEOUT ?? 25000);
    await step('train 5,000 on 2-32-1 × circle 1250', async () => {
      const context = await newContext();
      await measureTraining(context, `${server.url}#hidden=32&data=circle&points=1250&train=0.8`, 'lab', 'Train 5,000, 2-32-1 × 1000 (circle)', 5000, { itTarget: 500, fps: true, boundary: true, timeoutMs: labTimeout });
      await context.close();
    }, 'lab');

    await step('train 5,000 on 2-32-1 × circle 1250, data view on screen', async () => {
      const context = await newContext();
      await measureTraining(context, `${server.url}#hidden=32&data=circle&points=1250&train=0.8`, 'labview', 'Same, data view on screen', 5000, {
        itTarget: 500, fps: true, boundary: true, timeoutMs: labTimeout, onScreen: (page) => page.getByRole('img', { name: /^Decision boundary/ }),
      });
      await context.close();
    }, 'lab');

    await step('race of 4 optimizers × 2,000 vs one lane alone, 2-32-1 × circle 1250', async () => {
      const context = await newContext();
      await measureRace(context, `${server.url}#hidden=32&data=circle&points=1250&train=0.8&opt=adam&lr=0.01`, 2000, Number(process.env.BENCH_RACE_TIMEOUT ?? 60000));
      await context.close();
    }, 'race');
  } finally {
    await browser.close();
    await server.close();
  }

  const order = ['step.paced', 'step.pacedBack', 'step.forward', 'step.back', 'step.cpu', 'scrub', 'seek', 'step.big', 'play', 'link', 'train100k', 'lab', 'race', 'bundle', 'lcp', 'load'];
  rows.sort((a, b) => order.findIndex((p) => a.id.startsWith(p)) - order.findIndex((p) => b.id.startsWith(p)));
  console.log('');
  printTable('Results');
  console.log('\nBiggest JS chunks (gzipped):');
  for (const c of bundle.chunks.slice(0, 6)) console.log(`  ${String(kb(c.gzip)).padStart(7)} KB  ${String(kb(c.raw)).padStart(7)} KB raw  ${c.initial ? 'initial' : 'lazy   '}  ${c.file}`);
  if (errors.length) {
    console.log('\nProblems while measuring:');
    for (const e of errors) console.log(`  - ${e}`);
  }
  const seconds = round((Date.now() - started) / 1000, 1);
  machine.loadAverageAtEnd = loadavg().map((v) => round(v, 2));
  console.log(`Load average at the end: ${machine.loadAverageAtEnd.join(' / ')}.`);
  console.log(`\nTotal ${seconds} s. Wrote ${relative(ROOT, OUT)}.`);

  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, JSON.stringify({
    date: new Date().toISOString(), machine, chromium: chromiumVersion, viewport: LAPTOP, seconds,
    results: rows, bundle: { ...bundle, chunks: bundle.chunks.map(({ file, raw, gzip, initial }) => ({ file, raw, gzip, initial })) }, problems: errors,
  }, null, 2) + '\n');
  if (!loaded) process.exit(1);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
