// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, screen, within } from '@testing-library/react';
import { rgb } from 'd3';
import { DataView } from '../../src/views/DataView';
import { selectSession, type AppStore } from '../../src/store/index';
import { DEFAULT_CONFIG } from '../../src/store/index';
import { DEFAULT_DATASET_SPECS, type Dataset } from '../../src/data/datasets';
import { fromRows, type Matrix, type Params } from '../../src/engine/index';
import { formatValue, signedColor } from '../../src/viz/color';
import { GRID_LEVELS, dataExtent } from '../../src/viz/boundary';
import { REFRESH_BUDGET_MS, SLOW_REFRESHES, nextLevel } from '../../src/views/DataView/useField';
import { PRESETS } from '../../src/store/presets';
import { renderWithStore } from './render';

/** Every putImageData, by canvas: a stand-in for the 2-D context jsdom does not have. */
let drawn: Map<HTMLCanvasElement, ImageData>;

beforeEach(() => {
  drawn = new Map();
  const fakeContext = (canvas: HTMLCanvasElement) => ({
    createImageData: (w: number, h: number) => ({ width: w, height: h, data: new Uint8ClampedArray(4 * w * h) }),
    putImageData: (image: ImageData) => drawn.set(canvas, image),
  });
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(function (this: HTMLCanvasElement) {
    return fakeContext(this) as unknown as CanvasRenderingContext2D;
  } as unknown as typeof HTMLCanvasElement.prototype.getContext);
});
afterEach(() => vi.restoreAllMocks());

/** The network at params on the input columns of X, in plain arithmetic (tanh hidden, sigmoid or linear output). */
function outputs(params: Params, X: Matrix, hidden: (z: number) => number, output: (z: number) => number): number[] {
  const { W1, b1, W2, b2 } = params;
  const h = W1.rows, m = X.cols;
  const a2: number[] = [];
  for (let j = 0; j < m; j++) {
    let z2 = 0;
    for (let i = 0; i < h; i++) {
      const z1 = W1.data[2 * i] * X.data[j] + W1.data[2 * i + 1] * X.data[m + j] + b1.data[i];
      z2 += W2.data[i] * hidden(z1);
    }
    a2.push(output(z2 + b2.data[0]));
  }
  return a2;
}
const sigma = (z: number) => 1 / (1 + Math.exp(-z));
const classify = (params: Params, X: Matrix) => outputs(params, X, Math.tanh, sigma);

function bce(a2: number[], Y: Matrix): number {
  let sum = 0;
  a2.forEach((a, j) => { sum += -(Y.data[j] * Math.log(a) + (1 - Y.data[j]) * Math.log(1 - a)); });
  return sum / a2.length;
}
const countWrong = (a2: number[], Y: Matrix) => a2.filter((a, j) => (a > 0.5 ? 1 : 0) !== Y.data[j]).length;
const percent = (wrong: number, m: number) => `${(100 * (1 - wrong / m)).toFixed(1)}%`;

function dataset(store: AppStore): Dataset {
  return store.getState().built.dataset;
}
const metricsRow = (name: string) => within(screen.getByRole('table')).getByRole('row', { name: new RegExp(`^${name}`) });
const overlay = () => document.querySelector('svg.dv-overlay') as SVGSVGElement;

/** Lays the 400-unit plot out as 400 × 400 pixels at the page origin, so a click's pixel is a user unit. */
function layOutPlot() {
  vi.spyOn(overlay(), 'getBoundingClientRect').mockReturnValue({
    left: 0, top: 0, width: 400, height: 400, right: 400, bottom: 400, x: 0, y: 0, toJSON: () => ({}),
  } as DOMRect);
}
function clickTrainPoint(store: AppStore, j: number) {
  const { X } = dataset(store).train;
  const e = dataExtent([X, dataset(store).test.X]);
  const px = ((X.data[j] - e.x0) / (e.x1 - e.x0)) * 400;
  const py = ((e.y1 - X.data[X.cols + j]) / (e.y1 - e.y0)) * 400;
  fireEvent.click(overlay(), { clientX: px, clientY: py });
}

describe('DataView', () => {
  it('summarises the boundary at the cursor: accuracy and loss of both splits, computed independently', () => {
    const { store } = renderWithStore(<DataView />);
    const { train, test } = dataset(store);
    const params = selectSession(store.getState()).params;
    const a2Train = classify(params, train.X), a2Test = classify(params, test.X);
    const wrongTrain = countWrong(a2Train, train.Y), wrongTest = countWrong(a2Test, test.Y);

    expect(screen.getByRole('heading', { name: 'Data and decision boundary' })).toBeTruthy();
    expect(screen.getByText('Parameters of iteration 0.')).toBeTruthy();
    const summary = `Decision boundary: ${percent(wrongTrain, 300)} of 300 training points correct`;
    expect(screen.getByRole('img', { name: summary })).toBeTruthy();
    expect(screen.getByText(summary, { selector: 'p' })).toBeTruthy();

    expect(within(metricsRow('Train')).getAllByRole('cell').map((c) => c.textContent)).toEqual([
      formatValue(bce(a2Train, train.Y)), percent(wrongTrain, 300), `${wrongTrain} of 300`,
    ]);
    expect(within(metricsRow('Test')).getAllByRole('cell').map((c) => c.textContent)).toEqual([
      formatValue(bce(a2Test, test.Y)), percent(wrongTest, 100), `${wrongTest} of 100`,
    ]);
    // one ring (one moveto) per misclassified point of either split
    expect(screen.getByTestId('dv-contour').getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+L/);
    const rings = screen.getByTestId('dv-wrong').getAttribute('d')!;
    expect(rings.match(/M/g)!.length).toBe(wrongTrain + wrongTest);
    expect(document.querySelectorAll('.dv-train circle').length).toBe(300);
    expect(document.querySelectorAll('.dv-test circle').length).toBe(100);
  });

  it('draws A2 over the grid as signedColor(A2 − 0.5, 0.5), and one picture per hidden neuron', () => {
    const { store } = renderWithStore(<DataView />);
    const canvas = screen.getByRole('img', { name: /^Decision boundary/ }) as HTMLCanvasElement;
    const image = drawn.get(canvas)!;
    const n = Number(canvas.dataset.grid);
    expect([image.width, image.height]).toEqual([n, n]);
    const { train, test } = dataset(store);
    const e = dataExtent([train.X, test.X]);
    const params = selectSession(store.getState()).params;
    for (const [r, c] of [[0, 0], [0, n - 1], [n - 1, 0], [n >> 1, n >> 2]]) {
      const x = e.x0 + ((c + 0.5) * (e.x1 - e.x0)) / n, y = e.y1 - ((r + 0.5) * (e.y1 - e.y0)) / n;
      const [a2] = classify(params, fromRows([[x], [y]]));
      const expected = rgb(signedColor(a2 - 0.5, 0.5));
      const o = 4 * (r * n + c);
      const got = image.data.subarray(o, o + 3);
      expect(Math.abs(got[0] - expected.r) + Math.abs(got[1] - expected.g) + Math.abs(got[2] - expected.b)).toBeLessThanOrEqual(6);
    }
    const units = within(screen.getByRole('region', { name: 'Hidden neurons over the input plane' })).getAllByRole('button');
    expect(units.map((b) => b.textContent)).toEqual(['h1', 'h2', 'h3', 'h4']);
    for (const b of units) expect(drawn.has(b.querySelector('canvas')!)).toBe(true);
  });

  it('focuses a hidden neuron from its picture, and unfocuses it on a second click', async () => {
    const { store, user } = renderWithStore(<DataView />);
    const h2 = screen.getByRole('button', { name: /^h2: what hidden neuron 2 computes/ });
    await user.click(h2);
    expect(store.getState().focusNeuron).toEqual({ layer: 1, index: 1 });
    expect(h2.getAttribute('aria-pressed')).toBe('true');
    await user.click(h2);
    expect(store.getState().focusNeuron).toBeNull();
    expect(h2.getAttribute('aria-pressed')).toBe('false');
  });

  it('clicking a training point focuses that sample (full batch) and reads it out', () => {
    const { store } = renderWithStore(<DataView />);
    layOutPlot();
    act(() => clickTrainPoint(store, 17));
    expect(store.getState().focusSample).toBe(17);
    const { X, Y } = dataset(store).train;
    expect(screen.getByText(new RegExp(`^Focused sample: training point 17 at \\(${formatValue(X.data[17])}, `))).toBeTruthy();
    expect(screen.getByText(new RegExp(`y = ${Y.data[17]}, A2 = `))).toBeTruthy();
  });

  it('steps the focus through the misclassified training points from the keyboard', async () => {
    const { store, user } = renderWithStore(<DataView />);
    const { train } = dataset(store);
    const a2 = classify(selectSession(store.getState()).params, train.X);
    const wrong = a2.flatMap((a, j) => ((a > 0.5 ? 1 : 0) !== train.Y.data[j] ? [j] : []));
    const next = screen.getByRole('button', { name: 'Focus the next misclassified point' });
    next.focus();
    await user.keyboard('{Enter}');
    expect(store.getState().focusSample).toBe(wrong.find((j) => j > 0));
    await user.keyboard('{Enter}');
    expect(store.getState().focusSample).toBe(wrong.filter((j) => j > 0)[1]);
    expect(screen.getByText(/It is misclassified\.$/)).toBeTruthy();
  });

  it('with mini-batches maps a click to the batch column, or says the point is not in the batch', () => {
    const { store } = renderWithStore(<DataView />, { config: { ...DEFAULT_CONFIG, batchSize: 50 } });
    layOutPlot();
    const indices = Array.from(selectSession(store.getState()).batch.indices!);
    const inBatch = indices[7];
    act(() => clickTrainPoint(store, inBatch));
    expect(store.getState().focusSample).toBe(7);
    expect(screen.getByText(new RegExp(`^Focused sample: training point ${inBatch} `))).toBeTruthy();
    // a point far from every batch point, so the click picks it and not a neighbour
    const { X } = dataset(store).train;
    const outside = Array.from({ length: X.cols }, (_, j) => j).find((j) => !indices.includes(j) && indices.every(
      (k) => Math.hypot(X.data[k] - X.data[j], X.data[X.cols + k] - X.data[X.cols + j]) > 0.3,
    ))!;
    act(() => clickTrainPoint(store, outside));
    expect(store.getState().focusSample).toBe(7);
    expect(screen.getByText(`Training point ${outside} is not in this iteration’s batch, so it cannot be focused now.`)).toBeTruthy();
    // the next batch replaces the message with the focused sample again
    act(() => { for (let k = 0; k < 6; k++) store.getState().stepForward(); });
    expect(screen.queryByText(/is not in this iteration’s batch/)).toBeNull();
    expect(screen.getByText(/^Focused sample: training point \d+ /)).toBeTruthy();
  });

  it('shows the updated parameters at the update phase, and follows training', () => {
    const { store } = renderWithStore(<DataView />, { iteration: 3, phase: 'update' });
    expect(screen.getByText('After this update: the new parameters, which iteration 4 will use.')).toBeTruthy();
    const { train } = dataset(store);
    const next = selectSession(store.getState()).next!.params;
    expect(within(metricsRow('Train')).getAllByRole('cell')[0].textContent).toBe(formatValue(bce(classify(next, train.X), train.Y)));
    // here A2 < 0.5 on the whole plane (checked at the grid's corners and centre): no contour, and the text says why
    const e = dataExtent([train.X, dataset(store).test.X]);
    const probe = fromRows([[e.x0, e.x1, e.x0, e.x1, (e.x0 + e.x1) / 2], [e.y0, e.y0, e.y1, e.y1, (e.y0 + e.y1) / 2]]);
    expect(classify(next, probe).every((a) => a < 0.5)).toBe(true);
    expect(document.querySelector('[data-testid="dv-contour"]')).toBeNull();
    expect(screen.getByText('No boundary in view: A2 is below 0.5 everywhere here, so every point is predicted 0.')).toBeTruthy();

    act(() => store.getState().train(200));
    const session = selectSession(store.getState());
    expect(session.iteration).toBeGreaterThan(200);
    const params = session.phase === 'update' ? session.next!.params : session.params;
    const a2 = classify(params, train.X);
    expect(screen.getByText(session.phase === 'update'
      ? `After this update: the new parameters, which iteration ${session.iteration + 1} will use.`
      : `Parameters of iteration ${session.iteration}.`)).toBeTruthy();
    expect(screen.getByRole('img', { name: `Decision boundary: ${percent(countWrong(a2, train.Y), 300)} of 300 training points correct` })).toBeTruthy();
  });

  it('explains itself when the data set does not have 2 inputs', () => {
    const { store } = renderWithStore(<DataView />);
    act(() => {
      store.getState().setConfig({
        data: { ...DEFAULT_DATASET_SPECS['tutorial-pytorch'] }, hiddenSize: 5, hiddenActivation: 'relu',
        outputActivation: 'linear', loss: 'mse',
      });
    });
    expect(screen.getByText('The data view needs 2 inputs; this data set has 10.')).toBeTruthy();
    expect(screen.queryByRole('img')).toBeNull();
  });

  it('draws a regression surface with the loss and no accuracy', () => {
    const X = fromRows([[0, 1, 2, 3, 0.5], [1, 0, 2, 1, 0.5]]);
    const Y = fromRows([[0.2, 1.5, -0.3, 2.2, 0.9]]);
    const csv: Dataset = {
      kind: 'csv', task: 'regression', inputSize: 2, outputSize: 1, featureNames: ['size', 'age'], targetName: 'price',
      train: { X, Y }, test: { X: fromRows([[1.5], [1.5]]), Y: fromRows([[0.4]]) },
    };
    const { store } = renderWithStore(<DataView />);
    act(() => {
      store.getState().setConfig({ outputActivation: 'linear', loss: 'mse' });
      store.getState().loadCsv(csv, 'houses.csv');
    });
    expect(screen.getByRole('heading', { name: 'Data and regression surface' })).toBeTruthy();
    const params = selectSession(store.getState()).params;
    const a2 = outputs(params, X, Math.tanh, (z) => z);
    const mse = a2.reduce((s, a, j) => s + (a - Y.data[j]) ** 2, 0) / 5;
    expect(screen.getByRole('img', { name: `Regression surface: training loss ${formatValue(mse)} over 5 points` })).toBeTruthy();
    expect(screen.queryByRole('columnheader', { name: 'Accuracy' })).toBeNull();
    expect(within(metricsRow('Train')).getAllByRole('cell').map((c) => c.textContent)).toEqual([formatValue(mse), '5']);
    expect(screen.getByText('size')).toBeTruthy();
    expect(document.querySelector('[data-testid="dv-contour"]')).toBeNull();
  });

  it('speaks 简体中文', () => {
    renderWithStore(<DataView />, { locale: 'zh-CN' });
    expect(screen.getByRole('heading', { name: '数据与决策边界' })).toBeTruthy();
    expect(screen.getByRole('img', { name: /^决策边界：300 个训练点中 \d+\.\d% 分类正确$/ })).toBeTruthy();
    expect(screen.getByRole('region', { name: '隐藏层神经元在输入平面上的输出' })).toBeTruthy();
  });
});

describe('nextLevel (the grid resolution under a time budget)', () => {
  const slow = REFRESH_BUDGET_MS + 1;
  it('coarsens after a few slow refreshes in a row, never past the coarsest grid', () => {
    expect(nextLevel(0, slow, SLOW_REFRESHES - 1)).toBe(0);
    expect(nextLevel(0, slow, SLOW_REFRESHES)).toBe(1);
    expect(nextLevel(GRID_LEVELS.length - 1, slow, 5)).toBe(GRID_LEVELS.length - 1);
  });
  it('refines again only when the finer grid is predicted to stay well within budget', () => {
    const ratio = (GRID_LEVELS[0] / GRID_LEVELS[1]) ** 2;
    expect(nextLevel(1, (0.7 * REFRESH_BUDGET_MS) / ratio, 0)).toBe(0);
    expect(nextLevel(1, (0.8 * REFRESH_BUDGET_MS) / ratio, 0)).toBe(1);
    expect(nextLevel(0, 1, 0)).toBe(0);
  });
});

describe('DataView with three classes (softmax)', () => {
  /** Argmax of each column of the 2-100-3 ReLU/softmax network, in plain arithmetic. */
  function predictClasses(params: Params, X: Matrix): number[] {
    const { W1, b1, W2, b2 } = params;
    const h = W1.rows, m = X.cols;
    return Array.from({ length: m }, (_, j) => {
      const a1 = Array.from({ length: h }, (_, i) => Math.max(0, W1.data[2 * i] * X.data[j] + W1.data[2 * i + 1] * X.data[m + j] + b1.data[i]));
      const z2 = [0, 1, 2].map((k) => a1.reduce((s, a, i) => s + W2.data[k * h + i] * a, b2.data[k]));
      return z2.indexOf(Math.max(...z2));
    });
  }
  const labelsOf = (Y: Matrix) => Array.from({ length: Y.cols }, (_, j) => [0, 1, 2].find((k) => Y.data[k * Y.cols + j] === 1)!);

  it('colours regions by the most probable class, draws their boundaries, and counts accuracy per class', () => {
    const config = PRESETS.find((p) => p.id === 'three-spirals')!.config;
    const { store } = renderWithStore(<DataView />, { config, iteration: 300 });
    const d = dataset(store);
    const params = selectSession(store.getState()).params;
    const rows = within(screen.getByRole('table', { name: 'Accuracy per class' })).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(3);
    const labels = labelsOf(d.train.Y);
    const predicted = predictClasses(params, d.train.X);
    rows.forEach((row, k) => {
      const total = labels.filter((l) => l === k).length;
      const correct = labels.filter((l, j) => l === k && predicted[j] === k).length;
      expect(within(row).getByRole('rowheader').textContent).toBe(`class ${k}`);
      expect(within(row).getAllByRole('cell')[0].textContent).toBe(`${percent(total - correct, total)} (${correct} of ${total})`);
    });
    const wrong = predicted.filter((p, j) => p !== labels[j]).length;
    const metrics = screen.getByRole('table', { name: 'Loss and accuracy at these parameters' });
    expect(within(within(metrics).getByRole('row', { name: /^Train/ })).getAllByRole('cell')[1].textContent).toBe(percent(wrong, labels.length));
    expect(screen.getByTestId('dv-contour').getAttribute('d')).toMatch(/^M/);
    // Each training point in its class's colour, not the diverging palette's ends.
    const fills = [...document.querySelectorAll('.dv-train circle')].map((c) => c.getAttribute('fill'));
    expect(new Set(fills)).toEqual(new Set(['#4477aa', '#228833', '#ee6677']));
    expect(fills.slice(0, 5)).toEqual(labels.slice(0, 5).map((k) => ['#4477aa', '#228833', '#ee6677'][k]));
    expect(screen.getByText('where the most probable class changes')).toBeTruthy();
  });
});
