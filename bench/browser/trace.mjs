/** Main-thread CPU from Chromium traces: unlike wall-clock latency, thread time barely moves when the machine is busy. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { OUT, round, sleep } from './harness.mjs';

/** BENCH_PROFILE=1 saves CPU profiles of some presses to bench/results/NAME.cpuprofile (open in DevTools). */
const PROFILE = process.env.BENCH_PROFILE === '1';

/** Runs fn; with BENCH_PROFILE=1 under the sampling profiler of the page `cdp` is attached to, saved as NAME.cpuprofile. */
export async function profiled(cdp, name, fn) {
  if (!PROFILE) return fn();
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const result = await fn();
  const { profile } = await cdp.send('Profiler.stop');
  const file = join(dirname(OUT), `${name}.cpuprofile`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(profile));
  return result;
}

/** BENCH_TRACE=1 traces the lab's training runs and adds a main-thread CPU row to each (fps is then measured under tracing). */
export const TRACE = process.env.BENCH_TRACE === '1';

/**
 * Main-thread CPU per press from a Chromium trace (thread time, `tdur`): unlike wall-clock
 * latency it barely moves when other processes load the machine, so runs on a busy box compare.
 * Also how much of it is style/layout forced by script (reading layout right after a change).
 */
export async function traceCpu(page, key, n) {
  const browser = page.context().browser();
  await browser.startTracing(page, { categories: TRACE_CATEGORIES });
  for (let i = 0; i < n; i++) {
    await page.keyboard.press(key);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
    await sleep(30);
  }
  const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
  const t = mainThreadTime(events);
  const top = [...t.self].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([name, v]) => `${name} ${round(v / 1000 / n)}`);
  return { cpu: t.cpu / 1000 / n, wall: t.wall / 1000 / n, forced: t.forced / 1000 / n, forcedCount: t.forcedCount / n, top, firstFrame: firstFrameCpu(events) };
}

/**
 * Thread time (ms) from each keydown's task to the end of the first frame after it (its Commit),
 * one per press: what a CPU N× slower multiplies by N before the key's answer can be presented.
 */
export function firstFrameCpu(events) {
  const names = new Map(events.filter((e) => e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args?.name]));
  const main = events.filter((e) => names.get(`${e.pid}:${e.tid}`) === 'CrRendererMain' && e.ph === 'X' && e.dur).sort((a, b) => a.ts - b.ts);
  const tops = [];
  let end = -Infinity;
  for (const e of main) {
    if (e.ts >= end) {
      tops.push(e);
      end = e.ts + e.dur;
    }
  }
  const perPress = [];
  for (const key of main.filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'keydown')) {
    const first = tops.findLastIndex((task) => task.ts <= key.ts);
    const commit = main.find((e) => e.name === 'Commit' && e.ts > key.ts);
    if (first < 0 || !commit) continue;
    let cpu = 0;
    for (let k = first; k < tops.length && tops[k].ts <= commit.ts; k++) cpu += tops[k].tdur ?? tops[k].dur;
    perPress.push(cpu / 1000);
  }
  return perPress;
}

export const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline'];

/**
 * The renderer main thread's time in a trace (µs): thread time (`tdur`) and wall time of its
 * top-level tasks, self thread time per event name, style/layout forced by script, and the
 * thread time of the page's workers (top-level tasks of 'DedicatedWorker thread').
 */
export function mainThreadTime(events) {
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
