/** Scrubbing back after Train 1000 (into iterations recomputed on demand) and seeking by the URL hash. */
import { blur, frameJitter, openApp, round, sleep } from './harness.mjs';
import { na, record } from './report.mjs';
import { PACE_MS, pressMany, recordPresses, summarisePresses } from './presses.mjs';
import { trainForm, trainViaForm } from './training.mjs';

const SCRUB_RECOMPUTES = 50;
const PACED_SCRUB_RECOMPUTES = 10;
const HASH_SEEKS = 20;

export async function measureScrub(context, url) {
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
