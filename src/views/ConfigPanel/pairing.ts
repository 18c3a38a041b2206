/**
 * Which loss and output activation fit together and with the data: cross-entropy needs a
 * sigmoid output and 0/1 labels. Changes that would break a rule bring the fix with them and
 * name the message that says so, so nothing is switched silently. Pure.
 */
import type { DatasetKind } from '../../data/datasets';
import type { Activation, LossKind } from '../../engine/index';
import type { MessageKey } from '../../i18n/index';
import type { StudioConfig } from '../../store/index';

export type Task = 'classification' | 'regression';

export interface Adjusted {
  readonly patch: Partial<Pick<StudioConfig, 'loss' | 'outputActivation'>>;
  /** What was switched and why, or null when nothing was. */
  readonly note: MessageKey | null;
}

/** The task of a built-in data set: only the PyTorch example has real-valued targets. */
export const taskOfKind = (kind: DatasetKind): Task => (kind === 'tutorial-pytorch' ? 'regression' : 'classification');

/**
 * The loss and output to use with data of `nextTask`: regression data forces MSE with a linear
 * output; coming back to 0/1 labels from regression restores cross-entropy with a sigmoid.
 */
export function adjustForData(config: Pick<StudioConfig, 'loss' | 'outputActivation'>, nextTask: Task, previousTask: Task): Adjusted {
  if (nextTask === 'regression' && config.loss === 'bce') {
    return { patch: { loss: 'mse', outputActivation: 'linear' }, note: 'config.switched.regression' };
  }
  if (nextTask === 'classification' && previousTask === 'regression' && config.loss === 'mse' && config.outputActivation !== 'sigmoid') {
    return { patch: { loss: 'bce', outputActivation: 'sigmoid' }, note: 'config.switched.classification' };
  }
  return { patch: {}, note: null };
}

/** Choosing a loss: cross-entropy brings a sigmoid output with it when the output is anything else. */
export function adjustForLoss(outputActivation: Activation, loss: LossKind): Adjusted {
  if (loss === 'bce' && outputActivation !== 'sigmoid') return { patch: { loss, outputActivation: 'sigmoid' }, note: 'config.switched.sigmoid' };
  return { patch: { loss }, note: null };
}

/** Whether an output activation may be chosen with `loss` (cross-entropy needs sigmoid). */
export const isOutputAllowed = (activation: Activation, loss: LossKind): boolean => loss !== 'bce' || activation === 'sigmoid';

/** Whether a loss may be chosen for data of `task` (cross-entropy needs 0/1 labels). */
export const isLossAllowed = (loss: LossKind, task: Task): boolean => loss !== 'bce' || task === 'classification';
