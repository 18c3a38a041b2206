/**
 * `npm run bench`: µs per training iteration (forward, loss, backward, update; full batch) of
 * the engine's fast trainer, for three workloads, against the tutorial's NumPy loop timed in
 * the same run (bench/numpy_bench.py) where python3 with NumPy is present. Also prints the
 * step-through session's cost per iteration and checks the trainer allocates nothing per
 * iteration. It only prints: it exits 0 however slow the numbers are.
 *
 * Timing: warm up (≥ WARMUP_MS), pick the smallest power of two of iterations that takes
 * ≥ MIN_MS, time SAMPLES such batches; median µs/iteration, min–max and the interquartile
 * range. NumPy runs right after the JS timing of each workload (one python3 per workload),
 * so a change in the machine's load between the two is as short-lived as it can be.
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
const WARMUP_MS = 300;
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
interface NumpyWorkload extends Stats { name: string; firstCost: number; lastCost: number; squared?: Stats }
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
function timeIterations(batch: (count: number) => void): Stats {
  const run = (count: number) => {
    const t0 = process.hrtime.bigint();
    batch(count);
    return Number(process.hrtime.bigint() - t0);
  };
  for (let spent = 0, count = 1; spent < WARMUP_MS * 1e6; count *= 2) spent += run(count);
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

/**
 * Runs bench/numpy_bench.py for one workload. .library/env: where OPENBLAS_CORETYPE or
 * OPENBLAS_L2_SIZE are set they slow a current NumPy's OpenBLAS, so for a benchmark both are
 * unset together, in this command alone.
 */
function numpyEnvironment(): { env: NodeJS.ProcessEnv; note: string } {
  const env = { ...process.env };
  const set = ['OPENBLAS_CORETYPE', 'OPENBLAS_L2_SIZE'].filter((k) => env[k] !== undefined);
  if (set.length === 0) {
    return { env, note: 'neither OPENBLAS_CORETYPE nor OPENBLAS_L2_SIZE is set here; NumPy ran with the environment as is' };
  }
  delete env.OPENBLAS_CORETYPE;
  delete env.OPENBLAS_L2_SIZE;
  return { env, note: `${set.map((k) => `${k}=${process.env[k]}`).join(', ')} set here: both unset for the NumPy runs only` };
}

function runNumpy(python: string, env: NodeJS.ProcessEnv, workload: string): NumpyReport {
  const script = join(dirname(fileURLToPath(import.meta.url)), 'numpy_bench.py');
  const args = [script, '--samples', String(SAMPLES), '--min-ms', String(MIN_MS), '--check-iterations', String(CHECK_ITERATIONS), '--workload', workload];
  const out = execFileSync(python, args, { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 24 });
  return JSON.parse(out) as NumpyReport;
}

function main(): void {
  console.log(`engine bench: node ${process.version}, ${SAMPLES} samples of >= ${MIN_MS} ms each, µs per full-batch iteration (forward, loss, backward, SGD lr ${OPTIMIZER.lr})`);
  const python = findPython();
  const numpyEnv = numpyEnvironment();
  let numpyFailure = python ? '' : 'python3 with NumPy not found: NumPy comparison skipped';

  // 1. The fast trainer, each workload followed by NumPy on the same workload.
  const js: Stats[] = [];
  const jsCosts: { first: number; last: number }[] = [];
  const numpy: (NumpyWorkload | undefined)[] = [];
  let numpyMeta: NumpyReport | null = null;
  for (const w of WORKLOADS) {
    process.stdout.write(`  timing ${w.name}: JS`);
    const setup = setupFor(w);
    const check = new Float64Array(CHECK_ITERATIONS);
    freshTrainer(setup, w).run(CHECK_ITERATIONS, check);
    jsCosts.push({ first: check[0], last: check[CHECK_ITERATIONS - 1] });
    const trainer = freshTrainer(setup, w);
    const losses = new Float64Array(1 << 16);
    js.push(timeIterations((count) => {
      for (let done = 0; done < count; done += losses.length) trainer.run(Math.min(losses.length, count - done), losses);
    }));
    if (python && !numpyFailure) {
      process.stdout.write(', NumPy');
      try {
        numpyMeta = runNumpy(python, numpyEnv.env, w.name);
        numpy.push(numpyMeta.workloads.find((r) => r.name === w.name));
      } catch (error) {
        numpyFailure = `NumPy bench failed: ${(error as Error).message}`;
      }
    }
    process.stdout.write('\n');
  }

  // 2. The step-through session (informational): six stepSession calls per iteration.
  const tutorial = WORKLOADS[0];
  const tutorialSetup = setupFor(tutorial);
  let session: Session = startSession(tutorialSetup, initializeParameters(tutorialSetup.config, { seed: tutorial.paramSeed }));
  const sessionStats = timeIterations((count) => {
    for (let i = 0; i < count; i++) for (let p = 0; p < 6; p++) session = stepSession(session);
  });

  // 3. Allocation of the trainer's steady state.
  const gc = getGc();
  const allocation: string[] = [];
  {
    const trainer = freshTrainer(tutorialSetup, tutorial);
    const losses = new Float64Array(20_000);
    trainer.run(20_000, losses); // warm: compiled and optimised
    if (gc) {
      gc();
      gc();
      const before = process.memoryUsage().heapUsed;
      trainer.run(20_000, losses);
      gc();
      gc();
      const after = process.memoryUsage().heapUsed;
      allocation.push(`heap after gc, before vs after 20,000 iterations: ${after - before} bytes retained (~0 expected)`);
    } else {
      allocation.push('no gc() available (run with node --expose-gc): the retained-growth check is skipped');
    }
    let worst = -Infinity;
    for (let trial = 0; trial < 5; trial++) {
      const before = process.memoryUsage().heapUsed;
      trainer.run(10_000, losses);
      const after = process.memoryUsage().heapUsed;
      worst = Math.max(worst, after - before);
    }
    const verdict = worst < 4096 ? 'ok (< 4 KB): nothing is allocated per iteration' : 'NOT allocation-free: something is allocated every iteration';
    allocation.push(`heapUsed growth over 10,000 iterations, no gc in between (worst of 5): ${worst} bytes = ${(worst / 10_000).toFixed(2)} B/iteration, ${verdict}`);
  }

  // Report.
  console.log('');
  console.log("Fast trainer (createTrainer(...).run) vs the tutorial's NumPy loop, µs per iteration (median of samples; spread min-max and IQR):");
  const rows = [['workload', 'JS', 'JS spread (IQR)', 'NumPy', 'NumPy spread (IQR)', 'JS/NumPy', 'target', 'met?', 'NumPy A1*A1', 'JS/that']];
  WORKLOADS.forEach((w, k) => {
    const np = numpy[k];
    const ratio = np ? js[k].medianUs / np.medianUs : NaN;
    const met = !np ? 'n/a' : w.maxRatio === Infinity ? '-' : (w.maxRatio === 1 ? ratio < 1 : ratio <= w.maxRatio) ? 'yes' : 'NO';
    rows.push([
      `${w.name} ${w.g1}/${w.g2}/${w.loss}`, fmt(js[k].medianUs), spread(js[k]),
      np ? fmt(np.medianUs) : '-', np ? spread(np) : '-', np ? `${ratio.toFixed(3)}x` : '-', w.target, met,
      np?.squared ? fmt(np.squared.medianUs) : '-', np?.squared ? `${(js[k].medianUs / np.squared.medianUs).toFixed(3)}x` : '-',
    ]);
  });
  console.log(table(rows));
  console.log("  NumPy: the tutorial's code (1 - np.power(A1, 2)); 'NumPy A1*A1': the same loop with 1 - A1 * A1, for information only.");
  console.log('');
  console.log(`Step-through session, ${tutorial.name}: ${fmt(sessionStats.medianUs)} µs per iteration (six stepSession calls), spread ${spread(sessionStats)}; ${(sessionStats.medianUs / js[0].medianUs).toFixed(1)}x the trainer.`);
  console.log('');
  console.log(`Allocation (trainer, ${tutorial.name}, ${gc ? 'gc() available' : 'no gc()'}):`);
  for (const line of allocation) console.log(`  ${line}`);
  console.log('');
  if (numpyMeta) {
    console.log(`NumPy ${numpyMeta.numpy}, Python ${numpyMeta.python} (${numpyMeta.executable}).`);
    console.log(`  OpenBLAS setting: ${numpyEnv.note}.`);
    const pools = numpyMeta.blas.pools?.map((p) => `${String(p.internal_api)} ${String(p.version)} ${String(p.architecture)}, ${String(p.num_threads)} threads, ${String(p.filepath)}`);
    console.log(`  BLAS (${numpyMeta.blas.source}): ${(pools ?? numpyMeta.blas.libraries ?? []).join('; ') || 'unknown'}`);
    console.log(`  environment of the NumPy runs: ${Object.entries(numpyMeta.env).map(([k, v]) => `${k}=${v ?? '(unset)'}`).join(' ')}`);
    console.log(`  Same numbers? Costs of the first ${CHECK_ITERATIONS} iterations from the same data and initial params, JS vs NumPy (relative difference):`);
    const rel = (a: number, b: number) => (Math.abs(a - b) / Math.abs(b)).toExponential(1);
    WORKLOADS.forEach((w, k) => {
      const np = numpy[k];
      if (!np) return;
      const c = jsCosts[k];
      console.log(`    ${w.name}: cost[0] ${c.first} vs ${np.firstCost} (${rel(c.first, np.firstCost)}); cost[${CHECK_ITERATIONS - 1}] ${c.last} vs ${np.lastCost} (${rel(c.last, np.lastCost)})`);
    });
  }
  if (numpyFailure) console.log(numpyFailure);
}

main();
