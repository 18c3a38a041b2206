/**
 * One-click configurations for teaching: the tutorial's two examples, an easy and a hard 2-D
 * problem, a learning rate that makes training explode, and cs231n's three-class case study. Their names are i18n messages
 * (`config.preset.<id>` in src/i18n/messages/config.ts); the numbers quoted below are measured
 * by tests/store/presets.test.ts with the store's own train() and curves.
 */
import { DEFAULT_DATASET_SPECS } from '../data/datasets';
import { DEFAULT_CONFIG, type StudioConfig } from './config';

export type PresetId = 'tutorial-numpy' | 'tutorial-pytorch' | 'xor' | 'spiral' | 'diverge' | 'three-spirals';

export interface Preset {
  readonly id: PresetId;
  readonly config: StudioConfig;
}

/**
 * The tutorial's PyTorch example: Linear(10, 5) → ReLU → Linear(5, 1), MSELoss, SGD(lr=0.01).
 * Why He initialisation (seed 1): PyTorch's nn.Linear draws its weights at a scale of about
 * 1/√fan_in, not the NumPy example's 0.01. With 0.01 the ReLU network sits on a plateau
 * (loss ≈ 1.03 for ~200 iterations); He's √(2/fan_in) is the closest scheme we have to
 * PyTorch's and trains at once (loss 1.43 → 0.018 in 2000 iterations).
 */
const TUTORIAL_PYTORCH: StudioConfig = {
  data: DEFAULT_DATASET_SPECS['tutorial-pytorch'],
  hiddenSize: 5,
  hiddenActivation: 'relu',
  outputActivation: 'linear',
  loss: 'mse',
  init: { scheme: 'he', scale: 0.01, seed: 1 },
  optimizer: { kind: 'sgd', lr: 0.01 },
  batchSize: null,
  shuffleSeed: 0,
};

/** The presets, in menu order. */
export const PRESETS: readonly Preset[] = [
  { id: 'tutorial-numpy', config: DEFAULT_CONFIG },
  { id: 'tutorial-pytorch', config: TUTORIAL_PYTORCH },
  {
    // 2-8-1 tanh/sigmoid with plain gradient descent, as the tutorial, at a larger step:
    // test accuracy reaches 95 % at iteration 37 and 100 % by 400.
    id: 'xor',
    config: {
      ...DEFAULT_CONFIG,
      data: DEFAULT_DATASET_SPECS.xor,
      hiddenSize: 8,
      init: { scheme: 'xavier', scale: 0.01, seed: 1 },
      optimizer: { kind: 'sgd', lr: 1 },
    },
  },
  {
    // 2-16-1 tanh with Adam at 0.02: 95 % test accuracy at iteration 611, loss 0.022 after
    // 3000. SGD at the same rate crawls on a plateau (loss 0.668, ~57 % after 3000).
    id: 'spiral',
    config: {
      ...DEFAULT_CONFIG,
      data: DEFAULT_DATASET_SPECS.spiral,
      hiddenSize: 16,
      init: { scheme: 'xavier', scale: 0.01, seed: 1 },
      optimizer: { kind: 'adam', lr: 0.02 },
    },
  },
  {
    // The PyTorch example at lr 1 (100× the tutorial's): each step overshoots further,
    // the loss goes 1.43, 4.01, 75.5, 4.6e4, … and is Infinity at iteration 7.
    id: 'diverge',
    config: { ...TUTORIAL_PYTORCH, optimizer: { kind: 'sgd', lr: 1 } },
  },
  {
    // cs231n's "minimal neural network case study": three spirals, 2-100-3 ReLU/softmax with
    // cross-entropy, initialised as the tutorial (seed 1, scale 0.01), full-batch SGD at 1.0 with
    // weight decay 1e-3 (torch's coupled L2). 97.8 % training accuracy at iteration 10,000 (NumPy
    // too); from ~1,000 on the loss spikes now and then (0.85 at 1,142): lr 1.0 is on the edge.
    id: 'three-spirals',
    config: {
      data: DEFAULT_DATASET_SPECS['three-spirals'],
      hiddenSize: 100,
      hiddenActivation: 'relu',
      outputActivation: 'softmax',
      loss: 'ce',
      init: { scheme: 'tutorial', scale: 0.01, seed: 1 },
      optimizer: { kind: 'sgd', lr: 1, weightDecay: 1e-3 },
      batchSize: null,
      shuffleSeed: 0,
    },
  },
];

/** Same value, field by field (configs are plain JSON-like data). */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const keysA = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const keysB = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (keysA.length !== keysB.length) return false;
  return keysA.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** The id of the preset whose config equals `config` (fields left undefined count as absent), or null. */
export function matchPreset(config: StudioConfig): PresetId | null {
  return PRESETS.find((p) => sameValue(p.config, config))?.id ?? null;
}
