/**
 * Property tests, as STYLE.md §8 writes them: `test.prop([arbitraries], params)(name, property,
 * timeout)` is one vitest test that checks `property` with fast-check (`params.numRuns` cases, 100
 * by default), named with its seed. A failure prints fast-check's seed and path: replay it with
 * `{ seed, path }` in `params`. `test` is vitest's own otherwise.
 *
 * Why not @fast-check/vitest's `test.prop`, the same call: importing it cost 2–4 s in every test
 * file that used it (at import it wraps every chain of vitest's test modifiers,
 * test.skip.only.concurrent…), half the unit run's import time. None of our properties is async
 * or needs the per-case beforeEach/afterEach hooks it also runs, so fc.assert inside a plain test
 * checks the same cases.
 */
import fc from 'fast-check';
import { test as vitestTest } from 'vitest';

export { fc };

function prop<Ts extends [unknown, ...unknown[]]>(arbitraries: { [K in keyof Ts]: fc.Arbitrary<Ts[K]> }, params: fc.Parameters<Ts> = {}) {
  return (name: string, property: (...args: Ts) => boolean | void, timeout?: number) => {
    // As @fast-check/vitest names them: a seed from fc.configureGlobal, else a fresh one per run.
    const seed = params.seed ?? fc.readConfigureGlobal().seed ?? (Date.now() ^ (Math.random() * 0x100000000));
    vitestTest(`${name} (with seed=${seed})`, () => {
      fc.assert(fc.property(...arbitraries, property), { ...params, seed });
    }, timeout);
  };
}

/** vitest's `test` (a copy: extend makes a new one, so vitest's own is left alone) with `prop`. */
export const test = Object.assign(vitestTest.extend({}), { prop });
