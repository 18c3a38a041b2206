/**
 * A code listing: lines of Python, each tagged with the phases that run it, so the panel can
 * highlight the current phase's lines as a debugger would. Pure: no React, no store.
 */
import type { NetworkConfig, PhaseId } from '../../engine/index';
import type { Dataset, DatasetKind } from '../../data/datasets';
import type { StudioConfig } from '../../store/index';

export interface CodeLine {
  readonly text: string;
  /** The phases whose computation this line is; empty for setup and glue. */
  readonly phases: readonly PhaseId[];
}

export type Listing = readonly CodeLine[];

/** What a listing is written for: the network, the studio's settings and the data set. */
export interface CodeInput {
  readonly network: NetworkConfig;
  readonly config: StudioConfig;
  readonly dataset: Dataset;
}

/** Untagged lines. */
export function plain(...texts: string[]): CodeLine[] {
  return texts.map((text) => ({ text, phases: [] }));
}

/** Lines that run in the given phases. */
export function tagged(phases: PhaseId | readonly PhaseId[], ...texts: string[]): CodeLine[] {
  const list: readonly PhaseId[] = typeof phases === 'string' ? [phases] : phases;
  return texts.map((text) => ({ text, phases: list }));
}

/** The first and last (0-based) line that runs in phase, or null when none does. */
export function phaseRange(listing: Listing, phase: PhaseId): { from: number; to: number } | null {
  let from = -1;
  let to = -1;
  listing.forEach((line, k) => {
    if (!line.phases.includes(phase)) return;
    if (from < 0) from = k;
    to = k;
  });
  return from < 0 ? null : { from, to };
}

/** The listing as one string, as it is copied. */
export function listingText(listing: Listing): string {
  return listing.map((line) => line.text).join('\n') + '\n';
}

/** A number as a Python literal (JavaScript's shortest round-trip form is valid Python). */
export function py(n: number): string {
  return String(n);
}

const DATA_SHAPES: Record<Exclude<DatasetKind, 'tutorial-numpy' | 'tutorial-pytorch' | 'three-spirals'>, (m: number) => string[]> = {
  circle: (m) => [
    `u = np.random.rand(2, ${m})`,
    'r = np.where(y == 1, 0.5 * u[0], 0.75 + 0.5 * u[0])',
    'a = 2 * np.pi * u[1]',
    'X = np.vstack([r * np.cos(a), r * np.sin(a)])',
  ],
  xor: (m) => [
    `u = np.random.rand(3, ${m})`,
    'sx = np.where(u[2] < 0.5, -1.0, 1.0)',
    'sy = np.where(y == 1, -sx, sx)',
    'X = np.vstack([sx * (0.1 + 0.9 * u[0]), sy * (0.1 + 0.9 * u[1])])',
  ],
  gaussians: (m) => [
    'c = np.where(y == 1, 0.5, -0.5)',
    `X = c + 0.25 * np.random.randn(2, ${m})`,
  ],
  spiral: (m) => [
    `u = np.random.rand(${m})`,
    'a = 3.5 * np.pi * u + np.pi * y',
    'X = np.vstack([u * np.sin(a), u * np.cos(a)])',
  ],
  moons: (m) => [
    `t = np.pi * np.random.rand(${m})`,
    'X = np.where(y == 1, [1 - np.cos(t), 0.5 - np.sin(t)], [np.cos(t), np.sin(t)]) - [[0.5], [0.25]]',
  ],
};

/** Python that builds X (n × m) and Y (o × m) exactly as the app's data set, samples as columns. */
function dataSource({ config, dataset }: CodeInput): string[] {
  const spec = config.data;
  if (spec.kind === 'csv') {
    const load = [
      `# Your CSV file "${spec.name}": numeric columns, the last one the target`,
      `data = np.loadtxt("${spec.name}", delimiter=",", skiprows=1)  # skiprows=0 without a header row`,
    ];
    if (dataset.task !== 'multiclass') return [...load, 'X, Y = data[:, :-1].T, data[:, -1:].T  # samples as columns'];
    return [
      ...load,
      'X, y = data[:, :-1].T, data[:, -1].astype(int)  # samples as columns; y holds the class labels',
      `Y = np.eye(${dataset.outputSize})[:, y]  # one-hot: ${dataset.outputSize} × m`,
    ];
  }
  const m = spec.points;
  if (spec.kind === 'three-spirals') {
    return [
      `# The "three-spirals" data (cs231n's case study): 2 features, ${m} samples as columns, classes 0, 1, 2`,
      `np.random.seed(${spec.seed})`,
      `X, y, at = np.zeros((2, ${m})), np.zeros(${m}, dtype=int), 0`,
      'for j in range(3):',
      `    n = len(range(j, ${m}, 3))  # the classes differ in size by at most one`,
      '    r = np.linspace(0.0, 1, n)',
      `    t = np.linspace(j * 4, (j + 1) * 4, n) + np.random.randn(n) * ${py(spec.noise)}`,
      '    X[:, at:at + n] = [r * np.sin(t), r * np.cos(t)]',
      '    y[at:at + n] = j',
      '    at += n',
      `p = np.random.permutation(${m})`,
      'X, y = X[:, p], y[p]',
      `Y = np.eye(3)[:, y]  # one-hot: 3 × ${m}`,
    ];
  }
  if (spec.kind === 'tutorial-numpy') {
    return [
      "# The tutorial's data: 2 features, 400 samples as columns",
      'np.random.seed(1)',
      'X = np.random.randn(2, 400)',
      'Y = np.random.randint(0, 2, (1, 400))',
    ];
  }
  if (spec.kind === 'tutorial-pytorch') {
    return [
      `# Regression: 10 features, a random linear target plus noise, ${m} samples as columns`,
      `np.random.seed(${spec.seed})`,
      `X = np.random.randn(10, ${m})`,
      'w = np.random.randn(1, 10)',
      `Y = (w @ X) / np.sqrt(10) + ${py(spec.noise)} * np.random.randn(1, ${m})`,
    ];
  }
  return [
    `# The "${spec.kind}" data: 2 features, ${m} samples as columns, labels 0 and 1`,
    `np.random.seed(${spec.seed})`,
    `y = np.arange(${m}) % 2`,
    ...DATA_SHAPES[spec.kind](m),
    `X = X + ${py(spec.noise)} * 0.5 * np.random.randn(2, ${m})`,
    `p = np.random.permutation(${m})`,
    `X, Y = X[:, p], y[p].reshape(1, ${m}).astype(float)`,
  ];
}

/** The data set and its split into training and test columns. */
export function dataLines(input: CodeInput): CodeLine[] {
  const n = input.dataset.train.X.cols;
  return plain(
    ...dataSource(input),
    `X_train, Y_train = X[:, :${n}], Y[:, :${n}]`,
    `X_test, Y_test = X[:, ${n}:], Y[:, ${n}:]`,
  );
}

/** The factor initialize_parameters multiplies randn by, for a layer with these fan-in and fan-out names. */
export function initFactor(input: CodeInput, fanIn: string, fanOut: string): string {
  const { scheme, scale } = input.config.init;
  if (scheme === 'xavier') return `np.sqrt(2 / (${fanIn} + ${fanOut}))`;
  if (scheme === 'he') return `np.sqrt(2 / ${fanIn})`;
  return py(scale);
}

/** Iterations the listings train for, as the tutorial. */
export const ITERATIONS = 10000;
