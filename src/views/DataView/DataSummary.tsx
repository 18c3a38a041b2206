/** The data view's text: the metrics table of both splits and the legend of the plot's marks. */
import type { ReactNode } from 'react';
import { useT } from '../../i18n/index';
import { formatValue } from '../../viz/color';
import { formatAccuracy, formatThreshold, type PointColor, type ValueScale } from '../../viz/boundary';
import { classColorOf } from '../../viz/classes';
import type { SplitMetrics } from './useField';

export function MetricsTable({ train, test }: { train: SplitMetrics; test: SplitMetrics }) {
  const t = useT();
  const hasAccuracy = train.accuracy !== null;
  const row = (name: string, s: SplitMetrics) => (
    <tr>
      <th scope="row">{name}</th>
      <td>{formatValue(s.loss)}</td>
      {hasAccuracy && <td>{formatAccuracy(s.accuracy)}</td>}
      {hasAccuracy ? <td>{t('data.wrongOf', { wrong: s.wrong.length, m: s.m })}</td> : <td>{s.m}</td>}
    </tr>
  );
  return (
    <table className="dv-metrics">
      <caption className="visually-hidden">{t('data.metrics')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('data.split')}</th>
          <th scope="col">{t('data.loss')}</th>
          {hasAccuracy && <th scope="col">{t('data.accuracy')}</th>}
          <th scope="col">{hasAccuracy ? t('data.misclassified') : t('data.points')}</th>
        </tr>
      </thead>
      <tbody>
        {row(t('data.train'), train)}
        {row(t('data.test'), test)}
      </tbody>
    </table>
  );
}

/** Per class (softmax's K outputs): its colour, and how many of its samples each split gets right. */
export function ClassTable({ train, test }: { train: SplitMetrics; test: SplitMetrics }) {
  const t = useT();
  const cell = (p: { total: number; correct: number }) => (
    <td>{p.total === 0 ? '—' : `${formatAccuracy(p.correct / p.total)} (${t('data.correctOf', { correct: p.correct, total: p.total })})`}</td>
  );
  return (
    <table className="dv-metrics dv-classes">
      <caption className="visually-hidden">{t('data.perClass')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('data.class')}</th>
          <th scope="col">{t('data.train')}</th>
          <th scope="col">{t('data.test')}</th>
        </tr>
      </thead>
      <tbody>
        {train.perClass.map((p, k) => (
          <tr key={k}>
            <th scope="row">
              <Swatch><circle r={5} className="dv-filled" fill={classColorOf(k)} /></Swatch>
              {t('data.className', { label: k })}
            </th>
            {cell(p)}
            {cell(test.perClass[k] ?? { total: 0, correct: 0 })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

interface LegendProps {
  readonly isClassification: boolean;
  /** K for softmax's classes (coloured regions and class boundaries), else 0. */
  readonly classes: number;
  readonly hasAccuracy: boolean;
  readonly threshold: number | null;
  readonly scale: ValueScale;
  readonly color: PointColor;
}

const Swatch = ({ children }: { children: ReactNode }) => (
  <svg className="dv-swatch" viewBox="-10 -10 20 20" aria-hidden="true">{children}</svg>
);

export function Legend({ isClassification, classes, hasAccuracy, threshold, scale, color }: LegendProps) {
  const t = useT();
  const ink = color(isClassification ? 1 : scale.centre + scale.extent);
  return (
    <ul className="dv-legend">
      {classes > 0 ? (
        <>
          <li>{t('data.legendRegions')}</li>
          <li><Swatch><path className="dv-contour" d="M-9,0H9" /></Swatch>{t('data.legendClassBoundary')}</li>
        </>
      ) : isClassification ? (
        [0, 1].map((label) => (
          <li key={label}>
            <Swatch><circle r={5} className="dv-filled" fill={color(label)} /></Swatch>
            {t('data.legendLabel', { label })}
          </li>
        ))
      ) : (
        <>
          <li><Swatch><circle r={5} className="dv-filled" fill={color(scale.centre - scale.extent)} /></Swatch>
            {t('data.legendLow', { value: formatValue(scale.centre - scale.extent) })}</li>
          <li><Swatch><circle r={5} className="dv-filled" fill={ink} /></Swatch>
            {t('data.legendHigh', { value: formatValue(scale.centre + scale.extent) })}</li>
        </>
      )}
      <li><Swatch><circle r={5} className="dv-filled" fill="#5b5b66" /></Swatch>{t('data.legendTrain')}</li>
      <li><Swatch><circle r={4.5} className="dv-hollow" stroke="#5b5b66" /></Swatch>{t('data.legendTest')}</li>
      {hasAccuracy && (
        <li><Swatch><circle r={7.6} className="dv-wrong" /><circle r={5} className="dv-filled" fill={ink} /></Swatch>{t('data.legendWrong')}</li>
      )}
      {threshold !== null && (
        <li><Swatch><path className="dv-contour" d="M-9,0H9" /></Swatch>
          {threshold === 0.5 ? t('data.legendContour') : t('data.legendContourValue', { value: formatThreshold(threshold) })}</li>
      )}
      <li><Swatch><g className="dv-focus"><circle r={6} /></g></Swatch>{t('data.legendFocus')}</li>
    </ul>
  );
}
