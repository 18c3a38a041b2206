/** Play at the fastest speed: frames per second and long tasks while the studio steps on its own. */
import { blur, round, sleep } from './harness.mjs';
import { na, record } from './report.mjs';

const PLAY_MS = 5000;

/**
 * Plays for PLAY_MS at the Speed select's fastest option and records fps and long tasks.
 * At full speed: ≥ 55 fps and no long task over 50 ms. On a throttled CPU (`slow`: its row id,
 * label prefix, fps target) the issue asks ≥ 30 fps and no long task over 100 ms.
 */
export async function measurePlay(page, slow = null) {
  const id = slow?.id ?? 'play';
  const prefix = slow?.prefix ?? '';
  const fpsTarget = slow?.fps ?? 55;
  const select = page.getByLabel('Speed');
  if (!(await select.count())) return na(`${id}.fps`, `${prefix}Play at fastest speed: fps`, 'no Speed select', fpsTarget, 'fps', 'higher');
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
  const note = `reached iteration ${itAfter}; ${f.over50} frames > 50 ms, worst gap ${round(f.maxGap)} ms${slow?.note ? `; ${slow.note}` : ''}`;
  record(`${id}.fps`, `${prefix}Play at ${label}: fps (1280×800, ${PLAY_MS / 1000} s)`, { value: round(fps), unit: 'fps', target: fpsTarget, better: 'higher', method: 'rAF callbacks / s', note });
  if (!slow) {
    record('play.longtasks', 'Play at fastest speed: long tasks > 50 ms', { value: f.longtasks, unit: '', target: 0, method: "PerformanceObserver 'longtask'", note: f.longtasks ? `longest ${round(f.longestTask)} ms` : '' });
    return;
  }
  record(`${id}.longtasks`, `${prefix}Play at fastest speed: long tasks > 100 ms`, {
    value: f.over100, unit: '', target: 0, method: "PerformanceObserver 'longtask', duration > 100 ms",
    note: `${f.longtasks} over 50 ms, longest ${round(f.longestTask)} ms`,
  });
}
