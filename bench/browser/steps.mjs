/** The studio's step rows: → and ← at several paces, key → every panel, CPU per press, and a big network. */
import { blur, openApp, quantile, round } from './harness.mjs';
import { na, record } from './report.mjs';
import { PACE_MS, PRESSES, pressEvery, pressMany, recordEveryPanel, recordPresses, summarisePresses } from './presses.mjs';
import { profiled, traceCpu } from './trace.mjs';

/** Quick taps: ten presses a second. */
const TAP_MS = 100;
/** A held key: the keyboard's auto-repeat, about 30 presses a second (Windows' default; X11's is 25). */
const REPEAT_MS = 33;
/** Presses measured for key → every panel updated, apart from the latency rows (its DOM watching costs the page). */
const PANEL_PRESSES = 20;

export async function measureSteps(context, url) {
  const { page, errors } = await openApp(context, url);
  await blur(page);
  const cdp = await context.newCDPSession(page);
  // BENCH_PROFILE=1: bench/results/step-forward.cpuprofile.
  const fwd = await profiled(cdp, 'step-forward', () => pressMany(page, 'ArrowRight', PRESSES, 15000));
  await cdp.detach();
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
    record('step.firstFrameCpu', 'Step →: main-thread CPU from key to its first frame (trace)', {
      value: round(quantile(t.firstFrame, 0.5)), unit: 'ms', target: 8,
      method: 'Chromium trace, thread time from the keydown\'s task to the end of the next frame\'s commit, median of 12',
      note: `≈ ×4 on a 4× slower CPU, whose two-frame budget (33 ms) leaves about 8 ms here; p90 ${round(quantile(t.firstFrame, 0.9))} ms`,
    });
  } catch (e) {
    na('step.cpu', 'Step →: main-thread CPU per press (trace)', `tracing failed: ${e instanceof Error ? e.message.split('\n')[0] : e}`, 16, 'ms');
  }
  return { page, errors, support: fwd.support };
}

/** Step → on 2-32-1 × spiral 1250: a bigger network and data set than the default. */
export async function measureBigSteps(context, url) {
  const { page } = await openApp(context, `${url}#hidden=32&data=spiral&points=1250`);
  await blur(page);
  const r = await pressMany(page, 'ArrowRight', 30, 12000);
  recordPresses('step.big', `Step → on 2-32-1 × spiral 1250 (${r.marks.length}×)`, summarisePresses(r.marks, r.events, r.longtasks, r.support));
}
