/**
 * Pure helpers for matrix heatmaps: the image of a matrix in the shared palette, hit
 * testing, and keyboard moves of a cell cursor. No DOM: the view shows the image in an <img>.
 */
import type { Matrix } from '../engine/index';
import { LUT_STEPS, maxAbs } from './color';
import { paletteLut } from './paletteLut';


/** Matrices with at most this many cells, rows and columns are drawn as cells with their values printed inside. */
export const SMALL_MATRIX_CELLS = 64;
export const SMALL_MATRIX_SIDE = 12;

/** One cell of a matrix: row i, column j (0-based). */
export interface Cell {
  readonly row: number;
  readonly col: number;
}

/** Whether a matrix is small enough to print every value (a 32×1 column would be too tall). */
export function isSmallMatrix(m: Matrix): boolean {
  return m.rows * m.cols <= SMALL_MATRIX_CELLS && m.rows <= SMALL_MATRIX_SIDE && m.cols <= SMALL_MATRIX_SIDE;
}

/** Columns up to which an image heatmap keeps a fixed width per column instead of filling the row. */
export const NARROW_MATRIX_COLS = 12;

/** The shape as the learner reads it: `4×300`. */
export function shapeLabel(m: Matrix): string {
  return `${m.rows}×${m.cols}`;
}

/** Entry (i, j) of a row-major matrix. */
export function valueAt(m: Matrix, cell: Cell): number {
  return m.data[cell.row * m.cols + cell.col];
}

/** Index into the lookup table for value at this extent (clamped like signedColor). */
export function lutIndex(value: number, extent: number): number {
  const t = Math.max(-1, Math.min(1, value / extent));
  return Math.round(((t + 1) / 2) * LUT_STEPS);
}

// Why a WeakMap: engine matrices are never mutated, so the same Matrix object always has
// the same picture; stepping back and forth redraws from here without recolouring.
const IMAGES = new WeakMap<Matrix, Uint8Array<ArrayBuffer>>();

const BMP_HEADER_BYTES = 14 + 40;

/**
 * The matrix as a 24-bit BMP file, cols × rows pixels, top row first, coloured with
 * signedColor(v, maxAbs(m.data)); non-finite entries are black. Memoised per matrix.
 *
 * Why a BMP: an <img> of it is painted with the page, where a <canvas> would be a composited
 * layer of its own in Chromium, and every layer costs the frame that answers a step (see
 * Heatmap). BMP needs no compression, so building one is a copy.
 */
export function heatmapBmp(m: Matrix): Uint8Array<ArrayBuffer> {
  const hit = IMAGES.get(m);
  if (hit) return hit;
  const { rows, cols } = m;
  const stride = (3 * cols + 3) & ~3;
  const out = new Uint8Array(BMP_HEADER_BYTES + stride * rows);
  const header = new DataView(out.buffer);
  header.setUint16(0, 0x4d42, true); // "BM"
  header.setUint32(2, out.length, true);
  header.setUint32(10, BMP_HEADER_BYTES, true);
  header.setUint32(14, 40, true); // BITMAPINFOHEADER
  header.setInt32(18, cols, true);
  header.setInt32(22, -rows, true); // negative: rows run top-down
  header.setUint16(26, 1, true); // planes
  header.setUint16(28, 24, true); // bits per pixel, no compression
  header.setUint32(34, stride * rows, true);
  const extent = maxAbs(m.data);
  const lut = paletteLut();
  for (let row = 0; row < rows; row++) {
    for (let col = 0; col < cols; col++) {
      const v = m.data[row * cols + col];
      if (!Number.isFinite(v)) continue;
      const l = 3 * lutIndex(v, extent);
      const o = BMP_HEADER_BYTES + row * stride + 3 * col;
      out[o] = lut[l + 2];
      out[o + 1] = lut[l + 1];
      out[o + 2] = lut[l];
    }
  }
  IMAGES.set(m, out);
  return out;
}

const URLS = new WeakMap<Matrix, string>();

/**
 * heatmapBmp as a data: URL, memoised per matrix. Why not a Blob behind an object URL: making
 * and revoking one costs a synchronous round trip to the browser process, about a millisecond
 * per picture on a laptop, several per step with a panel of heatmaps; the base64 of a few
 * kilobytes is a tenth of that, and needs no revoking.
 */
export function heatmapDataUrl(m: Matrix): string {
  const hit = URLS.get(m);
  if (hit) return hit;
  const bytes = heatmapBmp(m);
  let binary = '';
  const CHUNK = 0x8000; // String.fromCharCode's argument list stays well inside the engine's limit
  for (let k = 0; k < bytes.length; k += CHUNK) binary += String.fromCharCode(...bytes.subarray(k, k + CHUNK));
  const url = `data:image/bmp;base64,${btoa(binary)}`;
  URLS.set(m, url);
  return url;
}

/** The cell under point (x, y) of a width × height picture of a rows × cols matrix, or null outside it. */
export function cellAt(x: number, y: number, width: number, height: number, rows: number, cols: number): Cell | null {
  if (!(width > 0 && height > 0) || x < 0 || y < 0 || x >= width || y >= height) return null;
  return {
    row: Math.min(rows - 1, Math.floor((y / height) * rows)),
    col: Math.min(cols - 1, Math.floor((x / width) * cols)),
  };
}

/** Clamps a cell into a rows × cols matrix. */
export function clampCell(cell: Cell, rows: number, cols: number): Cell {
  return { row: Math.max(0, Math.min(rows - 1, cell.row)), col: Math.max(0, Math.min(cols - 1, cell.col)) };
}

/**
 * Where a key moves the cursor: arrows by one cell, Home/End to the first/last column,
 * PageUp/PageDown by a tenth of the columns (at least one). null for any other key.
 */
export function moveCell(cell: Cell, key: string, rows: number, cols: number): Cell | null {
  const page = Math.max(1, Math.round(cols / 10));
  const moves: Record<string, Cell> = {
    ArrowLeft: { row: cell.row, col: cell.col - 1 },
    ArrowRight: { row: cell.row, col: cell.col + 1 },
    ArrowUp: { row: cell.row - 1, col: cell.col },
    ArrowDown: { row: cell.row + 1, col: cell.col },
    Home: { row: cell.row, col: 0 },
    End: { row: cell.row, col: cols - 1 },
    PageUp: { row: cell.row, col: cell.col - page },
    PageDown: { row: cell.row, col: cell.col + page },
  };
  const next = Object.hasOwn(moves, key) ? moves[key] : undefined;
  return next ? clampCell(next, rows, cols) : null;
}

/** Pixel height of one row of an image heatmap: tall for a few rows, at least 5 px for 32. */
export function rowHeight(rows: number): number {
  return Math.max(5, Math.min(18, Math.round(160 / rows)));
}
