/**
 * The network over the input plane and over both splits, from the field evaluator (the field
 * worker's, run here: one forward pass over the grid's, the thumbnails' and the splits'
 * columns into reused buffers), memoised on the params reference (snapshots are never edited,
 * so the same reference means the same picture): the pictures (viz/field) and the loss,
 * accuracy and misclassified points of both splits. While fast training runs the same numbers
 * come from the field worker instead (useLiveField).
 *
 * Why the adaptive grid: playback may ask for a new picture every frame; when a refresh takes
 * longer than REFRESH_BUDGET_MS the next one uses a coarser grid (GRID_LEVELS), and a fast
 * one moves back up. The time is that of the numbers and pictures, the work that grows with
 * the grid; the canvases only copy its pixels.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { NetworkConfig, Session } from '../../engine/index';
import type { Dataset } from '../../data/datasets';
import { GRID_LEVELS, makeGrid, type Extent } from '../../viz/boundary';
import type { FieldOptions } from '../../viz/field';
import { createFieldEvaluator } from '../../worker/field';
import { fieldColumns, planeOf, shownParams, type Field, type Metrics } from './field';
import { useLiveField } from './useLiveField';

export type { Field, SplitMetrics } from './field';

/** Milliseconds a refresh may take before the grid gets coarser. */
export const REFRESH_BUDGET_MS = 8;
/** Refreshes in a row over budget that make the grid coarser. */
export const SLOW_REFRESHES = 3;

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

/**
 * The session the plane shows, its pictures and both splits' metrics: `session`'s (the
 * cursor's), computed in this thread (the grid into buffers reused while the network and grid
 * stay), or while fast training runs the field worker's latest, with their own session.
 * Adapts the grid level to the time the pictures take.
 */
export function usePlane(
  network: NetworkConfig, dataset: Dataset, session: Session, extent: Extent, options: FieldOptions,
): { session: Session; field: Field; metrics: Metrics } {
  const [level, setLevel] = useState(0);
  const slowInARow = useRef(0);
  const n = GRID_LEVELS[level];
  const grid = useMemo(() => makeGrid(extent, n), [extent, n]);
  const columns = useMemo(() => fieldColumns(network, dataset, grid, options.maxUnits), [network, dataset, grid, options.maxUnits]);
  const live = useLiveField(network, dataset, grid, columns, options);
  const params = live ? null : shownParams(session);
  const [evaluate] = useState(createFieldEvaluator);
  const drawn = useMemo(() => {
    if (params === null) return null;
    const startedAt = clock();
    return planeOf(evaluate(columns, params, true), network, dataset, grid, options, startedAt);
  }, [evaluate, columns, params, network, dataset, grid, options]);
  // drawn is null only while live is not
  const shown = live ?? { session, ...(drawn as NonNullable<typeof drawn>) };
  const { field } = shown;
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
  return shown;
}
