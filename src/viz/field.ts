/**
 * The data view's field (2-D inputs): the pictures drawn from the network's numbers over a grid
 * (the output, and the hidden neurons at the thumbnails' columns), in the shared palette. The
 * numbers come from the field evaluator (src/worker/field.ts), in the worker or in-thread.
 * No DOM (STYLE.md §6).
 */
import { matrix, type Matrix } from '../engine/index';
import { contourPath, rowRgba, thumbnailStep, type Grid, type ValueScale } from './boundary';

/** The numbers a field's pictures are drawn from: the output over the grid and the hidden neurons at the thumbnails' columns. */
export interface FieldValues {
  /** Row 0 of A2 over the grid: n² values, an n × n image (as from a Grid). */
  readonly output: Float64Array;
  /** Rows 0 … min(hiddenSize, maxUnits) − 1 of A1 at thumbnailColumns(n, thumbnailStep(n)): units × side². */
  readonly units: Matrix;
  /** max |A1| over the whole grid and every hidden neuron: the thumbnails' shared scale ±unitExtent. */
  readonly unitExtent: number;
}

/** Everything drawn from one forward pass over a grid, computed together so that it can be timed together. */
export interface FieldPicture {
  readonly grid: Grid;
  /** Row 0 of A2 as n × n RGBA pixels on the output's scale. */
  readonly output: Uint8ClampedArray;
  /** The threshold contour in a plotSize square; '' without a threshold or a crossing. */
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
  const out = matrix(1, N, values.output);
  const output = rowRgba(out, 0, options.scale);
  const { threshold } = options;
  const contour = threshold === null ? '' : contourPath(values.output, n, threshold, options.plotSize);
  const side = threshold === null || contour !== '' ? null : values.output[0] > threshold ? 'above' : 'below';
  const unitScale = { centre: 0, extent: values.unitExtent };
  const units = Array.from({ length: Math.min(values.units.rows, options.maxUnits) }, (_, i) => rowRgba(values.units, i, unitScale));
  return { grid, output, contour, side, units, unitSide: Math.ceil(n / thumbnailStep(n)), unitExtent: values.unitExtent };
}
