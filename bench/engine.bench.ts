/**
 * `npm run bench`: µs per training iteration (forward, loss, backward, update; full batch) of
 * the engine's fast trainer, for three workloads, against the tutorial's NumPy loop timed in
 * the same run (bench/numpy_bench.py) where python3 with NumPy is present. Also prints the
 * step-through session's cost per iteration and checks the trainer allocates nothing per
 * iteration. It only prints: it exits 0 however slow the numbers are.
 *
 * Timing: warm up, pick the smallest power of two of iterations that takes ≥ MIN_MS, time
 * SAMPLES such batches; median µs/iteration, min–max and the interquartile range.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import {
  createTrainer, initialOptimizerState, initializeParameters, numpyRandom, startSession, stepSession,
} from '../src/engine/index';
import type { Activation, LossKind, NetworkConfig, OptimizerSpec, Session, SessionSetup, Trainer } from '../src/engine/index';

const SAMPLES = 15;
const MIN_MS = 50;
/** Iterations of the first cost check, the same on the NumPy side. */
const CHECK_ITERATIONS = 100;
const OPTIMIZER: OptimizerSpec = { kind: 'sgd', lr: 0.1 };

interface Workload {
  name: string;
  n: number; h: number; o: number; m: number;
  g1: Activation; g2: Activation; loss: LossKind;
  dataSeed: number; paramSeed: number;
  /** The target as a bound on JS time / NumPy time, and how it reads. */
  maxRatio: number; target: string;
}

// Keep in step with WORKLOADS in bench/numpy_bench.py.
const WORKLOADS: Workload[] = [
  { name: '2-4-1 x 400', n: 2, h: 4, o: 1, m: 400, g1: 'tanh', g2: 'sigmoid', loss: 'bce', dataSeed: 3, paramSeed: 2, maxRatio: 1.3, target: '<= 1.3x' },
  { name: '2-64-1 x 4000', n: 2, h: 64, o: 1, m: 4000, g1: 'tanh', g2: 'sigmoid', loss: 'bce', dataSeed: 5, paramSeed: 2, maxRatio: 1, target: '< 1x' },
  { name: '10-5-1 x 256', n: 10, h: 5, o: 1, m: 256, g1: 'relu', g2: 'linear', loss: 'mse', dataSeed: 7, paramSeed: 2, maxRatio: Infinity, target: '(none)' },
];

interface Stats { iterationsPerSample: number; samples: number; medianUs: number; minUs: number; maxUs: number; q1Us: number; q3Us: number }
interface NumpyWorkload extends Stats { name: string; firstCost: number; lastCost: number }
interface NumpyReport {
  numpy: string; python: string; executable: string;
  env: Record<string, string | null>;
  blas: { source: string; libraries?: string[]; pools?: Record<string, unknown>[] };
  checkIterations: number;
  workloads: NumpyWorkload[];
}

/** np.random.seed(seed); X = randn(n, m); Y = randint(0, 2, (o, m)) for bce, randn(o, m) otherwise. */
function setupFor(w: Workload): SessionSetup {
  const config: NetworkConfig = {
    inputSize: w.n, hiddenSize: w.h, outputSize: w.o, hiddenActivation: w.g1, outputActivation: w.g2, loss: w.loss,
  };
  const random = numpyRandom(w.dataSeed);
  const X = random.randn(w.n, w.m);
  const Y = w.loss === 'bce' ? random.randint(0, 2, w.o, w.m) : random.randn(w.o, w.m);
  return { config, optimizer: OPTIMIZER, data: { X, Y }, batchSize: null, shuffleSeed: 0 };
}

function freshTrainer(setup: SessionSetup, w: Workload): Trainer {
  const params = initializeParameters(setup.config, { seed: w.paramSeed });
  return createTrainer(setup, { iteration: 0, params, optimizerState: initialOptimizerState(OPTIMIZER, params) });
}

function quantile(sorted: number[], q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/** Times `batch(count)` (which runs `count` iterations) as described at the top. */
function timeIterations(batch: (count: number) => void, warmup: number): Stats {
  const run = (count: number) => {
    const t0 = process.hrtime.bigint();
    batch(count);
    return Number(process.hrtime.bigint() - t0);
  };
  run(warmup);
  let count = 1;
  while (run(count) < MIN_MS * 1e6) count *= 2;
  const perIteration: number[] = [];
  for (let s = 0; s < SAMPLES; s++) perIteration.push(run(count) / count / 1e3);
  perIteration.sort((a, b) => a - b);
  return {
    iterationsPerSample: count, samples: SAMPLES, medianUs: quantile(perIteration, 0.5),
    minUs: perIteration[0], maxUs: perIteration[perIteration.length - 1],
    q1Us: quantile(perIteration, 0.25), q3Us: quantile(perIteration, 0.75),
  };
}

/** A `gc()` if one can be had: --expose-gc, or switched on at run time (V8 allows it before first use). */
function getGc(): (() => void) | null {
  const existing = (globalThis as { gc?: () => void }).gc;
  if (typeof existing === 'function') return existing;
  try {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as unknown;
    return typeof gc === 'function' ? (gc as () => void) : null;
  } catch {
    return null;
  }
}

const fmt = (us: number) => (us >= 100 ? us.toFixed(0) : us >= 10 ? us.toFixed(1) : us.toFixed(2));
const spread = (s: Stats) => `${fmt(s.minUs)}-${fmt(s.maxUs)} (IQR ${fmt(s.q1Us)}-${fmt(s.q3Us)})`;

function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => r.map((cell, c) => cell.padEnd(widths[c])).join('  ').trimEnd()).join('\n');
}

/** python3 that imports numpy: /usr/bin/python3 first, then python3 on PATH. */
function findPython(): string | null {
  for (const candidate of ['/usr/bin/python3', 'python3']) {
    if (candidate.startsWith('/') && !existsSync(candidate)) continue;
    const probe = spawnSync(candidate, ['-c', 'import numpy'], { stdio: 'ignore' });
    if (probe.status === 0) return candidate;
  }
  return null;
}

function main(): void {
  console.log(`engine bench: node ${process.version}, ${SAMPLES} samples of >= ${MIN_MS} ms each, µs per full-batch iteration (forward, loss, backward, SGD lr ${OPTIMIZER.lr})`);
  console.log('');

  // 1. The fast trainer.
  const js: Stats[] = [];
  const firstCosts: { first: number; last: number }[] = [];
  for (const w of WORKLOADS) {
    const setup = setupFor(w);
    const check = new Float64Array(CHECK_ITERATIONS);
    freshTrainer(setup, w).run(CHECK_ITERATIONS, check);
    firstCosts.push({ first: check[0], last: check[CHECK_ITERATIONS - 1] });
    const trainer = freshTrainer(setup, w);
    const losses = new Float64Array(1 << 20);
    js.push(timeIterations((count) => {
      for (let done = 0; done < count; done += losses.length) trainer.run(Math.min(losses.length, count - done), losses);
    }, 2000));
  }

  // 2. The step-through session (informational): six stepSession calls per iteration.
  const tutorial = WORKLOADS[0];
  const tutorialSetup = setupFor(tutorial);
  let session: Session = startSession(tutorialSetup, initializeParameters(tutorialSetup.config, { seed: tutorial.paramSeed }));
  const sessionStats = timeIterations((count) => {
    for (let i = 0; i < count; i++) for (let p = 0; p < 6; p++) session = stepSession(session);
  }, 500);

  // 3. Allocation of the trainer's steady state.
  const gc = getGc();
  const allocation: string[] = [];
  {
    const trainer = freshTrainer(tutorialSetup, tutorial);
    const losses = new Float64Array(20_000);
    trainer.run(20_000, losses); // warm: compiled, optimised
    trainer.run(20_000, losses);
    if (gc) {
      gc(); gc();
      const before = process.memoryUsage().heapUsed;
      trainer.run(20_000, losses);
      gc(); gc();
      const after = process.memoryUsage().heapUsed;
      allocation.push(`heap after gc, before vs after 20,000 iterations: ${after - before} bytes (retained growth; ~0 expected)`);
      gc(); gc();
    } else {
      allocation.push('no gc() available (run with node --expose-gc): retained-growth check skipped');
    }
    let worst = -Infinity;
    for (let trial = 0; trial < 5; trial++) {
      const before = process.memoryUsage().heapUsed;
      trainer.run(10_000, losses);
      const after = process.memoryUsage().heapUsed;
      worst = Math.max(worst, after - before);
    }
    const verdict = worst < 4096 ? 'ok, < 4 KB: nothing allocated per iteration' : 'ALLOCATES per iteration';
    allocation.push(`heapUsed growth over 10,000 iterations without gc (worst of 5): ${worst} bytes (${(worst / 10_000).toFixed(3)} B/iteration) - ${verdict}`);
  }

  // 4. NumPy, same workloads, same run.
  const python = findPython();
  let numpy: NumpyReport | null = null;
  let numpyNote = '';
  if (!python) {
    numpyNote = 'python3 with NumPy not found: NumPy comparison skipped.';
  } else {
    // .library/env: OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE, where set, slow a current NumPy's OpenBLAS;
    // for a benchmark unset both together, in this command alone.
    const env = { ...process.env };
    const set = ['OPENBLAS_CORETYPE', 'OPENBLAS_L2_SIZE'].filter((k) => env[k] !== undefined);
    if (set.length > 0) {
      numpyNote = `OPENBLAS: ${set.map((k) => `${k}=${env[k]}`).join(', ')} set in this environment; unset (both) for the NumPy run only.`;
      delete env.OPENBLAS_CORETYPE;
      delete env.OPENBLAS_L2_SIZE;
    } else {
      numpyNote = 'OPENBLAS: neither OPENBLAS_CORETYPE nor OPENBLAS_L2_SIZE is set here; NumPy ran with the environment as is.';
    }
    const script = join(dirname(fileURLToPath(import.meta.url)), 'numpy_bench.py');
    try {
      const out = execFileSync(python, [script, '--samples', String(SAMPLES), '--min-ms', String(MIN_MS), '--check-iterations', String(CHECK_ITERATIONS)], {
        env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 24,
      });
      numpy = JSON.parse(out) as NumpyReport;
    } catch (error) {
      numpyNote += ` NumPy bench failed: ${(error as Error).message}`;
    }
  }

  // Report.
  const rows = [['workload', 'JS median us', 'JS spread min-max (IQR)', 'NumPy median us', 'NumPy spread min-max (IQR)', 'JS/NumPy', 'target', 'met?']];
  WORKLOADS.forEach((w, k) => {
    const np = numpy?.workloads.find((r) => r.name === w.name);
    const ratio = np ? js[k].medianUs / np.medianUs : NaN;
    const met = !np ? 'n/a' : w.maxRatio === Infinity ? '-' : (w.maxRatio === 1 ? ratio < 1 : ratio <= w.maxRatio) ? 'yes' : 'NO';
    rows.push([
      `${w.name} ${w.g1}/${w.g2}/${w.loss}`, fmt(js[k].medianUs), spread(js[k]),
      np ? fmt(np.medianUs) : '-', np ? spread(np) : '-', np ? `${ratio.toFixed(3)}x` : '-', w.target, met,
    ]);
  });
  console.log('Fast trainer (createTrainer(...).run) vs the tutorial\'s NumPy loop:');
  console.log(table(rows));
  console.log('');
  console.log(`Step-through session, ${tutorial.name}: ${fmt(sessionStats.medianUs)} us per iteration (six stepSession calls), spread ${spread(sessionStats)}; ${(sessionStats.medianUs / js[0].medianUs).toFixed(1)}x the trainer.`);
  console.log('');
  console.log(`Allocation (trainer, ${tutorial.name}):`);
  for (const line of allocation) console.log(`  ${line}`);
  console.log('');
  if (numpy) {
    console.log(`NumPy ${numpy.numpy}, Python ${numpy.python} (${numpy.executable}); ${numpyNote}`);
    const libs = numpy.blas.libraries ?? numpy.blas.pools?.map((p) => `${String(p.internal_api)} ${String(p.version)} ${String(p.architecture)} threads=${String(p.num_threads)} ${String(p.filepath)}`) ?? [];
    console.log(`  BLAS (${numpy.blas.source}): ${libs.join(', ') || 'unknown'}`);
    const envShown = Object.entries(numpy.env).map(([k, v]) => `${k}=${v ?? '(unset)'}`).join(' ');
    console.log(`  environment of the NumPy run: ${envShown}`);
    console.log(`  cost check, first ${CHECK_ITERATIONS} iterations from the same data and initial params (JS vs NumPy, relative difference):`);
    WORKLOADS.forEach((w, k) => {
      const np = numpy?.workloads.find((r) => r.name === w.name);
      if (!np) return;
      const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), Number.MIN_VALUE);
      console.log(`    ${w.name}: cost[0] ${firstCosts[k].first} vs ${np.firstCost} (${rel(firstCosts[k].first, np.firstCost).toExponential(1)}), cost[${CHECK_ITERATIONS - 1}] ${firstCosts[k].last} vs ${np.lastCost} (${rel(firstCosts[k].last, np.lastCost).toExponential(1)})`);
    });
  } else {
    console.log(numpyNote);
  }
}

main();
