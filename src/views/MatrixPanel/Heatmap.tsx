/**
 * One matrix as a heatmap: small matrices as cells with their values printed, wide ones as an
 * image with one pixel per entry, scaled. Why an <img> and not STYLE.md §6's ref'd <canvas>:
 * Chromium gives every 2D canvas a composited layer, and the sticky controls bar above them
 * then needs layers of its own. Every layer costs the frame that answers a step: in Chromium,
 * with images instead of canvases, the steps presented later than 16 ms went from 52 % to 41 %.
 * Hover, arrow keys or a click read out an entry at full precision; a click or Enter on a
 * sample column focuses that sample.
 */
import { memo, useEffect, useRef, useState, type CSSProperties, type KeyboardEvent, type MouseEvent } from 'react';
import type { Matrix } from '../../engine/index';
import { useT } from '../../i18n/index';
import { formatFull, formatValue, maxAbs, signedColor, textColorOn } from '../../viz/color';
import {
  NARROW_MATRIX_COLS, cellAt, clampCell, heatmapDataUrl, isSmallMatrix, moveCell, rowHeight, shapeLabel, valueAt, type Cell,
} from '../../viz/heatmap';

export interface HeatmapProps {
  /** The symbol shown and read out: `Z1`, or `W1 (new)`. */
  readonly label: string;
  readonly matrix: Matrix;
  /** The focused sample's column, or null when the columns are not samples. */
  readonly focusColumn: number | null;
  /** Called with a column when the learner picks one; null when the columns are not samples. */
  readonly onPickColumn: ((col: number) => void) | null;
  /** Receives `Z1[2][17] = 0.0123…` for the hovered or keyboard-selected entry. */
  readonly onReadout: (text: string) => void;
  /** id of the text that explains the keys. */
  readonly describedBy: string;
  /** A lesson step points at this matrix. */
  readonly isHighlighted?: boolean;
}

const sameCell = (a: Cell | null, b: Cell | null) => a === b || (!!a && !!b && a.row === b.row && a.col === b.col);

/** Scrolls the heatmap's own scroller (never the page) so that column col is visible. */
function revealColumn(scroller: HTMLElement | null, plane: HTMLElement | null, col: number, cols: number) {
  if (!scroller || !plane || scroller.scrollWidth <= scroller.clientWidth) return;
  const x = ((col + 0.5) / cols) * plane.offsetWidth;
  if (x < scroller.scrollLeft || x > scroller.scrollLeft + scroller.clientWidth) {
    scroller.scrollLeft = Math.max(0, x - scroller.clientWidth / 2);
  }
}

function SmallCells({ label, matrix }: { label: string; matrix: Matrix }) {
  const extent = maxAbs(matrix.data);
  return Array.from(matrix.data, (v, k) => {
    const row = Math.floor(k / matrix.cols);
    const col = k % matrix.cols;
    return (
      <span
        key={k} className="hm-cell" title={`${label}[${row}][${col}] = ${formatFull(v)}`}
        style={{ background: signedColor(v, extent), color: textColorOn(v, extent) }}
      >
        {formatValue(v)}
      </span>
    );
  });
}

export const Heatmap = memo(function Heatmap({ label, matrix, focusColumn, onPickColumn, onReadout, describedBy, isHighlighted = false }: HeatmapProps) {
  const t = useT();
  const { rows, cols } = matrix;
  const small = isSmallMatrix(matrix);
  const shape = shapeLabel(matrix);
  const [cursor, setCursor] = useState<Cell | null>(null);
  const [hover, setHover] = useState<Cell | null>(null);
  // The value beside the matrix while pointed at or focused (the panel's live region has it too).
  const [tip, setTip] = useState<string | null>(null);
  // A step can hand this heatmap another matrix (see MatrixPanel): the marks belong to the old one.
  const [marksFor, setMarksFor] = useState(label);
  if (marksFor !== label) {
    setMarksFor(label);
    setCursor(null);
    setHover(null);
    setTip(null);
  }
  const scrollerRef = useRef<HTMLDivElement>(null);
  const planeRef = useRef<HTMLDivElement>(null);
  const shownCursor = cursor && clampCell(cursor, rows, cols);
  const shownHover = hover && clampCell(hover, rows, cols);
  const focus = focusColumn !== null && focusColumn < cols ? focusColumn : null;

  // Why a ResizeObserver: its first callback comes after the browser's own layout of the next
  // frame, so measuring there forces no layout in the step's task (and a resize keeps the
  // focused column in view).
  useEffect(() => {
    const scroller = scrollerRef.current;
    const plane = planeRef.current;
    if (focus === null || !scroller || !plane || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => revealColumn(scroller, plane, focus, cols));
    observer.observe(scroller);
    return () => observer.disconnect();
  }, [focus, cols]);

  const describe = (cell: Cell) => `${label}[${cell.row}][${cell.col}] = ${formatFull(valueAt(matrix, cell))}`;
  const show = (cell: Cell) => {
    const text = describe(cell);
    setTip(text);
    onReadout(text);
  };

  const cellOf = (e: MouseEvent): Cell | null => {
    const plane = planeRef.current;
    if (!plane) return null;
    const r = plane.getBoundingClientRect();
    return cellAt(e.clientX - r.left, e.clientY - r.top, r.width, r.height, rows, cols);
  };

  const onMouseMove = (e: MouseEvent) => {
    const cell = cellOf(e);
    if (!cell || sameCell(cell, shownHover)) return;
    setHover(cell);
    show(cell);
  };

  const onClick = (e: MouseEvent) => {
    const cell = cellOf(e);
    if (!cell) return;
    setCursor(cell);
    show(cell);
    onPickColumn?.(cell.col);
  };

  const onFocus = () => {
    const cell = shownCursor ?? { row: 0, col: focus ?? 0 };
    setCursor(cell);
    show(cell);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const from = shownCursor ?? { row: 0, col: focus ?? 0 };
    if ((e.key === 'Enter' || e.key === ' ') && onPickColumn) {
      e.preventDefault();
      onPickColumn(from.col);
      return;
    }
    const next = moveCell(from, e.key, rows, cols);
    if (!next) return;
    e.preventDefault();
    setCursor(next);
    show(next);
    revealColumn(scrollerRef.current, planeRef.current, next.col, cols);
  };

  const colStyle = (col: number): CSSProperties => ({ left: `${(col / cols) * 100}%`, width: `${100 / cols}%` });
  const cellStyle = (cell: Cell): CSSProperties => ({
    ...colStyle(cell.col), top: `${(cell.row / rows) * 100}%`, height: `${100 / rows}%`,
  });
  const narrow = !small && cols <= NARROW_MATRIX_COLS;
  const planeStyle: CSSProperties = small
    ? { gridTemplateColumns: `repeat(${cols}, 1fr)` }
    : narrow
      ? { width: `${cols * 1.5}rem`, height: rows * rowHeight(rows) }
      : ({ '--cols': cols, height: rows * rowHeight(rows) } as CSSProperties);
  const size = small ? 'hm-small' : narrow ? 'hm-narrow' : 'hm-wide';

  return (
    <figure className={`hm ${size}${isHighlighted ? ' is-highlighted' : ''}`}>
      <figcaption className="hm-label">
        <span>{`${label}: ${shape}`}</span>
        {tip && <span className="hm-tip" aria-hidden="true">{tip}</span>}
      </figcaption>
      <div ref={scrollerRef} className="hm-scroller">
        <div
          ref={planeRef} className={small ? 'hm-plane hm-grid' : 'hm-plane hm-image'} style={planeStyle}
          role="application" aria-roledescription={t('matrices.heatmap')} aria-label={`${label}: ${shape}`}
          aria-describedby={describedBy} tabIndex={0}
          onMouseMove={onMouseMove} onMouseLeave={() => { setHover(null); setTip(null); }} onBlur={() => setTip(null)} onClick={onClick} onFocus={onFocus} onKeyDown={onKeyDown}
          data-picks-samples={onPickColumn ? 'true' : undefined}
        >
          {small ? <SmallCells label={label} matrix={matrix} /> : <img src={heatmapDataUrl(matrix)} className="hm-bitmap" alt="" aria-hidden="true" draggable={false} />}
          {focus !== null && <span className="hm-focus" style={colStyle(focus)} aria-hidden="true" />}
          {shownHover && <span className="hm-hover" style={cellStyle(shownHover)} aria-hidden="true" />}
          {shownCursor && <span className="hm-cursor" style={cellStyle(shownCursor)} aria-hidden="true" />}
        </div>
      </div>
    </figure>
  );
});
