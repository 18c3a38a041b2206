/**
 * What the data view shows for one set of parameters, however it was computed (in this thread
 * or by the field worker): the field's pictures with their cost, and the loss, accuracy and
 * misclassified points of both splits from the network's outputs on them.
 */
import {
  accuracy, classAccuracies, classRule, computeLoss, pickColumns, type Matrix, type NetworkConfig, type Params, type Session,
} from '../../engine/index';
import type { Dataset } from '../../data/datasets';
import { misclassified, thumbnailColumns, thumbnailStep, type Grid } from '../../viz/boundary';
import { fieldPicture, type FieldOptions, type FieldPicture } from '../../viz/field';
import type { FieldColumns, FieldNumbers } from '../../worker/field';

export interface Field extends FieldPicture {
  /** Wall-clock milliseconds the main thread spent on the picture (the evaluator's numbers in-thread and their pictures, or only the pictures of the worker's numbers). */
  readonly ms: number;
}

export interface SplitMetrics {
  readonly m: number;
  /** The network's output on each sample: outputSize × m. */
  readonly A2: Matrix;
  readonly loss: number;
  /** null when the output is no classifier (as the engine's evaluate). */
  readonly accuracy: number | null;
  /** Columns whose prediction differs from the label; empty without accuracy. */
  readonly wrong: readonly number[];
  /** With K classes (softmax): per class, its samples and how many of them are predicted right; else empty. */
  readonly perClass: readonly { readonly total: number; readonly correct: number }[];
}

export interface Metrics {
  readonly train: SplitMetrics;
  readonly test: SplitMetrics;
}

/** The parameters drawn: the session's, or after the update phase the updated ones. */
export const shownParams = (session: Session): Params =>
  session.phase === 'update' && session.next ? session.next.params : session.params;

/** A split's metrics from the network's output A2 on it (as forward computes it) and its targets Y. */
export function splitMetrics(network: NetworkConfig, A2: Matrix, Y: Matrix): SplitMetrics {
  const rule = classRule(network.outputActivation);
  return {
    m: A2.cols, A2, loss: computeLoss(network, A2, Y),
    accuracy: rule ? accuracy(A2, Y, rule) : null,
    wrong: rule ? misclassified(A2, Y, rule) : [],
    perClass: rule === 'argmax' ? classAccuracies(A2, Y) : [],
  };
}

/** The columns the data view's numbers come from: the grid, its thumbnails' columns, both splits. */
export function fieldColumns(network: NetworkConfig, dataset: Dataset, grid: Grid, maxUnits: number): FieldColumns {
  const thumbX = pickColumns(grid.X, thumbnailColumns(grid.n, thumbnailStep(grid.n)));
  return { config: network, X: grid.X, thumbX, units: maxUnits, splits: [dataset.train.X, dataset.test.X] };
}

/** The pictures and both splits' metrics from the evaluator's numbers, with the main thread's time on them. */
export function planeOf(
  numbers: FieldNumbers, network: NetworkConfig, dataset: Dataset, grid: Grid, options: FieldOptions, startedAt: number,
): { field: Field; metrics: Metrics } {
  const picture = fieldPicture(numbers, grid, options);
  const [train, test] = numbers.splits;
  const metrics = { train: splitMetrics(network, train, dataset.train.Y), test: splitMetrics(network, test, dataset.test.Y) };
  return { field: { ...picture, ms: performance.now() - startedAt }, metrics };
}
