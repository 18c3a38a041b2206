/**
 * The built-in data sets: the tutorial's two examples, five classic 2-D binary
 * teaching sets and cs231n's three spirals (three classes). Every one is drawn
 * from `numpyRandom(seed)` only, so each has a short NumPy recipe (in the TSDoc
 * below) that reproduces it in a notebook. Samples are columns: `X` is
 * `inputSize × m`, `Y` is `1 × m` (or one-hot `K × m` for K classes).
 */
import {
  checkInteger, checkNumber, fail, matrix, numpyRandom, pickColumns, sliceColumns,
  type DataSplit, type Matrix, type NumpyRandom,
} from '../engine/index';

/** The built-in data sets. */
export type DatasetKind = 'tutorial-numpy' | 'tutorial-pytorch' | 'circle' | 'xor' | 'gaussians' | 'spiral' | 'moons' | 'three-spirals';

/** Every built-in kind, in menu order. */
export const DATASET_KINDS: readonly DatasetKind[] = ['tutorial-numpy', 'tutorial-pytorch', 'circle', 'xor', 'gaussians', 'spiral', 'moons', 'three-spirals'];

/**
 * What the targets are: 0/1 labels in one row ('classification', a sigmoid's job), one-hot
 * rows of K ≥ 2 classes ('multiclass', softmax's), or real values ('regression').
 */
export type Task = 'classification' | 'multiclass' | 'regression';

/** Most classes a data set may have (a CSV's labels 0 … 9). */
export const MAX_CLASSES = 10;

/**
 * How to build a data set. `points` is m (10..5000); `noise` is 0..1 (see
 * {@link makeDataset} for its meaning per kind); `trainFraction` is in (0, 1) and
 * must leave at least one sample in each split; `seed` is an integer in 0..2^32−1.
 */
export interface DatasetSpec {
  kind: DatasetKind;
  points: number;
  noise: number;
  trainFraction: number;
  seed: number;
}

/**
 * A ready data set. `train.X`/`test.X`: inputSize × m, `train.Y`/`test.Y`:
 * outputSize × m (labels 0/1 for classification; one-hot, outputSize = K classes,
 * for multiclass). `featureNames` names the inputSize input rows; `targetName`
 * names the target.
 */
export interface Dataset {
  kind: DatasetKind | 'csv';
  task: Task;
  inputSize: number;
  outputSize: number;
  train: DataSplit;
  test: DataSplit;
  featureNames: string[];
  targetName: string;
}

const spec = (kind: DatasetKind, points: number, noise: number, trainFraction: number): Readonly<DatasetSpec> =>
  Object.freeze({ kind, points, noise, trainFraction, seed: 1 });

/**
 * The default spec of each kind. 'tutorial-numpy' is fixed (400 points, noise 0,
 * train 0.75 → 300/100, seed 1); 'tutorial-pytorch' is 320 points, noise 0.1,
 * train 0.8 → 256/64; the 2-D sets are 400 points, train 0.75 → 300/100.
 */
export const DEFAULT_DATASET_SPECS: Readonly<Record<DatasetKind, Readonly<DatasetSpec>>> = Object.freeze({
  'tutorial-numpy': spec('tutorial-numpy', 400, 0, 0.75),
  'tutorial-pytorch': spec('tutorial-pytorch', 320, 0.1, 0.8),
  circle: spec('circle', 400, 0.1, 0.75),
  xor: spec('xor', 400, 0.1, 0.75),
  gaussians: spec('gaussians', 400, 0.1, 0.75),
  spiral: spec('spiral', 400, 0.05, 0.75),
  moons: spec('moons', 400, 0.2, 0.75),
  // cs231n's case study exactly: 300 points (100 per class), angle noise 0.2, np.random.seed(0).
  'three-spirals': Object.freeze({ kind: 'three-spirals', points: 300, noise: 0.2, trainFraction: 0.75, seed: 0 }),
});

/** The number of classes of a data set: K for multiclass, 2 for 0/1 labels, 0 for regression. */
export function classCount(d: Pick<Dataset, 'task' | 'outputSize'>): number {
  return d.task === 'multiclass' ? d.outputSize : d.task === 'classification' ? 2 : 0;
}

/** One-hot targets (K × m) for class labels 0 … K − 1. Throws on a label that is not one of them. */
export function oneHot(labels: ArrayLike<number>, K: number): Matrix {
  const m = labels.length;
  const Y = matrix(K, m);
  for (let j = 0; j < m; j++) {
    const k = labels[j];
    if (!Number.isInteger(k) || k < 0 || k >= K) fail(`label ${j}`, k, `must be a whole number from 0 to ${K - 1}`);
    Y.data[k * m + j] = 1;
  }
  return Y;
}

/** Checks trainFraction is in (0, 1); throws a named error otherwise. */
function checkFraction(trainFraction: unknown): number {
  if (typeof trainFraction !== 'number' || !(trainFraction > 0 && trainFraction < 1)) {
    fail('trainFraction', trainFraction, 'must be a number between 0 and 1, exclusive');
  }
  return trainFraction;
}

/**
 * Splits samples (columns) into train = the first round(m·trainFraction) columns
 * and test = the rest, clamped so that neither split is empty (NumPy:
 * `n = int(np.floor(m * f + 0.5)); X[:, :n], X[:, n:]`). X: n × m, Y: o × m.
 * Throws if trainFraction is not in (0, 1), m < 2, or X and Y differ in m.
 */
export function splitColumns(X: Matrix, Y: Matrix, trainFraction: number): { train: DataSplit; test: DataSplit } {
  checkFraction(trainFraction);
  const m = X.cols;
  if (Y.cols !== m) fail('Y', Y, `must have ${m} columns, one per column of X`);
  if (m < 2) fail('X', X, 'must have at least 2 columns (samples) to split');
  const nTrain = Math.min(m - 1, Math.max(1, Math.round(m * trainFraction)));
  return {
    train: { X: sliceColumns(X, 0, nTrain), Y: sliceColumns(Y, 0, nTrain) },
    test: { X: sliceColumns(X, nTrain, m), Y: sliceColumns(Y, nTrain, m) },
  };
}

/** Checks every field of a spec; throws an Error naming the field and the value. */
function checkSpec(s: DatasetSpec): void {
  if (!s || typeof s !== 'object') fail('spec', s, 'must be an object');
  if (!DATASET_KINDS.includes(s.kind)) fail('kind', s.kind, `must be one of ${DATASET_KINDS.join(', ')}`);
  if (s.kind === 'tutorial-numpy') {
    // Why strict: the tutorial's data is one fixed array; silently ignoring a
    // different seed or size would show numbers the learner did not ask for.
    const fixed = DEFAULT_DATASET_SPECS['tutorial-numpy'];
    for (const field of ['points', 'noise', 'trainFraction', 'seed'] as const) {
      if (s[field] !== fixed[field]) fail(field, s[field], `must be ${fixed[field]} for the fixed 'tutorial-numpy' data set`);
    }
  }
  checkInteger('points', s.points, 10, 5000);
  checkNumber('noise', s.noise, 0, 1);
  checkFraction(s.trainFraction);
  const nTrain = Math.round(s.points * s.trainFraction);
  if (nTrain < 1 || nTrain > s.points - 1) {
    fail('trainFraction', s.trainFraction, `must leave at least one of the ${s.points} points in each split`);
  }
  checkInteger('seed', s.seed, 0, 2 ** 32 - 1);
}

/** Two rows (x1, x2) of m clean points, before jitter; `y` holds the labels 0,1,0,1,… */
type Shape = (rng: NumpyRandom, y: Float64Array, m: number) => Float64Array;

/** The clean 2-D shapes; each mirrors one line of the NumPy recipe in {@link makeDataset}. */
const SHAPES: Record<'circle' | 'xor' | 'gaussians' | 'spiral' | 'moons', Shape> = {
  circle: (rng, y, m) => {
    const u = rng.rand(2, m).data;
    return plane(m, (i) => {
      // r = where(y == 1, 0.5·u0, 0.75 + 0.5·u0), a = 2π·u1, x = (r cos a, r sin a)
      const r = y[i] === 1 ? 0.5 * u[i] : 0.75 + 0.5 * u[i];
      const a = 2 * Math.PI * u[m + i];
      return [r * Math.cos(a), r * Math.sin(a)];
    });
  },
  xor: (rng, y, m) => {
    const u = rng.rand(3, m).data;
    return plane(m, (i) => {
      // sx = where(u2 < 0.5, −1, 1), sy = where(y == 1, −sx, sx): label 1 ⇔ x1·x2 < 0
      const sx = u[2 * m + i] < 0.5 ? -1.0 : 1.0;
      const sy = y[i] === 1 ? -sx : sx;
      return [sx * (0.1 + 0.9 * u[i]), sy * (0.1 + 0.9 * u[m + i])];
    });
  },
  gaussians: (rng, y, m) => {
    const z = rng.randn(2, m).data;
    return plane(m, (i) => {
      // centres (0.5, 0.5) for label 1 and (−0.5, −0.5) for label 0, σ = 0.25
      const c = y[i] === 1 ? 0.5 : -0.5;
      return [c + 0.25 * z[i], c + 0.25 * z[m + i]];
    });
  },
  spiral: (rng, y, m) => {
    const u = rng.rand(1, m).data;
    return plane(m, (i) => {
      // two arms, 1.75 turns each, the second rotated by π: a = 3.5π·u + π·y, r = u
      const a = 3.5 * Math.PI * u[i] + Math.PI * y[i];
      return [u[i] * Math.sin(a), u[i] * Math.cos(a)];
    });
  },
  moons: (rng, y, m) => {
    const u = rng.rand(1, m).data;
    return plane(m, (i) => {
      // t = π·u; upper moon (cos t, sin t), lower moon (1 − cos t, 0.5 − sin t); centred by −(0.5, 0.25)
      const t = Math.PI * u[i];
      const x1 = y[i] === 1 ? 1 - Math.cos(t) : Math.cos(t);
      const x2 = y[i] === 1 ? 0.5 - Math.sin(t) : Math.sin(t);
      return [x1 - 0.5, x2 - 0.25];
    });
  },
};

/** A 2 × m row-major buffer from a per-sample point function. */
function plane(m: number, point: (i: number) => [number, number]): Float64Array {
  const x = new Float64Array(2 * m);
  for (let i = 0; i < m; i++) [x[i], x[m + i]] = point(i);
  return x;
}

/** Standard deviation of the jitter at noise = 1, in input units. */
const JITTER = 0.5;

/** The 2-D sets: clean shape + jitter, shuffled by one seeded permutation. */
function makePlane(kind: keyof typeof SHAPES, m: number, noise: number, seed: number): { X: Matrix; Y: Matrix } {
  const rng = numpyRandom(seed);
  const y = new Float64Array(m);
  for (let i = 0; i < m; i++) y[i] = i % 2;
  const x = SHAPES[kind](rng, y, m);
  // X = X + noise·0.5·randn(2, m)  (drawn even when noise = 0, so noise never reshuffles)
  const z = rng.randn(2, m).data;
  const s = noise * JITTER;
  for (let k = 0; k < 2 * m; k++) x[k] = x[k] + s * z[k];
  const p = rng.permutation(m);
  return { X: pickColumns(matrix(2, m, x), p), Y: pickColumns(matrix(1, m, y), p) };
}

/**
 * np.linspace(start, stop, n) exactly as NumPy computes it: start + i·step with
 * step = (stop − start)/(n − 1), and the last entry set to stop.
 */
function linspace(start: number, stop: number, n: number): Float64Array {
  const y = new Float64Array(n);
  const step = (stop - start) / (n - 1);
  for (let i = 0; i < n; i++) y[i] = i * step + start;
  if (n > 1) y[n - 1] = stop;
  return y;
}

/** cs231n's three spirals: class j's arm sweeps t ∈ [4j, 4j + 4] radians outwards, jittered in angle. */
function makeThreeSpirals(m: number, noise: number, seed: number): { X: Matrix; labels: Int32Array } {
  const rng = numpyRandom(seed);
  const x = new Float64Array(2 * m);
  const labels = new Int32Array(m);
  let at = 0;
  for (let j = 0; j < 3; j++) {
    // class j holds len(range(j, m, 3)) points: the classes differ in size by at most one
    const n = Math.ceil((m - j) / 3);
    const r = linspace(0, 1, n);
    const t = linspace(4 * j, 4 * (j + 1), n);
    const jitter = rng.randn(1, n).data;
    for (let i = 0; i < n; i++) {
      // t = linspace(4j, 4(j+1), n) + randn(n)·noise; point = (r sin t, r cos t)
      const angle = t[i] + jitter[i] * noise;
      x[at + i] = r[i] * Math.sin(angle);
      x[m + at + i] = r[i] * Math.cos(angle);
      labels[at + i] = j;
    }
    at += n;
  }
  const p = rng.permutation(m);
  return { X: pickColumns(matrix(2, m, x), p), labels: Int32Array.from(p, (k) => labels[k]) };
}

/** The regression set: Y = (w·X)/√10 + noise·ε, with X, w, ε standard normal. */
function makeLinear(m: number, noise: number, seed: number): { X: Matrix; Y: Matrix } {
  const n = 10;
  const rng = numpyRandom(seed);
  const X = rng.randn(n, m);
  const w = rng.randn(1, n).data;
  const e = rng.randn(1, m).data;
  const y = new Float64Array(m);
  const root = Math.sqrt(n);
  for (let j = 0; j < m; j++) {
    let dot = 0;
    for (let k = 0; k < n; k++) dot += w[k] * X.data[k * m + j];
    // Y = (w @ X) / sqrt(10) + noise·ε
    y[j] = dot / root + noise * e[j];
  }
  return { X, Y: matrix(1, m, y) };
}

const names = (n: number): string[] => Array.from({ length: n }, (_, j) => `x${j + 1}`);

/**
 * Builds the data set described by `spec` (train = first round(m·trainFraction)
 * columns, test = the rest). Throws an Error naming the field and the value for
 * any bad spec field, e.g. `points must be an integer from 10 to 5000 (got 3)`.
 *
 * - 'tutorial-numpy' — the tutorial's data, exactly; the spec must equal
 *   `DEFAULT_DATASET_SPECS['tutorial-numpy']` (anything else throws):
 *   ```py
 *   np.random.seed(1); X = np.random.randn(2, 400); Y = np.random.randint(0, 2, (1, 400))
 *   X_train, Y_train, X_test, Y_test = X[:, :300], Y[:, :300], X[:, 300:], Y[:, 300:]
 *   ```
 * - 'tutorial-pytorch' — regression for the `Linear(10, 5) → ReLU → Linear(5, 1)`
 *   example: 10 standard-normal inputs, a random linear target, Gaussian noise of
 *   standard deviation `noise` (default 0.1), not shuffled (samples are i.i.d.):
 *   ```py
 *   np.random.seed(seed); X = np.random.randn(10, m); w = np.random.randn(1, 10)
 *   Y = (w @ X) / np.sqrt(10) + noise * np.random.randn(1, m)
 *   ```
 * - 2-D classification ('circle', 'xor', 'gaussians', 'spiral', 'moons'), inputs
 *   within about [−1.5, 1.5], exactly half of the points in each class before the
 *   split. `noise` adds Gaussian jitter of standard deviation 0.5·noise to each
 *   coordinate: 0 gives clean shapes, 0.1–0.2 a little overlap, 1 classes that
 *   overlap heavily. The points are shuffled before the split, so both splits hold
 *   both classes in similar proportions:
 *   ```py
 *   np.random.seed(seed); y = np.arange(m) % 2
 *   X = SHAPE                                    # 2 × m, one line per kind below
 *   X = X + noise * 0.5 * np.random.randn(2, m)
 *   p = np.random.permutation(m); X, Y = X[:, p], y[p].reshape(1, m).astype(float)
 *   ```
 *   circle (label 1 inside r < 0.5, label 0 on the ring 0.75 ≤ r < 1.25):
 *   `u = np.random.rand(2, m); r = np.where(y == 1, 0.5 * u[0], 0.75 + 0.5 * u[0]); a = 2 * np.pi * u[1]; X = np.vstack([r * np.cos(a), r * np.sin(a)])`
 *   xor (label 1 where x1·x2 < 0, |x1|, |x2| in [0.1, 1)):
 *   `u = np.random.rand(3, m); sx = np.where(u[2] < 0.5, -1.0, 1.0); sy = np.where(y == 1, -sx, sx); X = np.vstack([sx * (0.1 + 0.9 * u[0]), sy * (0.1 + 0.9 * u[1])])`
 *   gaussians (blobs at ±(0.5, 0.5), σ = 0.25):
 *   `c = np.where(y == 1, 0.5, -0.5); X = c + 0.25 * np.random.randn(2, m)`
 *   spiral (two interleaved arms; needs more than 4 hidden neurons to separate):
 *   `u = np.random.rand(m); a = 3.5 * np.pi * u + np.pi * y; X = np.vstack([u * np.sin(a), u * np.cos(a)])`
 *   moons (sklearn's make_moons, centred):
 *   `t = np.pi * np.random.rand(m); X = np.where(y == 1, [1 - np.cos(t), 0.5 - np.sin(t)], [np.cos(t), np.sin(t)]) - [[0.5], [0.25]]`
 *
 * - 'three-spirals' — cs231n's case study: three interleaved spiral arms, one
 *   per class, Y one-hot 3 × m; `noise` is the standard deviation of each
 *   point's angle jitter in radians (default 0.2). With the default spec (300
 *   points, seed 0) it is exactly the case study's data, shuffled:
 *   ```py
 *   np.random.seed(seed); X = np.zeros((2, m)); y = np.zeros(m, dtype=int); at = 0
 *   for j in range(3):
 *       n = len(range(j, m, 3))              # 100 each for m = 300
 *       r = np.linspace(0.0, 1, n)
 *       t = np.linspace(j * 4, (j + 1) * 4, n) + np.random.randn(n) * noise
 *       X[:, at:at + n] = [r * np.sin(t), r * np.cos(t)]; y[at:at + n] = j; at += n
 *   p = np.random.permutation(m); X, y = X[:, p], y[p]; Y = np.eye(3)[:, y]
 *   ```
 *
 * The split is `n = int(np.floor(m * trainFraction + 0.5)); X[:, :n]` for train.
 */
export function makeDataset(spec: DatasetSpec): Dataset {
  checkSpec(spec);
  const { kind, points: m, noise, seed, trainFraction } = spec;
  if (kind === 'tutorial-numpy') {
    const rng = numpyRandom(1);
    const X = rng.randn(2, 400);
    const Y = rng.randint(0, 2, 1, 400);
    return { kind, task: 'classification', inputSize: 2, outputSize: 1, ...splitColumns(X, Y, 0.75), featureNames: names(2), targetName: 'y' };
  }
  if (kind === 'tutorial-pytorch') {
    const { X, Y } = makeLinear(m, noise, seed);
    return { kind, task: 'regression', inputSize: 10, outputSize: 1, ...splitColumns(X, Y, trainFraction), featureNames: names(10), targetName: 'y' };
  }
  if (kind === 'three-spirals') {
    const { X, labels } = makeThreeSpirals(m, noise, seed);
    return { kind, task: 'multiclass', inputSize: 2, outputSize: 3, ...splitColumns(X, oneHot(labels, 3), trainFraction), featureNames: names(2), targetName: 'class' };
  }
  const { X, Y } = makePlane(kind, m, noise, seed);
  return { kind, task: 'classification', inputSize: 2, outputSize: 1, ...splitColumns(X, Y, trainFraction), featureNames: names(2), targetName: 'y' };
}
