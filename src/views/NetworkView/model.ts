/**
 * What the diagram shows at one phase for one sample: for every neuron and edge, the value
 * that colours it, everything known about it, and its accessible label. Pure: built from a
 * Session, a sample column and the translator; the view memoises it.
 */
import { argmaxColumn, get, type Matrix, type PhaseId, type Session } from '../../engine/index';
import type { MessageKey } from '../../i18n/index';
import { formatValue, maxAbs } from '../../viz/color';

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;
export type Direction = 'forward' | 'loss' | 'backward' | 'update';
export type LayerIndex = 0 | 1 | 2;

export interface Quantity {
  readonly symbol: string;
  readonly value: number;
  /** Shown in the tooltip only, not read in the short label. */
  readonly isDetail?: boolean;
}

export interface NeuronModel {
  readonly key: string;
  readonly layer: LayerIndex;
  readonly index: number;
  /** The value that colours the neuron; null before this iteration computes it. */
  readonly shown: Quantity | null;
  /** maxAbs of the matrix `shown` comes from. */
  readonly extent: number;
  readonly quantities: readonly Quantity[];
  readonly isActive: boolean;
  /** "Hidden neuron 2". */
  readonly name: string;
  readonly label: string;
}

export interface EdgeModel {
  readonly key: string;
  readonly layer: 1 | 2;
  /** Index in the layer to the left. */
  readonly from: number;
  /** Index in the layer to the right. */
  readonly to: number;
  /** The value that colours and sizes the edge. */
  readonly shown: Quantity;
  readonly extent: number;
  readonly weight: Quantity;
  readonly gradient: Quantity | null;
  /** The weight after the update phase. */
  readonly updated: Quantity | null;
  /** The same entry with NumPy's 0-based indices: "W1[1, 0]". */
  readonly numpyName: string;
  readonly isActive: boolean;
  /** "x1 → hidden neuron 2". */
  readonly title: string;
  readonly label: string;
}

export interface NetworkModel {
  readonly direction: Direction;
  readonly neurons: readonly [readonly NeuronModel[], readonly NeuronModel[], readonly NeuronModel[]];
  readonly edges: readonly EdgeModel[];
  /** What colours each edge layer: "W1", "dW2", … */
  readonly edgeSymbols: readonly [string, string];
  /** What colours each neuron layer: "x", "A1", "dZ2", … (empty when not computed). */
  readonly neuronSymbols: readonly [string, string, string];
  readonly loss: number | null;
  /** Y[:, sample]. */
  readonly targets: readonly number[];
  /** With softmax and ce: the sample's class (the row of its 1 in Y), else null. */
  readonly trueClass: number | null;
  /** With ce, once the loss is computed: the sample's own term, −log of its class's probability (clamped at 100). */
  readonly sampleLoss: number | null;
}

type EdgeShows = 'W' | 'dW' | 'new';
interface PhaseView {
  readonly direction: Direction;
  readonly activeNeurons: readonly LayerIndex[];
  readonly activeEdges: readonly (1 | 2)[];
  readonly hidden: 'a' | 'dZ';
  readonly output: 'a' | 'dZ';
  readonly edges: readonly [EdgeShows, EdgeShows];
}

/** Which values each phase puts on the diagram, and which layer it is about. */
const PHASE_VIEW: Record<PhaseId, PhaseView> = {
  'forward-hidden': { direction: 'forward', activeNeurons: [0, 1], activeEdges: [1], hidden: 'a', output: 'a', edges: ['W', 'W'] },
  'forward-output': { direction: 'forward', activeNeurons: [1, 2], activeEdges: [2], hidden: 'a', output: 'a', edges: ['W', 'W'] },
  loss: { direction: 'loss', activeNeurons: [2], activeEdges: [], hidden: 'a', output: 'a', edges: ['W', 'W'] },
  'backward-output': { direction: 'backward', activeNeurons: [1, 2], activeEdges: [2], hidden: 'a', output: 'dZ', edges: ['W', 'dW'] },
  'backward-hidden': { direction: 'backward', activeNeurons: [0, 1], activeEdges: [1], hidden: 'dZ', output: 'dZ', edges: ['dW', 'dW'] },
  update: { direction: 'update', activeNeurons: [], activeEdges: [1, 2], hidden: 'a', output: 'a', edges: ['new', 'new'] },
};

/** The phase's flow direction. */
export function directionOf(phase: PhaseId): Direction {
  return PHASE_VIEW[phase].direction;
}

/** `m[i][sample]`, or null when m is missing. */
const at = (m: Matrix | undefined, i: number, j: number): number | null => (m ? get(m, i, j) : null);

function quantity(symbol: string, value: number | null, isDetail = false): Quantity[] {
  return value === null ? [] : [{ symbol, value, isDetail }];
}

/** "z = 0.0123, a = 0.0123" from the non-detail quantities. */
function valuesText(qs: readonly Quantity[], t: Translate): string {
  const main = qs.filter((q) => !q.isDetail);
  return main.length === 0 ? t('network.notComputed') : main.map((q) => `${q.symbol} = ${formatValue(q.value)}`).join(', ');
}

/**
 * The diagram's content for `session` and batch column `sample` (0 ≤ sample < batch size).
 * Neuron and edge indices are 0-based here; names and labels count from 1, as the equations do.
 */
export function buildModel(session: Session, sample: number, t: Translate): NetworkModel {
  const { params, cache, grads, batch, next } = session;
  const view = PHASE_VIEW[session.phase];
  const [n, h, o] = [params.W1.cols, params.W1.rows, params.W2.rows];
  const extents = new Map<Matrix, number>();
  const extentOf = (m: Matrix | undefined) => {
    if (!m) return 1;
    let e = extents.get(m);
    if (e === undefined) extents.set(m, (e = maxAbs(m.data)));
    return e;
  };
  const names = [
    (i: number) => t('network.input', { index: i + 1 }),
    (i: number) => t('network.hidden', { index: i + 1 }),
    (i: number) => t('network.output', { index: i + 1 }),
  ];
  const inline = [
    (i: number) => t('network.inputInline', { index: i + 1 }),
    (i: number) => t('network.hiddenInline', { index: i + 1 }),
    (i: number) => t('network.outputInline', { index: i + 1 }),
  ];
  const newValue = (symbol: string) => t('network.newValue', { name: symbol });

  const neuron = (layer: LayerIndex, index: number, quantities: Quantity[], shownSymbol: string | null, source: Matrix | undefined): NeuronModel => {
    const shown = quantities.find((q) => q.symbol === shownSymbol) ?? null;
    const name = names[layer](index);
    return {
      key: neuronKey(layer, index), layer, index, shown, extent: extentOf(source), quantities,
      isActive: view.activeNeurons.includes(layer), name, label: t('network.neuronLabel', { name, values: valuesText(quantities, t) }),
    };
  };

  const inputs = Array.from({ length: n }, (_, i) => neuron(0, i, quantity('x', get(batch.X, i, sample)), 'x', batch.X));
  const hiddenSource = view.hidden === 'dZ' ? grads.dZ1 : cache.A1;
  const hidden = Array.from({ length: h }, (_, i) => neuron(1, i, [
    ...quantity('z', at(cache.Z1, i, sample)),
    ...quantity('a', at(cache.A1, i, sample)),
    ...quantity('b1', get(params.b1, i, 0), true),
    ...quantity('dA1', at(grads.dA1, i, sample)),
    ...quantity('dZ1', at(grads.dZ1, i, sample)),
    ...quantity('db1', at(grads.db1, i, 0), true),
    ...quantity(newValue('b1'), next ? get(next.params.b1, i, 0) : null, true),
  ], view.hidden === 'dZ' ? 'dZ1' : 'a', hiddenSource));
  const outputSource = view.output === 'dZ' ? grads.dZ2 : cache.A2;
  const trueClass = session.setup.config.loss === 'ce' ? argmaxColumn(batch.Y.data, o, batch.Y.cols, sample) : null;
  const a2 = cache.A2;
  const sampleLoss = trueClass !== null && a2 && session.loss !== null ? -Math.max(Math.log(get(a2, trueClass, sample)), -100) : null;
  const outputs = Array.from({ length: o }, (_, i) => neuron(2, i, [
    ...quantity('z', at(cache.Z2, i, sample)),
    ...quantity('a', at(cache.A2, i, sample)),
    ...quantity('y', session.loss === null ? null : get(batch.Y, i, sample)),
    ...quantity('−log a', i === trueClass ? sampleLoss : null),
    ...quantity('b2', get(params.b2, i, 0), true),
    ...quantity('dZ2', at(grads.dZ2, i, sample)),
    ...quantity('db2', at(grads.db2, i, 0), true),
    ...quantity(newValue('b2'), next ? get(next.params.b2, i, 0) : null, true),
  ], view.output === 'dZ' ? 'dZ2' : 'a', outputSource));

  const edges: EdgeModel[] = [];
  const edgeSymbols: [string, string] = ['', ''];
  for (const layer of [1, 2] as const) {
    const W = layer === 1 ? params.W1 : params.W2;
    const dW = layer === 1 ? grads.dW1 : grads.dW2;
    const Wn = next ? (layer === 1 ? next.params.W1 : next.params.W2) : undefined;
    const shows = view.edges[layer - 1];
    const source = shows === 'dW' ? dW : shows === 'new' ? Wn : W;
    const base = `W${layer}`;
    edgeSymbols[layer - 1] = shows === 'dW' ? `d${base}` : shows === 'new' ? newValue(base) : base;
    const extent = extentOf(source);
    for (let to = 0; to < W.rows; to++) {
      for (let from = 0; from < W.cols; from++) {
        const index = `[${to + 1}][${from + 1}]`;
        const weight = { symbol: `${base}${index}`, value: get(W, to, from) };
        const gradient = dW ? { symbol: `d${base}${index}`, value: get(dW, to, from) } : null;
        const updated = Wn ? { symbol: newValue(`${base}${index}`), value: get(Wn, to, from) } : null;
        const shown = (shows === 'dW' && gradient) || (shows === 'new' && updated) || weight;
        let text: string;
        if (shows === 'new' && updated) {
          const change = updated.value - weight.value;
          const direction = t(change > 0 ? 'network.increased' : change < 0 ? 'network.decreased' : 'network.unchanged');
          text = t('network.updated', { name: weight.symbol, old: formatValue(weight.value), new: formatValue(updated.value), direction });
        } else if (shows === 'dW' && gradient) {
          text = `${t('network.gradient', { name: gradient.symbol, value: formatValue(gradient.value) })}, ${t('network.weightInline', { name: weight.symbol, value: formatValue(weight.value) })}`;
        } else {
          text = t('network.weight', { name: weight.symbol, value: formatValue(weight.value) });
        }
        edges.push({
          key: edgeKey(layer, from, to), layer, from, to, shown, extent, weight, gradient, updated,
          numpyName: `${base}[${to}, ${from}]`, isActive: view.activeEdges.includes(layer),
          title: `${inline[layer - 1](from)} → ${inline[layer](to)}`,
          label: t('network.route', { text, from: inline[layer - 1](from), to: inline[layer](to) }),
        });
      }
    }
  }

  return {
    direction: view.direction,
    neurons: [inputs, hidden, outputs],
    edges,
    edgeSymbols,
    neuronSymbols: ['x', hiddenSource ? (view.hidden === 'dZ' ? 'dZ1' : 'A1') : '', outputSource ? (view.output === 'dZ' ? 'dZ2' : 'A2') : ''],
    loss: session.loss,
    targets: Array.from({ length: batch.Y.rows }, (_, i) => get(batch.Y, i, sample)),
    trueClass,
    sampleLoss,
  };
}

/** A neuron's key: "n:layer:index". */
export function neuronKey(layer: LayerIndex, index: number): string {
  return `n:${layer}:${index}`;
}

/** An edge's key: "e:layer:from:to" (layer 1 = W1, input → hidden; 2 = W2, hidden → output). */
export function edgeKey(layer: 1 | 2, from: number, to: number): string {
  return `e:${layer}:${from}:${to}`;
}
