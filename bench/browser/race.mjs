/** A race of four optimizers through the race view against one lane trained alone. */
import { na, record, recordFrames } from './report.mjs';
import { TRACE, TRACE_CATEGORIES, mainThreadTime } from './trace.mjs';
import { openApp, round } from './harness.mjs';
import { trainViaForm } from './training.mjs';

/** The race's lanes: SGD, SGD with momentum, RMSprop and Adam, each at a learning rate that trains the circle without diverging. */
const RACE_LANES = [['SGD', '0.1'], ['SGD with momentum', '0.1'], ['RMSprop', '0.01'], ['Adam', '0.01']];

/**
 * A race of 4 lanes through the race view (lanes added, optimizers chosen, Start race), timed
 * from the Start click to "Race over", against one lane alone: the same setting (the page's
 * optimizer is lane 4's, Adam lr 0.01) trained n iterations through the Train form, once
 * before and once after the race (the mean is the "one run"; both are printed).
 */
export async function measureRace(context, url, n, timeoutMs) {
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
