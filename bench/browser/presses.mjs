/**
 * Pressing keys in the page and summarising key → paint: paced, back to back (a random moment
 * of the next frame, see bench/browser.mjs), or at a held key's auto-repeat rate.
 */
import { frameJitter, quantile, round, sleep } from './harness.mjs';
import { record } from './report.mjs';

/** Presses per step row. */
export const PRESSES = 50;
/** A presenter's fastest pace for the paced step rows: four presses a second. */
export const PACE_MS = 250;

/**
 * Presses `key` up to n times, one at a time, each after the previous one painted: with
 * `paceMs`, no sooner than paceMs after it; without, at a random moment of the next frame (see
 * the header). Stops early after `budgetMs` (so a slow app still finishes the run); returns
 * the marks.
 */
export async function pressMany(page, key, n, budgetMs, paceMs = 0) {
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
export async function collectMarks(page, first, count) {
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
export function summarisePresses(marks, events, longtasks, support = {}) {
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
export async function pressEvery(page, key, n, intervalMs) {
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
 * `targets`: the median's and the p95's (null: none), 16 ms and none at full speed.
 */
export function recordPresses(id, label, s, note = '', targets = { median: 16, p95: null }) {
  const raf = `rAF method: median ${round(s.rafMedian)} ms, p95 ${round(s.rafP95)} ms, max ${round(s.rafMax)} ms`;
  const common = `n=${s.n}; long tasks ${s.longtasks}; ${raf}${note ? `; ${note}` : ''}`;
  const extra = { eventTiming: { median: s.etMedian, p95: s.etP95, reported: s.etReported, max: s.etMax }, raf: { median: round(s.rafMedian), p95: round(s.rafP95), max: round(s.rafMax) } };
  if (s.etSupported) {
    const method = "Event Timing 'event' entries, keydown duration (presentation), durationThreshold 16";
    const row = (q, v, target) => (typeof v === 'number'
      ? { value: round(v), unit: 'ms', target, method }
      : { value: null, display: '< 16 ms', met: target === null ? undefined : true, unit: 'ms', target, method });
    record(`${id}.median`, `${label}: median`, { ...row('median', s.etMedian, targets.median), note: `${s.etReported}/${s.n} presses ≥ 16 ms, worst ${round(s.etMax)} ms; ${common}`, extra });
    record(`${id}.p95`, `${label}: p95`, row('p95', s.etP95, targets.p95));
    return;
  }
  const method = 'rAF: keydown.timeStamp → task after the next rAF (frame painted)';
  record(`${id}.median`, `${label}: median`, { value: round(s.rafMedian), unit: 'ms', target: targets.median, method, note: `Event Timing unsupported; ${common}`, extra });
  record(`${id}.p95`, `${label}: p95`, { value: round(s.rafP95), unit: 'ms', target: targets.p95, method });
}

/** Key → every panel updated (the rAF method after the last DOM change a press caused); reported, not a target. */
export function recordEveryPanel(id, label, marks) {
  const all = marks.map((m) => (m.allPainted ?? m.painted) - m.ts).filter(Number.isFinite);
  record(id, label, {
    value: round(quantile(all, 0.5)), unit: 'ms', target: null,
    method: 'rAF: keydown.timeStamp → task after the frame showing the last DOM change outside the fade and flow layers',
    note: `p95 ${round(quantile(all, 0.95))} ms, n=${all.length}; the controls and the diagram answer in the first frame, the other panels right after it`,
  });
}
