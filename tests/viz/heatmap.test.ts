import { describe, expect, it } from 'vitest';
import { rgb } from 'd3';
import { fromRows } from '../../src/engine/index';
import { LUT_STEPS, signedColor } from '../../src/viz/color';
import {
  cellAt, clampCell, heatmapBmp, heatmapDataUrl, isSmallMatrix, lutIndex, moveCell, rowHeight, shapeLabel, valueAt,
} from '../../src/viz/heatmap';
import { readBmp } from './bmp';

const rgbOf = (css: string) => {
  const c = rgb(css);
  return [c.r, c.g, c.b];
};

describe('heatmapBmp', () => {
  const m = { rows: 2, cols: 3, data: Float64Array.from([-2, 0, 1, 2, Number.NaN, -1]) };

  it('is an uncompressed 24-bit BMP of cols × rows pixels, top row first', () => {
    const file = heatmapBmp(m);
    const bmp = readBmp(file);
    expect(bmp).toMatchObject({ magic: 'BM', size: file.length, width: 3, rows: 2, topDown: true, infoSize: 40, planes: 1, bits: 24, compression: 0 });
    // 3 pixels × 3 bytes = 9, padded to 12 per row.
    expect(file.length).toBe(bmp.offset + 2 * 12);
    expect([...file.subarray(bmp.offset + 9, bmp.offset + 12)]).toEqual([0, 0, 0]);
  });

  it('colours each entry with signedColor(v, max|m|), row by row', () => {
    const bmp = readBmp(heatmapBmp(m));
    expect(bmp.pixel(0, 0)).toEqual(rgbOf(signedColor(-2, 2)));
    expect(bmp.pixel(0, 1)).toEqual(rgbOf(signedColor(0, 2)));
    expect(bmp.pixel(1, 0)).toEqual(rgbOf(signedColor(2, 2)));
  });

  it('matches signedColor within one lookup step for any value', () => {
    const bmp = readBmp(heatmapBmp(m));
    const got = bmp.pixel(0, 2);
    const want = rgbOf(signedColor(1, 2));
    for (let k = 0; k < 3; k++) expect(Math.abs(got[k] - want[k])).toBeLessThanOrEqual(1);
    expect(bmp.pixel(1, 2)).not.toEqual(bmp.pixel(0, 2));
  });

  it('draws a non-finite entry black', () => {
    expect(readBmp(heatmapBmp(m)).pixel(1, 1)).toEqual([0, 0, 0]);
  });

  it('needs no padding when a row is a multiple of 4 bytes', () => {
    const four = fromRows([[1, -1, 0.5, 0], [0, 0, 0, 1]]);
    const bmp = readBmp(heatmapBmp(four));
    expect(bmp.stride).toBe(12);
    expect(heatmapBmp(four).length).toBe(bmp.offset + 24);
    expect(bmp.pixel(1, 3)).toEqual(rgbOf(signedColor(1, 1)));
  });

  it('is memoised per matrix object', () => {
    expect(heatmapBmp(m)).toBe(heatmapBmp(m));
    expect(heatmapBmp(fromRows([[-2, 0, 1], [2, 0, -1]]))).not.toBe(heatmapBmp(m));
  });
});

describe('heatmapDataUrl', () => {
  it('is the BMP as a base64 data: URL, the same bytes for a matrix past one encoding chunk (32×1250)', () => {
    const big = { rows: 32, cols: 1250, data: Float64Array.from({ length: 32 * 1250 }, (_, k) => Math.sin(k)) };
    for (const matrix of [{ rows: 2, cols: 3, data: Float64Array.from([-2, 0, 1, 2, 3, -1]) }, big]) {
      const url = heatmapDataUrl(matrix);
      expect(url.startsWith('data:image/bmp;base64,')).toBe(true);
      const bytes = Uint8Array.from(atob(url.slice(url.indexOf(',') + 1)), (c) => c.charCodeAt(0));
      expect(bytes).toEqual(heatmapBmp(matrix));
      expect(heatmapDataUrl(matrix)).toBe(url);
    }
  });
});

describe('lutIndex', () => {
  it('maps −extent, 0, +extent to the ends and the middle, clamping beyond', () => {
    expect(lutIndex(-3, 3)).toBe(0);
    expect(lutIndex(0, 3)).toBe(LUT_STEPS / 2);
    expect(lutIndex(3, 3)).toBe(LUT_STEPS);
    expect(lutIndex(99, 3)).toBe(LUT_STEPS);
  });
});

describe('hit testing and the keyboard cursor', () => {
  it('finds the cell under a point and nothing outside', () => {
    expect(cellAt(17.5, 25, 300, 40, 4, 300)).toEqual({ row: 2, col: 17 });
    expect(cellAt(299.99, 39.99, 300, 40, 4, 300)).toEqual({ row: 3, col: 299 });
    expect(cellAt(-1, 5, 300, 40, 4, 300)).toBeNull();
    expect(cellAt(300, 5, 300, 40, 4, 300)).toBeNull();
    expect(cellAt(1, 1, 0, 0, 4, 300)).toBeNull();
  });

  it('moves by arrows, jumps by Home/End and pages, and stays inside', () => {
    const at = { row: 1, col: 5 };
    expect(moveCell(at, 'ArrowRight', 4, 300)).toEqual({ row: 1, col: 6 });
    expect(moveCell(at, 'ArrowLeft', 4, 300)).toEqual({ row: 1, col: 4 });
    expect(moveCell(at, 'ArrowUp', 4, 300)).toEqual({ row: 0, col: 5 });
    expect(moveCell(at, 'ArrowDown', 4, 300)).toEqual({ row: 2, col: 5 });
    expect(moveCell(at, 'Home', 4, 300)).toEqual({ row: 1, col: 0 });
    expect(moveCell(at, 'End', 4, 300)).toEqual({ row: 1, col: 299 });
    expect(moveCell(at, 'PageDown', 4, 300)).toEqual({ row: 1, col: 35 });
    expect(moveCell(at, 'PageUp', 4, 300)).toEqual({ row: 1, col: 0 });
    expect(moveCell({ row: 0, col: 0 }, 'ArrowUp', 4, 300)).toEqual({ row: 0, col: 0 });
    expect(moveCell({ row: 3, col: 299 }, 'ArrowRight', 4, 300)).toEqual({ row: 3, col: 299 });
    expect(moveCell(at, 'a', 4, 300)).toBeNull();
    expect(moveCell(at, 'constructor', 4, 300)).toBeNull();
  });

  it('clamps a cursor into a smaller matrix', () => {
    expect(clampCell({ row: 5, col: 400 }, 4, 300)).toEqual({ row: 3, col: 299 });
  });
});

describe('labels and sizes', () => {
  it('names shapes, values and small matrices', () => {
    const m = fromRows([[1, 2], [3, 4], [5, 6], [7, 8]]);
    expect(shapeLabel(m)).toBe('4×2');
    expect(valueAt(m, { row: 2, col: 1 })).toBe(6);
    expect(isSmallMatrix(m)).toBe(true);
    expect(isSmallMatrix({ rows: 4, cols: 300, data: new Float64Array(1200) })).toBe(false);
    expect(isSmallMatrix({ rows: 8, cols: 8, data: new Float64Array(64) })).toBe(true);
    expect(isSmallMatrix({ rows: 32, cols: 1, data: new Float64Array(32) })).toBe(false);
    expect(isSmallMatrix({ rows: 1, cols: 32, data: new Float64Array(32) })).toBe(false);
  });

  it('gives few rows tall cells and many rows short ones', () => {
    expect(rowHeight(1)).toBe(18);
    expect(rowHeight(32)).toBe(5);
    expect(rowHeight(10)).toBe(16);
  });
});
