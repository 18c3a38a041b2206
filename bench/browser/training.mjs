/** The training lab's rows: Train n through the form (iterations/s, fps, boundary refreshes, heap). */
import { na, record, recordFrames } from './report.mjs';
import { TRACE, TRACE_CATEGORIES, mainThreadTime } from './trace.mjs';
import { openApp, round } from './harness.mjs';

/** The controls' "Train whole iterations fast" form (other views have fields named Iterations too), or the page. */
export async function trainForm(page) {
  const form = page.getByRole('form', { name: 'Train whole iterations fast' });
  return (await form.count()) === 1 ? form : page;
}

/** Starts "Train n" through the form (type n, click Train) and waits for it to end. */
export async function trainViaForm(page, n, expectIteration, timeoutMs) {
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

export async function heapAfter(page) {
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
export async function measureTraining(context, url, id, label, n, { itTarget, fps = false, heap = false, boundary = false, onScreen = null, timeoutMs }) {
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
