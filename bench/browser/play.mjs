/** Play at the fastest speed: frames per second and long tasks while the studio steps on its own. */
import { blur, round, sleep } from './harness.mjs';
import { na, record } from './report.mjs';

const PLAY_MS = 5000;

export async function measurePlay(page) {
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
