/**
 * A slow device: the step and play rows again with Chromium's CPU throttled (DevTools' "4×
 * slowdown" and 6×), standing in for a school Chromebook or a budget phone (issue 12). The
 * page loads at full speed; throttling starts once the studio is up (first paint is measured
 * elsewhere).
 */
import { blur, load1, openApp, throttleCpu } from './harness.mjs';
import { PACE_MS, pressMany, recordPresses, summarisePresses } from './presses.mjs';
import { measurePlay } from './play.mjs';
import { profiled } from './trace.mjs';

/** Presses per throttled row: fewer than at full speed, as each takes longer. */
const SLOW_PRESSES = 30;
/** The targets on a 4× slower CPU: key → paint within two frames, p95 within four, play ≥ 30 fps. */
const TARGETS = { median: 33, p95: 66 };
const FPS_TARGET = 30;

/** The throttled rows at `rate`× (one fresh page each rate). Targets are the 4× ones; the 6× rows are reported against the same. */
export async function measureSlowDevice(context, url, rate) {
  const { page } = await openApp(context, url);
  await blur(page);
  const cdp = await throttleCpu(page, rate);
  const prefix = `${rate}× slower CPU: `;
  try {
    const paced = await pressMany(page, 'ArrowRight', SLOW_PRESSES, 40000, PACE_MS);
    recordPresses(`slow${rate}.step.paced`, `${prefix}Step → one press per ${PACE_MS} ms (${paced.marks.length}×)`,
      summarisePresses(paced.marks, paced.events, paced.longtasks, paced.support), `load ${load1()}`, TARGETS);
    // BENCH_PROFILE=1: bench/results/step-forward-4x.cpuprofile (and -6x).
    const fwd = await profiled(cdp, `step-forward-${rate}x`, () => pressMany(page, 'ArrowRight', SLOW_PRESSES, 30000));
    recordPresses(`slow${rate}.step.forward`, `${prefix}Step → (new phase, ${fwd.marks.length}×)`,
      summarisePresses(fwd.marks, fwd.events, fwd.longtasks, fwd.support), `load ${load1()}`, TARGETS);
    await measurePlay(page, { id: `slow${rate}.play`, prefix, fps: FPS_TARGET, note: `load ${load1()}` });
  } finally {
    await cdp.detach();
  }
}
