/**
 * Loss and accuracy over iterations, train (solid) and test (dashed), with the cursor's
 * iteration marked; click, drag or use the keys on the chart to go to an iteration.
 */
import { Fragment, useCallback, useId, useMemo, useRef, useState, type Ref } from 'react';
import { format } from 'd3';
import { useT } from '../../i18n/index';
import {
  handoutName, selectConfig, selectCurves, selectFrontierIteration, selectIteration, selectPhase, useAppStore, useStoreApi,
  type Curves,
} from '../../store/index';
import { formatValue } from '../../viz/color';
import { CurvesPlot, TEST_COLOR, TEST_DASH, TRAIN_COLOR } from './CurvesPlot';
import { useElementWidth } from '../shared/useElementWidth';
import { ExportButtons } from '../shared/ExportButtons';
import { lookOf, standaloneSvg } from '../shared/standaloneSvg';
import './lossChart.css';

const percent = format('.0%');

function Swatch({ color, dash }: { color: string; dash?: string }) {
  return (
    <svg width="34" height="12" aria-hidden="true" focusable="false">
      <line x1="1" x2="33" y1="6" y2="6" stroke={color} strokeWidth="3" strokeDasharray={dash} />
    </svg>
  );
}

/** "At iteration 49: train loss 0.6932 · test loss 0.6986 · train acc 51% · test acc 49%". */
function Values({ curves, row, hasAccuracy, ref }: { curves: Curves; row: number; hasAccuracy: boolean; ref?: Ref<HTMLParagraphElement> }) {
  const t = useT();
  const parts = [
    { label: t('chart.trainLoss'), value: formatValue(curves.trainLoss[row]) },
    { label: t('chart.testLoss'), value: formatValue(curves.testLoss[row]) },
    ...(hasAccuracy ? [
      { label: t('chart.trainAcc'), value: percent(curves.trainAccuracy[row]) },
      { label: t('chart.testAcc'), value: percent(curves.testAccuracy[row]) },
    ] : []),
  ];
  return (
    <p ref={ref} className="chart-values">
      <span className="chart-values-at">{t('chart.values', { iteration: row })}</span>{' '}
      {parts.map((p, k) => (
        <Fragment key={p.label}>
          {k > 0 && <span aria-hidden="true" className="chart-value-sep"> · </span>}
          <span className="chart-value">{p.label} <span className="chart-number">{p.value}</span></span>
        </Fragment>
      ))}
    </p>
  );
}

export function LossChart() {
  const t = useT();
  const store = useStoreApi();
  const curves = useAppStore(selectCurves);
  const iteration = useAppStore(selectIteration);
  const maxIteration = useAppStore(selectFrontierIteration);
  const [isLog, setLog] = useState(false);
  const bodyRef = useRef<HTMLDivElement>(null);
  const width = useElementWidth(bodyRef, 640);
  const titleId = useId();
  const titleRef = useRef<HTMLHeadingElement>(null);
  const valuesRef = useRef<HTMLParagraphElement>(null);
  const legendRef = useRef<HTMLUListElement>(null);
  const config = useAppStore(selectConfig);
  const names = useMemo(() => ({
    svg: handoutName(config, { kind: 'chart', iteration, ext: 'svg' }),
    png: handoutName(config, { kind: 'chart', iteration, ext: 'png' }),
  }), [config, iteration]);

  const onSeek = useCallback((target: number) => {
    const state = store.getState();
    state.seek(target, selectPhase(state));
  }, [store]);

  const { length } = curves;
  const hasAccuracy = length > 0 && !Number.isNaN(curves.trainAccuracy[length - 1]);
  const row = iteration < length ? iteration : length - 1;

  /** The chart as a hand-out: its title, the values at the cursor, the legend and the plots. */
  const buildHandout = () => {
    const [title, values, legend] = [titleRef.current, valuesRef.current, legendRef.current];
    const plot = bodyRef.current?.querySelector<SVGSVGElement>('svg[data-handout-layer]');
    if (!title || !values || !legend || !plot) throw new Error('the chart is not on the page');
    const look = lookOf(values);
    return standaloneSvg(document, plot.viewBox.baseVal.width, `${t('chart.title')} — ${values.textContent ?? ''}`, [
      { kind: 'text', text: t('chart.title'), look: lookOf(title) },
      { kind: 'text', text: (values.textContent ?? '').replace(/\s+/g, ' ').trim(), look },
      { kind: 'swatches', look: lookOf(legend), items: [
        { color: TRAIN_COLOR, label: t('chart.legendTrain') }, { color: TEST_COLOR, dash: TEST_DASH, label: t('chart.legendTest') },
      ] },
      { kind: 'layers', svgs: [plot] },
    ]);
  };

  return (
    <section className="panel loss-chart" aria-labelledby={titleId}>
      <div className="chart-head">
        <h2 id={titleId} ref={titleRef}>{t('chart.title')}</h2>
        {length > 0 && (
          <>
            <label className="chart-log">
              <input type="checkbox" checked={isLog} onChange={(e) => setLog(e.target.checked)} />
              {t('chart.logScale')}
            </label>
            <ExportButtons what="chart" names={names} build={buildHandout} />
          </>
        )}
      </div>
      {length === 0 ? (
        <p className="chart-empty">{t('chart.empty')}</p>
      ) : (
        <>
          <ul ref={legendRef} className="chart-legend">
            <li><Swatch color={TRAIN_COLOR} />{t('chart.legendTrain')}</li>
            <li><Swatch color={TEST_COLOR} dash={TEST_DASH} />{t('chart.legendTest')}</li>
          </ul>
          <Values curves={curves} row={row} hasAccuracy={hasAccuracy} ref={valuesRef} />
        </>
      )}
      <div ref={bodyRef} className="chart-body">
        {length > 0 && (
          <CurvesPlot curves={curves} width={width} isLog={isLog} hasAccuracy={hasAccuracy}
            iteration={iteration} maxIteration={maxIteration} onSeek={onSeek} />
        )}
      </div>
    </section>
  );
}
