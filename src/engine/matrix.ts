import type { Matrix } from './types';

/** Throws an Error naming the field and the bad value. */
export function fail(field: string, value: unknown, why: string): never {
  throw new Error(`${field} ${why} (got ${describe(value)})`);
}

function describe(value: unknown): string {
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (value && typeof value === 'object' && 'rows' in value && 'cols' in value) {
    const m = value as Matrix;
    return `a ${m.rows}×${m.cols} matrix`;
  }
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** Checks that `value` is an integer in [min, max]; throws a named error otherwise. */
export function checkInteger(field: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    fail(field, value, `must be an integer from ${min} to ${max}`);
  }
  return value;
}

/** Checks that `value` is a finite number ≥ min (and ≤ max when given). */
export function checkNumber(field: string, value: unknown, min: number, max = Infinity, minExclusive = false): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || (minExclusive && value === min) || value > max) {
    const range = max === Infinity ? `${minExclusive ? '>' : '≥'} ${min}` : `from ${min} to ${max}`;
    fail(field, value, `must be a finite number ${range}`);
  }
  return value;
}

/** A matrix over `data` (row-major, length rows·cols), taking ownership of it. */
export function matrix(rows: number, cols: number, data: Float64Array = new Float64Array(rows * cols)): Matrix {
  if (data.length !== rows * cols) fail('matrix data', data.length, `must have ${rows}×${cols} = ${rows * cols} entries`);
  return { rows, cols, data };
}

/** A rows × cols matrix of zeros. */
export function zeros(rows: number, cols: number): Matrix {
  return matrix(rows, cols);
}

/** A matrix from an array of equal-length rows of finite numbers. Throws on ragged or non-numeric input. */
export function fromRows(rows: number[][]): Matrix {
  if (!Array.isArray(rows) || rows.length === 0) fail('rows', rows, 'must be a non-empty array of rows');
  const cols = Array.isArray(rows[0]) ? rows[0].length : 0;
  if (cols === 0) fail('rows[0]', rows[0], 'must be a non-empty array of numbers');
  const data = new Float64Array(rows.length * cols);
  rows.forEach((row, i) => {
    if (!Array.isArray(row) || row.length !== cols) fail(`rows[${i}]`, row, `must have ${cols} entries`);
    row.forEach((v, j) => {
      if (typeof v !== 'number' || Number.isNaN(v)) fail(`rows[${i}][${j}]`, v, 'must be a number');
      data[i * cols + j] = v;
    });
  });
  return { rows: rows.length, cols, data };
}

/** The matrix as an array of rows (plain numbers, for JSON and display). */
export function toRows(m: Matrix): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < m.rows; i++) out.push(Array.from(m.data.subarray(i * m.cols, (i + 1) * m.cols)));
  return out;
}

/** The element at row i, column j. */
export function get(m: Matrix, i: number, j: number): number {
  return m.data[i * m.cols + j];
}

/** Columns [start, end) of m, copied: rows × (end − start). */
export function sliceColumns(m: Matrix, start: number, end: number): Matrix {
  const cols = end - start;
  const out = new Float64Array(m.rows * cols);
  for (let i = 0; i < m.rows; i++) out.set(m.data.subarray(i * m.cols + start, i * m.cols + end), i * cols);
  return { rows: m.rows, cols, data: out };
}

/** The columns of m listed in `indices`, in that order: rows × indices.length. */
export function pickColumns(m: Matrix, indices: ArrayLike<number>): Matrix {
  const cols = indices.length;
  const out = new Float64Array(m.rows * cols);
  for (let i = 0; i < m.rows; i++) {
    const row = i * m.cols;
    for (let j = 0; j < cols; j++) out[i * cols + j] = m.data[row + indices[j]];
  }
  return { rows: m.rows, cols, data: out };
}

/** Checks m is a rows × cols matrix of finite numbers; throws naming `field` otherwise. */
export function checkMatrix(field: string, m: unknown, rows: number, cols: number): Matrix {
  const mm = m as Matrix;
  if (!mm || typeof mm !== 'object' || !(mm.data instanceof Float64Array)) fail(field, m, 'must be a matrix');
  if (mm.rows !== rows || mm.cols !== cols || mm.data.length !== rows * cols) {
    fail(field, mm, `must be ${rows}×${cols}`);
  }
  for (let k = 0; k < mm.data.length; k++) {
    if (!Number.isFinite(mm.data[k])) {
      fail(`${field}[${Math.floor(k / cols)}][${k % cols}]`, mm.data[k], 'must be a finite number');
    }
  }
  return mm;
}

/** The largest |x| in data, at least a tiny floor (1e-300), so a colour scale ±maxAbs of an all-zero matrix is never empty. */
export function maxAbs(data: ArrayLike<number>): number {
  let m = 0;
  for (let k = 0; k < data.length; k++) {
    const a = Math.abs(data[k]);
    if (a > m) m = a;
  }
  return m > 0 ? m : 1e-300;
}
