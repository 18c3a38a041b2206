/** A link to a late iteration: the page stays responsive while a worker prepares it. */
import { openApp, round } from './harness.mjs';
import { record } from './report.mjs';
import { trainViaForm } from './training.mjs';

/**
 * A link to a late iteration (issue 15): first paint, the longest main-thread task while the
 * worker prepares it, and the time until the studio shows it, against training the same
 * iterations with Train in a fresh page. Over the work budget the page asks first: the clock
 * starts at "Prepare it".
 */
export async function measureLink(context, url, hash, iterations, timeoutMs) {
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
