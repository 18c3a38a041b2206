/**
 * Which loss and output activation fit together and with the data: cross-entropy (bce) needs a
 * sigmoid output and 0/1 labels; categorical cross-entropy (ce) needs a softmax output and
 * classes 0 … K − 1, and K classes need it. Changes that would break a rule bring the fix with
 * them and name the message that says so, so nothing is switched silently. Pure.
 */
import type { DatasetKind, Task } from '../../data/datasets';
import type { Activation, LossKind } from '../../engine/index';
import type { MessageKey } from '../../i18n/index';
import type { StudioConfig } from '../../store/index';

export type { Task } from '../../data/datasets';

export interface Adjusted {
  readonly patch: Partial<Pick<StudioConfig, 'loss' | 'outputActivation'>>;
  /** What was switched and why, or null when nothing was. */
  readonly note: MessageKey | null;
}

/** The task of a built-in data set: the PyTorch example has real-valued targets, three spirals three classes. */
export const taskOfKind = (kind: DatasetKind): Task =>
  kind === 'tutorial-pytorch' ? 'regression' : kind === 'three-spirals' ? 'multiclass' : 'classification';

/**
 * The loss and output to use with data of `nextTask`: regression data forces MSE with a linear
 * output, classes 0 … K − 1 categorical cross-entropy with softmax; coming back to 0/1 labels
 * from either restores cross-entropy with a sigmoid.
 */
export function adjustForData(config: Pick<StudioConfig, 'loss' | 'outputActivation'>, nextTask: Task, previousTask: Task): Adjusted {
  if (nextTask === 'multiclass') {
    return config.loss === 'ce' ? { patch: {}, note: null } : { patch: { loss: 'ce', outputActivation: 'softmax' }, note: 'config.switched.multiclass' };
  }
  if (nextTask === 'regression' && (config.loss === 'bce' || config.loss === 'ce')) {
    return { patch: { loss: 'mse', outputActivation: 'linear' }, note: 'config.switched.regression' };
  }
  const fromOther = previousTask !== 'classification' && config.outputActivation !== 'sigmoid';
  if (nextTask === 'classification' && (config.loss === 'ce' || (fromOther && config.loss === 'mse'))) {
    return { patch: { loss: 'bce', outputActivation: 'sigmoid' }, note: 'config.switched.classification' };
  }
  return { patch: {}, note: null };
}

/** Choosing a loss: each cross-entropy brings its output with it, and leaving ce leaves softmax behind. */
export function adjustForLoss(outputActivation: Activation, loss: LossKind): Adjusted {
  if (loss === 'bce' && outputActivation !== 'sigmoid') return { patch: { loss, outputActivation: 'sigmoid' }, note: 'config.switched.sigmoid' };
  if (loss === 'ce' && outputActivation !== 'softmax') return { patch: { loss, outputActivation: 'softmax' }, note: 'config.switched.softmax' };
  if (loss === 'mse' && outputActivation === 'softmax') return { patch: { loss, outputActivation: 'linear' }, note: 'config.switched.linear' };
  return { patch: { loss }, note: null };
}

/** Whether an output activation may be chosen with `loss`: sigmoid for bce, softmax for ce and only then. */
export const isOutputAllowed = (activation: Activation, loss: LossKind): boolean =>
  loss === 'bce' ? activation === 'sigmoid' : loss === 'ce' ? activation === 'softmax' : activation !== 'softmax';

/** Whether a loss may be chosen for data of `task`: bce needs 0/1 labels, and classes need ce (and ce classes). */
export const isLossAllowed = (loss: LossKind, task: Task): boolean =>
  task === 'multiclass' ? loss === 'ce' : loss === 'ce' ? false : loss !== 'bce' || task === 'classification';
