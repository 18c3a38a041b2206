// The scripts "Download .py" writes, run through real Python by tests/fixtures/generate_scripts.py
// (NumPy and PyTorch): the page must still write them byte for byte, and every cost they printed
// must be the engine's at that iteration (printed to 6 decimals), as must their final test number.
//
// Over 10,000 iterations the last bits of a sum taken in another order (NumPy's BLAS, torch,
// the engine's loops) grow: by up to ~5e-7 in these runs, and in the one with ReLU, mini-batches
// and RMSprop with momentum (dividing by √v + ε amplifies them) to ~7e-5 by iteration 7000,
// where NumPy and PyTorch disagree with each other by as much. Its tolerance says so.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/engine/index';
import { currentSession } from '../../src/store/index';
import { LISTING_CASES, scriptsOf } from '../fixtures/listingScripts';
import fixture from '../fixtures/scripts.json';

type Run = { file: string; sha256: string; costs: Record<string, number>; last: string };
const cases = fixture.cases as Record<string, Record<'numpy' | 'pytorch', Run>>;
/** Half a unit in the 6th decimal (the scripts print costs with :.6f), plus as much again of drift. */
const PRINTED = 1e-6;
/** Runs whose trajectories amplify rounding (see above). */
const TOLERANCE: Record<string, number> = { moonsRmspropBatches: 1e-4 };

describe.each(Object.keys(LISTING_CASES))('the %s scripts', (name) => {
  const store = LISTING_CASES[name]();
  const scripts = scriptsOf(store);

  it('are the files the fixture ran (else: npm run fixtures)', () => {
    expect(Object.keys(cases)).toContain(name);
    for (const tab of ['numpy', 'pytorch'] as const) {
      expect(scripts[tab].file).toBe(cases[name][tab].file);
      const sha = createHash('sha256').update(scripts[tab].text, 'utf8').digest('hex');
      expect(sha, `${scripts[tab].file} changed since tests/fixtures/generate_scripts.py ran it`).toBe(cases[name][tab].sha256);
    }
  });

  it('printed the costs the engine computes, and its test accuracy or loss', () => {
    store.getState().train(10_000);
    const { timeline, built } = store.getState();
    expect(timeline.curves.length).toBe(10_000);
    const final = evaluate(built.setup, currentSession(timeline).params, built.dataset.test.X, built.dataset.test.Y);
    for (const tab of ['numpy', 'pytorch'] as const) {
      const run = cases[name][tab];
      expect(Object.keys(run.costs)).toEqual(['0', '1000', '2000', '3000', '4000', '5000', '6000', '7000', '8000', '9000']);
      for (const [iteration, cost] of Object.entries(run.costs)) {
        // Before any update the printed cost is the engine's to its 6 decimals.
        const tolerance = iteration === '0' ? 5e-7 + 1e-12 : (TOLERANCE[name] ?? PRINTED);
        expect(Math.abs(cost - timeline.curves.trainLoss[Number(iteration)]), `${run.file} at iteration ${iteration}`).toBeLessThanOrEqual(tolerance);
      }
      const [, what, value] = /^test (accuracy|cost|loss): (\S+)$/.exec(run.last) ?? [];
      const expected = what === 'accuracy' ? final.accuracy : final.loss;
      expect(expected, `${run.file}: ${run.last}`).not.toBeNull();
      expect(Math.abs(Number(value) - expected!) / Math.max(1, Math.abs(expected!)), run.last).toBeLessThan(1e-9);
    }
  });
});
