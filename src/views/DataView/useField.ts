/**
 * The network over the input plane: one forward pass with every grid point as a column, and
 * its pictures (viz/boundary drawField), memoised on the params reference (snapshots are
 * never edited, so the same reference means the same picture); and the loss, accuracy and
 * misclassified points of both splits.
 *
 * Why the adaptive grid: playback may ask for a new picture every frame; when a refresh takes
 * longer than REFRESH_BUDGET_MS the next one uses a coarser grid (GRID_LEVELS), and a fast
 * one moves back up. The time is that of drawField, the work that grows with the grid; the
 * canvases only copy its pixels.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import {
  accuracy, computeLoss, forward, type Matrix, type NetworkConfig, type Params,
} from '../../engine/index';
import type { Dataset } from '../../data/datasets';
import {
  GRID_LEVELS, drawField, makeGrid, misclassified, type Extent, type FieldOptions, type FieldPicture,
} from '../../viz/boundary';

/** Milliseconds a refresh may take before the grid gets coarser. */
export const REFRESH_BUDGET_MS = 8;
/** Refreshes in a row over budget that make the grid coarser. */
export const SLOW_REFRESHES = 3;

export interface Field extends FieldPicture {
  /** Wall-clock milliseconds drawField took. */
  readonly ms: number;
}

/** The wall clock, in milliseconds. */
function clock(): number {
  return performance.now();
}

/**
 * The grid level to use after a refresh at `level` took `ms`, the `slowInARow`-th refresh in a
 * row over budget (this one included). Why three in a row: the first passes after a load (code
 * not yet optimised) or one that meets a garbage collection can be slow; that alone should
 * not coarsen the grid.
 */
export function nextLevel(level: number, ms: number, slowInARow: number): number {
  if (ms > REFRESH_BUDGET_MS) return slowInARow >= SLOW_REFRESHES && level < GRID_LEVELS.length - 1 ? level + 1 : level;
  if (level > 0) {
    const finer = GRID_LEVELS[level - 1], now = GRID_LEVELS[level];
    // the cost grows with the number of grid points: move up only if that stays well in budget
    if (ms * (finer * finer) / (now * now) < REFRESH_BUDGET_MS * 0.75) return level - 1;
  }
  return level;
}

/** The pictures of the network over the grid at the current level, adapting the level to the time they take. */
export function useField(network: NetworkConfig, params: Params, extent: Extent, options: FieldOptions): Field {
  const [level, setLevel] = useState(0);
  const slowInARow = useRef(0);
  const n = GRID_LEVELS[level];
  const grid = useMemo(() => makeGrid(extent, n), [extent, n]);
  const field = useMemo(() => {
    const startedAt = clock();
    const picture = drawField(network, params, grid, options);
    return { ...picture, ms: clock() - startedAt };
  }, [network, params, grid, options]);
  useEffect(() => {
    const { ms } = field;
    slowInARow.current = ms > REFRESH_BUDGET_MS ? slowInARow.current + 1 : 0;
    const next = nextLevel(level, ms, slowInARow.current);
    if (next === level) return;
    // After this frame is painted, not during it. Not cancelled by the next refresh, so that
    // steady playback cannot postpone it forever; the guard ignores it if the level moved.
    requestAnimationFrame(() => {
      slowInARow.current = 0;
      setLevel((current) => (current === level ? next : current));
    });
  }, [field, level]);
  return field;
}

export interface SplitMetrics {
  readonly m: number;
  /** The network's output on each sample: 1 × m. */
  readonly A2: Matrix;
  readonly loss: number;
  /** null when the output is not a sigmoid (as the engine's evaluate). */
  readonly accuracy: number | null;
  /** Columns whose prediction differs from the label; empty without accuracy. */
  readonly wrong: readonly number[];
}

function splitMetrics(network: NetworkConfig, params: Params, X: Matrix, Y: Matrix): SplitMetrics {
  const { A2 } = forward(network, params, X);
  const isClassifier = network.outputActivation === 'sigmoid';
  return {
    m: X.cols, A2, loss: computeLoss(network, A2, Y),
    accuracy: isClassifier ? accuracy(A2, Y) : null,
    wrong: isClassifier ? misclassified(A2, Y) : [],
  };
}

/** Loss, accuracy and misclassified samples of the train and test splits at params. */
export function useMetrics(network: NetworkConfig, params: Params, dataset: Dataset) {
  return useMemo(() => ({
    train: splitMetrics(network, params, dataset.train.X, dataset.train.Y),
    test: splitMetrics(network, params, dataset.test.X, dataset.test.Y),
  }), [network, params, dataset]);
}
