/**
 * The data view (2-D inputs): train and test points over the network's decision boundary
 * (or regression surface), what each hidden neuron computes over the same plane, and the
 * loss and accuracy of both splits, at the parameters of the cursor. At the update phase it
 * shows the updated parameters (labelled), so stepping through `update` visibly moves the
 * boundary. While fast training runs it follows training about twelve times a second, drawn
 * from the field worker's numbers (useLiveField).
 */
import { useCallback, useMemo, useState } from 'react';
import type { Session } from '../../engine/index';
import type { Dataset } from '../../data/datasets';
import { useT } from '../../i18n/index';
import {
  selectDataset, selectFocusSample, selectNetwork, selectStudioSession, useAppStore, type AppState,
} from '../../store/index';
import { formatValue } from '../../viz/color';
import { classColor, classRow, dataExtent, formatAccuracy, outputScale, valueColor } from '../../viz/boundary';
import { classColorOf } from '../../viz/classes';
import { argmaxColumn, type NetworkConfig } from '../../engine/index';
import { BoundaryPlot } from './BoundaryPlot';
import { MAX_UNITS, PLOT_SIZE } from './constants';
import { ClassTable, Legend, MetricsTable } from './DataSummary';
import { HiddenStrip } from './HiddenStrip';
import { usePlane } from './useField';
import './dataView.css';

const selectFocusHidden = (s: AppState) => (s.focusNeuron?.layer === 1 ? s.focusNeuron.index : null);
const selectSetFocusSample = (s: AppState) => s.setFocusSample;
const selectSetFocusNeuron = (s: AppState) => s.setFocusNeuron;

export function DataView() {
  const t = useT();
  const network = useAppStore(selectNetwork);
  const dataset = useAppStore(selectDataset);
  // While fast training runs, the session training started from: the plane then follows
  // training through useLiveField, so twenty reports a second do not each re-render it.
  const session = useAppStore(selectStudioSession);
  const problem = network.inputSize !== 2
    ? t('data.needsTwoInputs', { n: network.inputSize })
    : network.outputSize !== 1 && dataset.task !== 'multiclass' ? t('data.needsOneOutput', { n: network.outputSize }) : null;
  if (problem !== null) {
    return (
      <section className="panel dv" aria-labelledby="dv-title">
        <h2 id="dv-title">{t('data.title')}</h2>
        <p className="dv-note">{problem}</p>
      </section>
    );
  }
  return <Plane network={network} dataset={dataset} idle={session} />;
}

function Plane({ network, dataset, idle }: { network: NetworkConfig; dataset: Dataset; idle: Session }) {
  const t = useT();
  const focusSample = useAppStore(selectFocusSample);
  const focusHidden = useAppStore(selectFocusHidden);
  const setFocusSample = useAppStore(selectSetFocusSample);
  const setFocusNeuron = useAppStore(selectSetFocusNeuron);
  // A click on a point outside the batch, shown until the batch or the focused sample changes.
  const [missed, setMissed] = useState<{ index: number; indices: Int32Array | null; focus: number } | null>(null);

  const extent = useMemo(() => dataExtent([dataset.train.X, dataset.test.X]), [dataset]);
  const scale = useMemo(() => outputScale(network.outputActivation, dataset.train.Y), [network, dataset]);
  const isClassification = dataset.task !== 'regression';
  // K classes: regions and their boundaries in class colours; 0/1 labels: the contour at the threshold.
  const classes = dataset.task === 'multiclass' ? dataset.outputSize : 0;
  const threshold = dataset.task === 'classification' ? scale.centre : null;
  const fieldOptions = useMemo(() => ({ scale, threshold, plotSize: PLOT_SIZE, maxUnits: MAX_UNITS }), [scale, threshold]);
  const { session, field, metrics } = usePlane(network, dataset, idle, extent, fieldOptions);
  const isAfterUpdate = session.phase === 'update' && session.next !== null;
  const { iteration } = session;
  const indices = session.batch.indices;
  const { train, test } = metrics;
  const hasAccuracy = train.accuracy !== null;
  const color = useMemo(() => (classes > 0 ? classColorOf : isClassification ? classColor : valueColor(scale)), [classes, isClassification, scale]);
  // The points are coloured by their label: with one-hot targets, each column's class.
  const labels = useMemo(
    () => (classes > 0 ? { train: classRow(dataset.train.Y), test: classRow(dataset.test.Y) } : { train: dataset.train.Y, test: dataset.test.Y }),
    [classes, dataset],
  );

  // The focused sample is a column of the batch; with mini-batches, indices maps it to the training set.
  const focusTrain = indices ? (focusSample < indices.length ? indices[focusSample] : null) : focusSample;

  const onPick = useCallback((j: number) => {
    const column = indices ? indices.indexOf(j) : j;
    if (column < 0) {
      setMissed({ index: j, indices, focus: focusSample });
      return;
    }
    setMissed(null);
    setFocusSample(column);
  }, [indices, focusSample, setFocusSample]);
  // Misclassified training points that can be focused now (in the batch), for the keyboard path to them.
  const focusableWrong = indices ? train.wrong.filter((j) => indices.includes(j)) : train.wrong;
  const onNextWrong = () => {
    if (focusableWrong.length === 0) return;
    onPick(focusableWrong.find((j) => focusTrain !== null && j > focusTrain) ?? focusableWrong[0]);
  };
  const onPickNeuron = useCallback(
    (index: number) => setFocusNeuron(focusHidden === index ? null : { layer: 1, index }),
    [focusHidden, setFocusNeuron],
  );

  const m = train.m;
  const describeSample = (d: Dataset, j: number) => {
    const { X, Y } = d.train;
    const y = Y.data[j];
    const at = { index: j, x1: formatValue(X.data[j]), x2: formatValue(X.data[m + j]) };
    const probabilities = Array.from({ length: classes }, (_, k) => formatValue(train.A2.data[k * m + j])).join(', ');
    const text = classes > 0
      ? t('data.focusClasses', { ...at, y: labels.train.data[j], probabilities, predicted: argmaxColumn(train.A2.data, classes, m, j) })
      : t('data.focus', { ...at, y: isClassification ? String(y) : formatValue(y), a: formatValue(train.A2.data[j]) });
    return train.wrong.includes(j) ? `${text} ${t('data.focusWrong')}` : text;
  };
  const label = hasAccuracy
    ? t('data.boundaryLabel', { percent: formatAccuracy(train.accuracy), m })
    : t('data.surfaceLabel', { loss: formatValue(train.loss), m });
  const focusText = focusTrain !== null && focusTrain < m ? describeSample(dataset, focusTrain) : '';
  const isMissedShown = missed !== null && missed.indices === indices && missed.focus === focusSample;

  return (
    <section className="panel dv" aria-labelledby="dv-title">
      <h2 id="dv-title">{isClassification ? t('data.title') : t('data.titleRegression')}</h2>
      <p className={isAfterUpdate ? 'dv-params dv-params-next' : 'dv-params'}>
        {isAfterUpdate ? t('data.paramsAfterUpdate', { next: iteration + 1 }) : t('data.paramsOf', { iteration })}
      </p>
      <div className="dv-body">
        <div className="dv-main">
          <BoundaryPlot
            field={field} threshold={threshold} color={color}
            train={{ X: dataset.train.X, Y: labels.train, wrong: train.wrong }}
            test={{ X: dataset.test.X, Y: labels.test, wrong: test.wrong }}
            focus={focusTrain} onPick={onPick} label={label}
            xName={dataset.featureNames[0] ?? 'x1'} yName={dataset.featureNames[1] ?? 'x2'}
          />
          <p className="dv-note dv-grid">{t('data.grid', { n: field.grid.n })}</p>
        </div>
        <div className="dv-side">
          <p className="dv-summary">{label}</p>
          <MetricsTable train={train} test={test} />
          {classes > 0 && <ClassTable train={train} test={test} />}
          <Legend isClassification={isClassification} classes={classes} hasAccuracy={hasAccuracy} threshold={threshold} scale={scale} color={color} />
          <p className="dv-note" aria-live="polite">
            {isMissedShown ? t('data.notInBatch', { index: missed.index }) : focusText}
          </p>
          {hasAccuracy && (
            <button type="button" className="dv-next-wrong" onClick={onNextWrong} disabled={focusableWrong.length === 0}>
              {t('data.nextWrong')}
            </button>
          )}
          <p className="dv-note">{t('data.clickHint')}</p>
        </div>
      </div>
      <HiddenStrip field={field} total={network.hiddenSize} focus={focusHidden} onPick={onPickNeuron} />
    </section>
  );
}
