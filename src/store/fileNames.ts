/**
 * Names for the files the page hands out (pictures, scripts, sessions), from the configuration
 * and the cursor, so a folder of hand-outs sorts by data set and optimizer: `xor_adam_it37_loss.svg`.
 */
import type { PhaseId } from '../engine/index';
import type { StudioConfig } from './config';

/** Characters no common file system accepts, and spaces (awkward in a terminal). */
const UNSAFE = /[\\/:*?"<>|\s\p{Cc}]+/gu;

/** "xor_adam": the data set (an uploaded CSV's name without its extension) and the optimizer. */
export function configStem(config: StudioConfig): string {
  const data = config.data.kind === 'csv' ? config.data.name.replace(/\.[^.]*$/, '') : config.data.kind;
  const safe = data.replace(UNSAFE, '-').replace(/^[-.]+|-+$/g, '').slice(0, 40) || 'data';
  return `${safe}_${config.optimizer.kind}`;
}

/** What a hand-out shows; each kind has its own name pattern. */
export type Handout =
  | { readonly kind: 'network'; readonly iteration: number; readonly phase: PhaseId; readonly ext: 'svg' | 'png' }
  | { readonly kind: 'chart'; readonly iteration: number; readonly ext: 'svg' | 'png' }
  | { readonly kind: 'code'; readonly tab: 'numpy' | 'pytorch' }
  | { readonly kind: 'session'; readonly iteration: number };

/**
 * The file name for a hand-out: `xor_adam_it37_loss_network.svg` (the diagram at a phase),
 * `xor_adam_it37_loss.svg` (the loss chart), `xor_adam_numpy.py`, `xor_adam_it37_session.json`.
 */
export function handoutName(config: StudioConfig, handout: Handout): string {
  const stem = configStem(config);
  switch (handout.kind) {
    case 'network':
      return `${stem}_it${handout.iteration}_${handout.phase}_network.${handout.ext}`;
    case 'chart':
      return `${stem}_it${handout.iteration}_loss.${handout.ext}`;
    case 'code':
      return `${stem}_${handout.tab}.py`;
    case 'session':
      return `${stem}_it${handout.iteration}_session.json`;
  }
}
