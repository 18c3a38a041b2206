/**
 * The studio's configuration: everything a link can say, and how it becomes an engine setup.
 */
import {
  ACTIVATIONS, checkConfig, checkSetup, initializeParameters, resolveOptimizerSpec,
  type Activation, type InitScheme, type LossKind, type NetworkConfig, type OptimizerSpec, type Params, type SessionSetup,
} from '../engine/index';
import { DEFAULT_DATASET_SPECS, makeDataset, type Dataset, type DatasetSpec } from '../data/datasets';

export interface StudioConfig {
  /** A built-in data set; a CSV upload replaces it with `{ kind: 'csv' }` and the dataset itself. */
  readonly data: DatasetSpec | { readonly kind: 'csv'; readonly name: string };
  readonly hiddenSize: number;
  readonly hiddenActivation: Activation;
  readonly outputActivation: Activation;
  readonly loss: LossKind;
  readonly init: { readonly scheme: InitScheme; readonly scale: number; readonly seed: number };
  readonly optimizer: OptimizerSpec;
  /** null: full batch, as the tutorial. */
  readonly batchSize: number | null;
  readonly shuffleSeed: number;
}

/** The tutorial's NumPy example: its data, a 2-4-1 tanh/sigmoid/bce network, seed 2, scale 0.01, gradient descent at 0.1. */
export const DEFAULT_CONFIG: StudioConfig = {
  data: DEFAULT_DATASET_SPECS['tutorial-numpy'],
  hiddenSize: 4,
  hiddenActivation: 'tanh',
  outputActivation: 'sigmoid',
  loss: 'bce',
  init: { scheme: 'tutorial', scale: 0.01, seed: 2 },
  optimizer: { kind: 'sgd', lr: 0.1 },
  batchSize: null,
  shuffleSeed: 0,
};

/** Largest hidden layer the studio offers (the engine allows more): cs231n's case study needs 100. */
export const MAX_HIDDEN = 100;

/** Everything the timeline needs, built from a config. */
export interface Built {
  readonly dataset: Dataset;
  readonly network: NetworkConfig;
  readonly setup: SessionSetup;
  readonly initialParams: Params;
}

/**
 * Builds the data set, network, setup and initial parameters. Throws an Error naming the
 * bad field and value (the store turns it into a message and keeps the previous config).
 * `csv` must be given when config.data.kind is 'csv'.
 */
export function buildConfig(config: StudioConfig, csv?: Dataset | null): Built {
  let dataset: Dataset;
  if (config.data.kind === 'csv') {
    if (!csv) throw new Error('data must be a loaded CSV file when kind is csv (got no file)');
    dataset = csv;
  } else {
    dataset = makeDataset(config.data);
  }
  if (!ACTIVATIONS.includes(config.hiddenActivation)) {
    const why = config.hiddenActivation === 'softmax' ? '; softmax is for the output layer only' : '';
    throw new Error(`hiddenActivation must be one of ${ACTIVATIONS.join(', ')}${why} (got ${JSON.stringify(config.hiddenActivation)})`);
  }
  if (!Number.isInteger(config.hiddenSize) || config.hiddenSize < 1 || config.hiddenSize > MAX_HIDDEN) {
    throw new Error(`hiddenSize must be an integer from 1 to ${MAX_HIDDEN} (got ${config.hiddenSize})`);
  }
  checkLossFitsData(config.loss, dataset);
  const network = checkConfig({
    inputSize: dataset.inputSize, hiddenSize: config.hiddenSize, outputSize: dataset.outputSize,
    hiddenActivation: config.hiddenActivation, outputActivation: config.outputActivation, loss: config.loss,
  });
  resolveOptimizerSpec(config.optimizer);
  const batchSize = config.batchSize === null || config.batchSize >= dataset.train.X.cols ? null : config.batchSize;
  const setup = checkSetup({ config: network, optimizer: config.optimizer, data: dataset.train, batchSize, shuffleSeed: config.shuffleSeed });
  const initialParams = initializeParameters(network, config.init);
  return { dataset, network, setup, initialParams };
}

/**
 * Throws when the loss cannot learn the data's targets: bce needs 0/1 labels, ce needs K ≥ 2
 * classes (one-hot), and K classes need ce (a softmax output).
 */
function checkLossFitsData(loss: LossKind, dataset: Dataset): void {
  if (loss === 'bce' && dataset.task === 'regression') {
    throw new Error(`loss must be mse for a real-valued target (got "bce" with the ${dataset.kind} data)`);
  }
  if (dataset.task === 'multiclass' && loss !== 'ce') {
    throw new Error(`loss must be ce (a softmax output with cross-entropy) for the ${dataset.outputSize} classes of the ${dataset.kind} data (got ${JSON.stringify(loss)})`);
  }
  if (loss === 'ce' && dataset.task !== 'multiclass') {
    const targets = dataset.task === 'classification' ? '0/1 labels (use bce)' : 'real-valued targets (use mse)';
    throw new Error(`loss ce needs data with classes 0 … K − 1; the ${dataset.kind} data has ${targets} (got "ce")`);
  }
}
