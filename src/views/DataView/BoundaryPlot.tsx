/**
 * The input plane: the network's output over a grid as a canvas image (ref'd <canvas>, drawn
 * in an effect), the A2 threshold contour and the points as SVG over it. React owns every
 * element; d3 computes scales and the contour (STYLE.md §6).
 */
import { memo, useLayoutEffect, useMemo, useRef, type MouseEvent } from 'react';
import { scaleLinear } from 'd3';
import type { Matrix } from '../../engine/index';
import { useT } from '../../i18n/index';
import { circlesPath, formatThreshold, nearestColumn, type Extent, type PointColor } from '../../viz/boundary';
import { PLOT_SIZE } from './constants';
import type { Field } from './useField';

const POINT_R = 5;
/** Radius of the ring around a misclassified point. */
const RING_R = POINT_R + 2.6;
/** How close (in user units) a click must be to a training point to pick it. */
const PICK_RADIUS = 14;

interface PointsProps {
  readonly X: Matrix;
  readonly Y: Matrix;
  readonly hollow: boolean;
  readonly color: PointColor;
  readonly extent: Extent;
  readonly split: 'train' | 'test';
}

/**
 * One split's points. Why no per-point state here: training changes only which points are
 * misclassified, drawn as one path by <WrongRings>, so these hundreds of circles re-render
 * only when the data or its colours change, never while playing.
 */
const Points = memo(function Points({ X, Y, hollow, color, extent, split }: PointsProps) {
  const sx = scaleLinear().domain([extent.x0, extent.x1]).range([0, PLOT_SIZE]);
  const sy = scaleLinear().domain([extent.y0, extent.y1]).range([PLOT_SIZE, 0]);
  const m = X.cols;
  return (
    <g className={`dv-points dv-${split}`}>
      {Array.from({ length: m }, (_, j) => {
        const cx = sx(X.data[j]), cy = sy(X.data[m + j]);
        return hollow
          ? <circle key={j} cx={cx} cy={cy} r={POINT_R - 0.5} className="dv-hollow" stroke={color(Y.data[j])} />
          : <circle key={j} cx={cx} cy={cy} r={POINT_R} className="dv-filled" fill={color(Y.data[j])} />;
      })}
    </g>
  );
});

/** Each column's ring (as circlesPath draws it), computed once per data set: while training only the choice of rings changes. */
function ringsOf(X: Matrix, extent: Extent): string[] {
  const sx = scaleLinear().domain([extent.x0, extent.x1]).range([0, PLOT_SIZE]);
  const sy = scaleLinear().domain([extent.y0, extent.y1]).range([PLOT_SIZE, 0]);
  const m = X.cols;
  return Array.from({ length: m }, (_, j) => circlesPath([[sx(X.data[j]), sy(X.data[m + j])]], RING_R));
}

interface WrongRingsProps {
  readonly trainRings: readonly string[];
  readonly testRings: readonly string[];
  readonly trainWrong: readonly number[];
  readonly testWrong: readonly number[];
}

/** A dark ring around each misclassified point of both splits, as one path. */
const WrongRings = memo(function WrongRings({ trainRings, testRings, trainWrong, testWrong }: WrongRingsProps) {
  const count = trainWrong.length + testWrong.length;
  if (count === 0) return null;
  const d = trainWrong.map((j) => trainRings[j]).join('') + testWrong.map((j) => testRings[j]).join('');
  return <path className="dv-wrong" d={d} data-testid="dv-wrong" data-count={count} />;
});

export interface BoundaryPlotProps {
  readonly field: Field;
  /** Output value of the contour line (drawn by viz/field fieldPicture), or null for none. */
  readonly threshold: number | null;
  readonly train: { X: Matrix; Y: Matrix; wrong: readonly number[] };
  readonly test: { X: Matrix; Y: Matrix; wrong: readonly number[] };
  readonly color: PointColor;
  /** Training column to highlight, or null. */
  readonly focus: number | null;
  readonly onPick: (trainColumn: number) => void;
  /** The summary that the canvas reads out. */
  readonly label: string;
  readonly xName: string;
  readonly yName: string;
}

export function BoundaryPlot(props: BoundaryPlotProps) {
  const { field, threshold, train, test, color, focus, onPick, label, xName, yName } = props;
  const { grid, output, contour, side } = field;
  const { n, extent } = grid;
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const t = useT();
  const trainRings = useMemo(() => ringsOf(train.X, extent), [train.X, extent]);
  const testRings = useMemo(() => ringsOf(test.X, extent), [test.X, extent]);

  // In the commit, not after the paint: the picture shows in the same frame as the contour over it.
  useLayoutEffect(() => {
    const canvas = canvasRef.current;
    const context = canvas?.getContext('2d');
    if (!canvas || !context) return;
    if (canvas.width !== n) canvas.width = n;
    if (canvas.height !== n) canvas.height = n;
    const image = context.createImageData(n, n);
    image.data.set(output);
    context.putImageData(image, 0, 0);
  }, [output, n]);

  const sx = scaleLinear().domain([extent.x0, extent.x1]).range([0, PLOT_SIZE]);
  const sy = scaleLinear().domain([extent.y0, extent.y1]).range([PLOT_SIZE, 0]);
  // ticks too close to a corner would print over the other axis's labels
  const inside = (u: number) => u > 0.04 * PLOT_SIZE && u < 0.96 * PLOT_SIZE;
  const xTicks = sx.ticks(5).filter((v) => inside(sx(v)));
  const yTicks = sy.ticks(5).filter((v) => inside(sy(v)));
  const fmt = sx.tickFormat(5);

  const onClick = (e: MouseEvent<SVGSVGElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    if (!(box.width > 0)) return;
    const ux = ((e.clientX - box.left) / box.width) * PLOT_SIZE;
    const uy = ((e.clientY - box.top) / box.height) * PLOT_SIZE;
    const j = nearestColumn(train.X, sx.invert(ux), sy.invert(uy), sx.invert(PICK_RADIUS) - sx.invert(0));
    if (j !== null) onPick(j);
  };

  const fm = train.X.cols;
  const focusPoint = focus !== null && focus < fm ? [sx(train.X.data[focus]), sy(train.X.data[fm + focus])] : null;

  return (
    <div className="dv-figure">
      <div className="dv-ylabel" aria-hidden="true">{yName}</div>
      <div className="dv-square">
        <canvas ref={canvasRef} className="dv-canvas" role="img" aria-label={label} data-grid={n} />
        {/* Three layers: what changes with training under the points, the points (which never
            change while training, so the browser can keep them painted), the focus on top. */}
        <svg className="dv-layer" viewBox={`0 0 ${PLOT_SIZE} ${PLOT_SIZE}`} aria-hidden="true">
          {xTicks.map((v) => <line key={`x${v}`} className="dv-tick" x1={sx(v)} x2={sx(v)} y1={PLOT_SIZE - 6} y2={PLOT_SIZE} />)}
          {yTicks.map((v) => <line key={`y${v}`} className="dv-tick" x1={0} x2={6} y1={sy(v)} y2={sy(v)} />)}
          {contour && <path className="dv-contour-halo" d={contour} />}
          {contour && <path className="dv-contour" d={contour} data-testid="dv-contour" />}
          <WrongRings trainRings={trainRings} testRings={testRings} trainWrong={train.wrong} testWrong={test.wrong} />
        </svg>
        <svg className="dv-layer dv-points-layer" viewBox={`0 0 ${PLOT_SIZE} ${PLOT_SIZE}`} aria-hidden="true">
          <Points X={test.X} Y={test.Y} hollow color={color} extent={extent} split="test" />
          <Points X={train.X} Y={train.Y} hollow={false} color={color} extent={extent} split="train" />
        </svg>
        <svg
          className="dv-layer dv-overlay" viewBox={`0 0 ${PLOT_SIZE} ${PLOT_SIZE}`} aria-hidden="true" onClick={onClick}
        >
          {focusPoint && (
            <g className="dv-focus" transform={`translate(${focusPoint[0]},${focusPoint[1]})`}>
              <circle r={POINT_R + 7} />
              <path d={`M${-POINT_R - 13},0H${-POINT_R - 7}M${POINT_R + 7},0H${POINT_R + 13}M0,${-POINT_R - 13}V${-POINT_R - 7}M0,${POINT_R + 7}V${POINT_R + 13}`} />
            </g>
          )}
        </svg>
        <div className="dv-xticks" aria-hidden="true">
          {xTicks.map((v) => <span key={v} style={{ left: `${(sx(v) / PLOT_SIZE) * 100}%` }}>{fmt(v)}</span>)}
        </div>
        <div className="dv-yticks" aria-hidden="true">
          {yTicks.map((v) => <span key={v} style={{ top: `${(sy(v) / PLOT_SIZE) * 100}%` }}>{fmt(v)}</span>)}
        </div>
      </div>
      <div className="dv-xlabel" aria-hidden="true">{xName}</div>
      {/* Without a crossing the learner sees no boundary: say which side the whole plane is on. */}
      {side && threshold !== null && (
        <p className="dv-note dv-no-boundary">
          {t(side === 'above' ? 'data.noBoundaryAbove' : 'data.noBoundaryBelow', { value: formatThreshold(threshold), label: side === 'above' ? 1 : 0 })}
        </p>
      )}
    </div>
  );
}
