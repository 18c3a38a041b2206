/**
 * The curves as SVG: loss on top, accuracy below (when there is one), a shared iteration axis
 * and the cursor's iteration as a vertical line. d3 computes scales, ticks and paths (viz/chart);
 * React renders every element. A transparent slider over the plots seeks by pointer or keys.
 */
import { memo, useMemo, useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { format } from 'd3';
import { useT } from '../../i18n/index';
import type { Curves } from '../../store/index';
import {
  accuracyScale, downsampleMinMax, finiteExtent, iterationAt, iterationScale, iterationTicks, lossScale, seriesPath, valueTicks,
  type Tick, type YScale,
} from '../../viz/chart';
import { formatValue } from '../../viz/color';

export const TRAIN_COLOR = '#0072b2';
export const TEST_COLOR = '#d55e00';
export const TEST_DASH = '7 5';

const MARGIN = { top: 10, right: 16, left: 66, bottom: 46 };
const LOSS_HEIGHT = 170;
const ACCURACY_HEIGHT = 110;
const GAP = 40;
const percent = format('.0%');
const count = format(',d');

export interface CurvesPlotProps {
  readonly curves: Curves;
  readonly width: number;
  readonly isLog: boolean;
  readonly hasAccuracy: boolean;
  /** The cursor's iteration. */
  readonly iteration: number;
  /** The last iteration one can seek to. */
  readonly maxIteration: number;
  onSeek(iteration: number): void;
}

function YAxis({ ticks, width, label, top, height }: { ticks: Tick[]; width: number; label: string; top: number; height: number }) {
  return (
    <g transform={`translate(0,${top})`} aria-hidden="true" className="chart-axis">
      {ticks.map((tick) => (
        <g key={tick.value} transform={`translate(0,${tick.offset})`}>
          <line x2={width} className="chart-grid" />
          <text x={-8} dy="0.32em" textAnchor="end">{tick.label}</text>
        </g>
      ))}
      <text className="chart-axis-label" transform={`translate(${-MARGIN.left + 11},${height / 2}) rotate(-90)`} textAnchor="middle">{label}</text>
    </g>
  );
}

export const CurvesPlot = memo(function CurvesPlot({ curves, width, isLog, hasAccuracy, iteration, maxIteration, onSeek }: CurvesPlotProps) {
  const t = useT();
  const dragging = useRef(false);
  const { length } = curves;
  const innerWidth = Math.max(40, width - MARGIN.left - MARGIN.right);
  const domainMax = Math.max(1, maxIteration, length - 1);
  const accuracyTop = LOSS_HEIGHT + GAP;
  const plotsHeight = hasAccuracy ? accuracyTop + ACCURACY_HEIGHT : LOSS_HEIGHT;
  const height = MARGIN.top + plotsHeight + MARGIN.bottom;

  const lossExtent = useMemo(() => finiteExtent([curves.trainLoss, curves.testLoss], length, isLog), [curves, length, isLog]);
  const x = useMemo(() => iterationScale(domainMax, innerWidth), [domainMax, innerWidth]);
  const yLoss: YScale = useMemo(() => lossScale(lossExtent, LOSS_HEIGHT, isLog), [lossExtent, isLog]);
  const yAccuracy = useMemo(() => accuracyScale(ACCURACY_HEIGHT), []);
  // Downsampled to about two points per pixel column; recomputed only when rows arrive or the
  // scales change (not when only the cursor moves).
  const paths = useMemo(() => {
    const line = (values: Float64Array, y: YScale, log = false) => seriesPath(downsampleMinMax(values, length, innerWidth), x, y, log);
    return {
      trainLoss: line(curves.trainLoss, yLoss, isLog),
      testLoss: line(curves.testLoss, yLoss, isLog),
      trainAccuracy: hasAccuracy ? line(curves.trainAccuracy, yAccuracy) : '',
      testAccuracy: hasAccuracy ? line(curves.testAccuracy, yAccuracy) : '',
    };
  }, [curves, length, innerWidth, x, yLoss, yAccuracy, isLog, hasAccuracy]);
  const xTicks = iterationTicks(x, Math.max(2, Math.floor(innerWidth / 90)));
  const cursorX = x(Math.min(iteration, domainMax));

  const lastRow = length - 1;
  const summary = (name: string, values: Float64Array, fmt: (v: number) => string) =>
    t('chart.seriesSummary', { name, first: fmt(values[0]), last: fmt(values[lastRow]), lastIteration: lastRow });

  const seekAt = (e: PointerEvent<SVGRectElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    if (rect.width <= 0) return;
    const target = iterationAt(((e.clientX - rect.left) / rect.width) * innerWidth, innerWidth, domainMax);
    const clamped = Math.min(target, maxIteration);
    if (clamped !== iteration) onSeek(clamped);
  };
  const onKeyDown = (e: KeyboardEvent<SVGRectElement>) => {
    const page = Math.max(1, Math.round(maxIteration / 10));
    const moves: Record<string, number> = {
      ArrowRight: iteration + 1, ArrowUp: iteration + 1, ArrowLeft: iteration - 1, ArrowDown: iteration - 1,
      PageUp: iteration + page, PageDown: iteration - page, Home: 0, End: maxIteration,
    };
    if (!(e.key in moves) || e.ctrlKey || e.metaKey || e.altKey) return;
    // These keys belong to the chart while it has focus: the document's ←/→ (step a phase) must not also run.
    e.preventDefault();
    e.stopPropagation();
    const target = Math.max(0, Math.min(maxIteration, moves[e.key]));
    if (target !== iteration) onSeek(target);
  };

  const lossLabel = t('chart.lossOver', { n: count(length) });
  return (
    <svg className="curves-svg" width={width} height={height} viewBox={`0 0 ${width} ${height}`} data-handout-layer="">
      <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
        <g role="group" aria-label={lossLabel}>
          <YAxis ticks={valueTicks(yLoss, 4, isLog ? 'log' : 'linear')} width={innerWidth} label={t('chart.axisLoss')} top={0} height={LOSS_HEIGHT} />
          <path role="img" aria-label={summary(t('chart.trainLoss'), curves.trainLoss, formatValue)} className="chart-line"
            d={paths.trainLoss} stroke={TRAIN_COLOR} />
          <path role="img" aria-label={summary(t('chart.testLoss'), curves.testLoss, formatValue)} className="chart-line"
            d={paths.testLoss} stroke={TEST_COLOR} strokeDasharray={TEST_DASH} />
        </g>
        {hasAccuracy && (
          <g role="group" aria-label={t('chart.accuracyOver', { n: count(length) })} transform={`translate(0,${accuracyTop})`}>
            <YAxis ticks={valueTicks(yAccuracy, 4, 'percent')} width={innerWidth} label={t('chart.axisAccuracy')} top={0} height={ACCURACY_HEIGHT} />
            <path role="img" aria-label={summary(t('chart.trainAccuracy'), curves.trainAccuracy, percent)} className="chart-line"
              d={paths.trainAccuracy} stroke={TRAIN_COLOR} />
            <path role="img" aria-label={summary(t('chart.testAccuracy'), curves.testAccuracy, percent)} className="chart-line"
              d={paths.testAccuracy} stroke={TEST_COLOR} strokeDasharray={TEST_DASH} />
          </g>
        )}
        <g className="chart-axis" transform={`translate(0,${plotsHeight})`} aria-hidden="true">
          <line x2={innerWidth} className="chart-baseline" />
          {xTicks.map((tick) => (
            <g key={tick.value} transform={`translate(${tick.offset},0)`}>
              <line y2={6} className="chart-baseline" />
              <text y={20} textAnchor="middle" data-testid="x-tick">{tick.label}</text>
            </g>
          ))}
          <text className="chart-axis-label" x={innerWidth / 2} y={40} textAnchor="middle">{t('chart.axisIteration')}</text>
        </g>
        <line className="chart-cursor" x1={cursorX} x2={cursorX} y1={-4} y2={plotsHeight} role="img"
          aria-label={t('chart.cursorLine', { iteration })} />
        <rect
          className="chart-hit"
          x={0} y={0} width={innerWidth} height={plotsHeight}
          fill="transparent"
          tabIndex={0}
          role="slider"
          aria-label={t('chart.cursor')}
          aria-valuemin={0}
          aria-valuemax={maxIteration}
          aria-valuenow={iteration}
          aria-valuetext={t('chart.cursorText', { iteration, max: maxIteration })}
          aria-orientation="horizontal"
          onKeyDown={onKeyDown}
          onPointerDown={(e) => {
            dragging.current = true;
            e.currentTarget.setPointerCapture?.(e.pointerId);
            seekAt(e);
          }}
          onPointerMove={(e) => dragging.current && seekAt(e)}
          onPointerUp={() => { dragging.current = false; }}
          onPointerCancel={() => { dragging.current = false; }}
        />
      </g>
    </svg>
  );
});
