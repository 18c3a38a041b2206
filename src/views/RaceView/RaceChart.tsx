/**
 * Every lane's train loss over iterations in one chart (test loss optional, fainter), each lane
 * in its own colour and dash; the target as a dotted line, a diverged lane's end as a cross.
 * d3 computes scales, ticks and paths (viz/chart); React renders every element.
 */
import { memo, useId, useMemo } from 'react';
import { useT } from '../../i18n/index';
import type { Race } from '../../store/index';
import {
  downsampleMinMax, finiteExtent, iterationScale, iterationTicks, lossScale, seriesPath, valueTicks, type YScale,
} from '../../viz/chart';
import { LANE_STYLES } from './lanes';

const MARGIN = { top: 12, right: 18, left: 66, bottom: 46 };
const HEIGHT = 300;
/** The y axis stops at this many times the largest starting loss, so one exploding lane cannot flatten the others. */
const CAP = 3;

export function Swatch({ lane }: { lane: number }) {
  const { color, dash } = LANE_STYLES[lane % LANE_STYLES.length];
  return (
    <svg className="race-swatch" width="40" height="12" aria-hidden="true" focusable="false">
      <line x1="1" x2="39" y1="6" y2="6" stroke={color} strokeWidth="3" strokeDasharray={dash} />
    </svg>
  );
}

interface Props {
  readonly race: Race;
  readonly names: readonly string[];
  readonly width: number;
  readonly isLog: boolean;
  readonly showTest: boolean;
  readonly target: number | null;
  /** What the chart shows, for screen readers (the table below has the numbers). */
  readonly label: string;
}

/** The y extent over every lane's own rows, capped at CAP × the largest first loss. */
function extentOf(race: Race, showTest: boolean, isLog: boolean): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  let firstMax = -Infinity;
  for (const { curves } of race.lanes) {
    const e = finiteExtent(showTest ? [curves.trainLoss, curves.testLoss] : [curves.trainLoss], curves.length, isLog);
    if (!e) continue;
    lo = Math.min(lo, e[0]);
    hi = Math.max(hi, e[1]);
    if (Number.isFinite(curves.trainLoss[0])) firstMax = Math.max(firstMax, curves.trainLoss[0]);
  }
  if (!(lo <= hi)) return null;
  const top = firstMax > 0 ? Math.min(hi, CAP * firstMax) : hi;
  return [Math.min(lo, top), top];
}

export const RaceChart = memo(function RaceChart({ race, names, width, isLog, showTest, target, label }: Props) {
  const t = useT();
  const clipId = useId();
  const innerWidth = Math.max(60, width - MARGIN.left - MARGIN.right);
  const height = MARGIN.top + HEIGHT + MARGIN.bottom;

  // About two points per pixel column; recomputed only when rows arrive or the width changes.
  const series = useMemo(
    () => race.lanes.map(({ curves }) => ({
      train: downsampleMinMax(curves.trainLoss, curves.length, innerWidth),
      test: showTest ? downsampleMinMax(curves.testLoss, curves.length, innerWidth) : null,
    })),
    [race.lanes, innerWidth, showTest],
  );
  const extent = useMemo(() => extentOf(race, showTest, isLog), [race, showTest, isLog]);

  const x = iterationScale(race.iterations, innerWidth);
  const y: YScale = lossScale(extent, HEIGHT, isLog);
  const xTicks = iterationTicks(x, Math.max(2, Math.floor(innerWidth / 90)));
  const yTicks = valueTicks(y, 5, isLog ? 'log' : 'linear');
  const [yLo, yHi] = y.domain();
  const targetY = target !== null && target >= Math.min(yLo, yHi) && target <= Math.max(yLo, yHi) ? y(target) : null;

  return (
    <figure className="race-figure">
      <ul className="race-legend">
        {names.map((name, lane) => (
          <li key={lane}><Swatch lane={lane} />{name}</li>
        ))}
        {showTest && <li className="race-legend-note">{t('race.legendTest')}</li>}
      </ul>
      <svg className="race-svg" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
        <defs>
          <clipPath id={clipId}><rect x={0} y={-4} width={innerWidth + 4} height={HEIGHT + 4} /></clipPath>
        </defs>
        <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
          <g className="race-axis">
            {yTicks.map((tick) => (
              <g key={tick.value} transform={`translate(0,${tick.offset})`}>
                <line x2={innerWidth} className="race-grid" />
                <text x={-8} dy="0.32em" textAnchor="end">{tick.label}</text>
              </g>
            ))}
            <text className="race-axis-label" transform={`translate(${-MARGIN.left + 12},${HEIGHT / 2}) rotate(-90)`} textAnchor="middle">
              {isLog ? t('race.axisLossLog') : t('race.axisLoss')}
            </text>
          </g>
          {targetY !== null && target !== null && (
            <g className="race-target">
              <line x2={innerWidth} y1={targetY} y2={targetY} />
              <text x={innerWidth - 4} y={targetY - 6} textAnchor="end">{t('race.targetLine', { target: String(target) })}</text>
            </g>
          )}
          <g clipPath={`url(#${clipId})`}>
            {series.map((s, lane) => {
              const { color, dash } = LANE_STYLES[lane % LANE_STYLES.length];
              return (
                <g key={lane} stroke={color} strokeDasharray={dash}>
                  {s.test && <path className="race-line race-line-test" d={seriesPath(s.test, x, y, isLog)} />}
                  <path className="race-line" d={seriesPath(s.train, x, y, isLog)} data-testid={`race-line-${lane}`} />
                </g>
              );
            })}
          </g>
          {race.lanes.map((l, lane) =>
            l.outcome === 'diverged' && l.curves.length > 0 ? (
              <g key={lane} transform={`translate(${x(l.curves.length - 1)},0)`} stroke={LANE_STYLES[lane % LANE_STYLES.length].color} className="race-diverged">
                <line x1={0} x2={0} y1={0} y2={HEIGHT} strokeDasharray="1 4" />
                <path d="M-7,-7L7,7M-7,7L7,-7" strokeWidth={3} />
              </g>
            ) : null,
          )}
          <g className="race-axis" transform={`translate(0,${HEIGHT})`}>
            <line x2={innerWidth} className="race-baseline" />
            {xTicks.map((tick) => (
              <g key={tick.value} transform={`translate(${tick.offset},0)`}>
                <line y2={6} className="race-baseline" />
                <text y={20} textAnchor="middle">{tick.label}</text>
              </g>
            ))}
            <text className="race-axis-label" x={innerWidth / 2} y={40} textAnchor="middle">{t('race.axisIteration')}</text>
          </g>
        </g>
      </svg>
    </figure>
  );
});
