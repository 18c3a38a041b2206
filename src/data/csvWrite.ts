/**
 * The inverse of parseCsv: a CSV data set back as CSV text, so it can be kept (in the browser's
 * storage) and read again by the same importer, which checks it as it checks any file.
 */
import { csvFormatRows } from 'd3-dsv';
import type { Dataset } from './datasets';

/** Shortest exact text; −0 keeps its sign (String(-0) is "0"). */
const numberText = (v: number) => (Object.is(v, -0) ? '-0' : String(v));

/**
 * The data set as CSV: a header row (its column names), then every sample, train first, one
 * row each, inputs then the target. Numbers are written in JavaScript's shortest exact form,
 * so parseCsv gives back the same doubles; the header always has a non-numeric name (a column
 * without one is named x1, …, y), so parseCsv reads it as a header. Throws for a data set with
 * more than one output row (the CSV importer reads one target column).
 */
export function formatCsv(dataset: Dataset): string {
  const { train, test, featureNames, targetName } = dataset;
  if (train.Y.rows !== 1) throw new Error(`outputSize must be 1 to write a CSV file (got ${train.Y.rows})`);
  const rows: string[][] = [[...featureNames, targetName]];
  for (const split of [train, test]) {
    const m = split.X.cols;
    const n = split.X.rows;
    for (let i = 0; i < m; i++) {
      const row: string[] = [];
      for (let j = 0; j < n; j++) row.push(numberText(split.X.data[j * m + i]));
      row.push(numberText(split.Y.data[i]));
      rows.push(row);
    }
  }
  return csvFormatRows(rows);
}
