/**
 * The inverse of parseCsv: a CSV data set back as CSV text, so it can be kept (in the browser's
 * storage) and read again by the same importer, which checks it as it checks any file.
 */
import { csvFormatRows } from 'd3-dsv';
import type { Matrix } from '../engine/index';
import type { Dataset } from './datasets';

/** Shortest exact text; −0 keeps its sign (String(-0) is "0"). */
const numberText = (v: number) => (Object.is(v, -0) ? '-0' : String(v));

/** The class of sample i: the row of Y's one-hot column i that holds the 1. */
function classOf(Y: Matrix, i: number): number {
  let best = 0;
  for (let k = 1; k < Y.rows; k++) if (Y.data[k * Y.cols + i] > Y.data[best * Y.cols + i]) best = k;
  return best;
}

/**
 * The data set as CSV: a header row (its column names), then every sample, train first, one
 * row each, inputs then the target: the value, or for K classes (one-hot Y) the class label
 * 0 … K − 1, as the importer reads it (with loss 'ce'). Numbers are written in JavaScript's
 * shortest exact form, so parseCsv gives back the same doubles; the header always has a
 * non-numeric name (a column without one is named x1, …, y), so parseCsv reads it as a header.
 * Throws for more than one output row that is not one-hot classes.
 */
export function formatCsv(dataset: Dataset): string {
  const { train, test, featureNames, targetName } = dataset;
  const isClasses = dataset.task === 'multiclass';
  if (train.Y.rows !== 1 && !isClasses) throw new Error(`outputSize must be 1 to write a CSV file (got ${train.Y.rows})`);
  const rows: string[][] = [[...featureNames, targetName]];
  for (const split of [train, test]) {
    const m = split.X.cols;
    const n = split.X.rows;
    for (let i = 0; i < m; i++) {
      const row: string[] = [];
      for (let j = 0; j < n; j++) row.push(numberText(split.X.data[j * m + i]));
      row.push(isClasses ? String(classOf(split.Y, i)) : numberText(split.Y.data[i]));
      rows.push(row);
    }
  }
  return csvFormatRows(rows);
}
