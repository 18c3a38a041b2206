/**
 * The data view's field (2-D inputs): the pictures drawn from the network's numbers over a grid
 * (the output, and the hidden neurons at the thumbnails' columns), in the shared palette. The
 * numbers come from the field evaluator (src/worker/field.ts), in the worker or in-thread.
 * No DOM (STYLE.md §6).
 */
import { matrix, type Matrix } from '../engine/index';
import { contourPath, rowRgba, thumbnailStep, type Grid, type ValueScale } from './boundary';
import { classBoundaryPath, classRgba } from './classes';

/** The numbers a field's pictures are drawn from: the output over the grid and the hidden neurons at the thumbnails' columns. */
export interface FieldValues {
  /**
   * A2 over the grid, K × n² row-major: each row an n × n image (as from a Grid). One row for a
   * single output (its value drawn on the output's scale), K ≥ 2 rows for softmax's classes.
   */
  readonly output: Float64Array;
  /** Rows 0 … min(hiddenSize, maxUnits) − 1 of A1 at thumbnailColumns(n, thumbnailStep(n)): units × side². */
  readonly units: Matrix;
  /** max |A1| over the whole grid and every hidden neuron: the thumbnails' shared scale ±unitExtent. */
  readonly unitExtent: number;
}

/** Everything drawn from one forward pass over a grid, computed together so that it can be timed together. */
export interface FieldPicture {
  readonly grid: Grid;
  /** A2 as n × n RGBA pixels: a single output on its scale, or K classes' most probable one in its colour. */
  readonly output: Uint8ClampedArray;
  /** The threshold contour (or the boundaries between classes) in a plotSize square; '' without a threshold or a crossing. */
  readonly contour: string;
  /** Without a crossing: whether the whole grid lies above or below the threshold; else null. */
  readonly side: 'above' | 'below' | null;
  /** Row i of A1 as unitSide² RGBA thumbnail pixels on the shared scale ±unitExtent (at most maxUnits rows). */
  readonly units: readonly Uint8ClampedArray[];
  readonly unitSide: number;
  readonly unitExtent: number;
}

export interface FieldOptions {
  readonly scale: ValueScale;
  /** Output value drawn as the contour, or null for none. */
  readonly threshold: number | null;
  readonly plotSize: number;
  readonly maxUnits: number;
}

/** The pictures of field values: the output, its contour and each hidden unit's thumbnail. */
export function fieldPicture(values: FieldValues, grid: Grid, options: FieldOptions): FieldPicture {
  const { n } = grid;
  const N = n * n;
  const K = values.output.length / N;
  let output: Uint8ClampedArray;
  let contour = '';
  let side: FieldPicture['side'] = null;
  if (K >= 2) {
    output = classRgba(values.output, K, N);
    contour = classBoundaryPath(values.output, K, n, options.plotSize);
  } else {
    output = rowRgba(matrix(1, N, values.output), 0, options.scale);
    const { threshold } = options;
    if (threshold !== null) contour = contourPath(values.output, n, threshold, options.plotSize);
    side = threshold === null || contour !== '' ? null : values.output[0] > threshold ? 'above' : 'below';
  }
  const unitScale = { centre: 0, extent: values.unitExtent };
  const units = Array.from({ length: Math.min(values.units.rows, options.maxUnits) }, (_, i) => rowRgba(values.units, i, unitScale));
  return { grid, output, contour, side, units, unitSide: Math.ceil(n / thumbnailStep(n)), unitExtent: values.unitExtent };
}
