/** The forward phases' and the loss's equations: matrix form, then the focused sample's numbers. */
import type { Activation, LossKind, Matrix, Session } from '../engine/index';
import {
  aligned, applyTex, at, definitionTex, factor, need, num, pnum, rows, shaped, sub, sumOf, sumOfValues, sym, trueClass,
  type EquationFocus, type EquationLine, type EquationSection, type EquationSizes,
} from './equationsTex';

interface LayerSpec {
  readonly layer: 1 | 2;
  readonly g: Activation;
  /** Weights (r × p), biases (r × 1), the layer's input (p × m), Z and A (r × m). */
  readonly W: Matrix;
  readonly b: Matrix;
  readonly input: Matrix;
  readonly Z: Matrix;
  readonly A: Matrix;
  /** The input's symbols: X and x, or A^{[1]} and a^{[1]}. */
  readonly inputMatrix: string;
  readonly inputScalar: (sample: number, k: number) => string;
  /** The focused neuron of this layer. */
  readonly row: number;
}

/** Z = W·input + b, A = g(Z), the shapes, and z, a of one neuron for one sample with numbers. */
function layerSections(spec: LayerSpec, j: number, prefix: 'fh' | 'fo'): EquationSection[] {
  const { layer, g, W, b, input, Z, A, row } = spec;
  const m = input.cols;
  const p = W.cols;
  const Zs = `Z^{[${layer}]}`;
  const As = `A^{[${layer}]}`;
  const Ws = `W^{[${layer}]}`;
  const bs = `b^{[${layer}]}`;
  const definition = definitionTex(g);
  const matrixLines: EquationLine[] = [
    { id: `${prefix}.matrix`, tex: rows([[Zs, `${Ws} ${spec.inputMatrix} + ${bs}`], [As, `${applyTex(g, Zs)}${definition ? `, \\quad ${definition}` : ''}`]]) },
    {
      id: `${prefix}.shapes`,
      tex: `${shaped(Zs, Z.rows, m)} = ${shaped(Ws, W.rows, p)}\\, ${shaped(spec.inputMatrix, p, m)} + ${shaped(bs, b.rows, 1)}`,
      params: { m },
    },
  ];
  const z = sym('z', layer, j, row);
  const a = sym('a', layer, j, row);
  const w = (k: number) => sym('w', layer, null, sub(row, k, p >= 10));
  const symbolic = `${sumOf(p, (k) => `${w(k)}\\,${spec.inputScalar(j, k)}`)} + ${sym('b', layer, null, row)}`;
  const numbers = `${sumOf(p, (k) => `${factor(at(W, row, k))}${factor(at(input, k, j))}`)} + ${pnum(at(b, row, 0))}`;
  const zValue = at(Z, row, j);
  const params = { neuron: row + 1, sample: j + 1 };
  const numberLines: EquationLine[] = [
    { id: `${prefix}.neuron`, tex: aligned(z, symbolic, numbers, num(zValue)), params },
    g === 'softmax'
      ? { id: 'fo.softmax', tex: softmaxTex(Z, A, row, j), params: { ...params, K: Z.rows } }
      : { id: `${prefix}.activation`, tex: aligned(a, applyTex(g, z), applyTex(g, num(zValue)), num(at(A, row, j))), params },
  ];
  return [
    { id: 'symbolic', lines: matrixLines },
    { id: 'numbers', lines: numberLines, params: { sample: j + 1, m } },
  ];
}

/** a_r = e^{z_r} / Σ_k e^{z_k} for output r of sample j, with every z of the column substituted. */
function softmaxTex(Z: Matrix, A: Matrix, r: number, j: number): string {
  const K = Z.rows;
  const e = (z: string) => `e^{${z}}`;
  const symbolic = `\\frac{${e(sym('z', 2, j, r))}}{\\sum_{k=1}^{${K}} ${e(sym('z', 2, j, 'k'))}}`;
  const numbers = `\\frac{${e(num(at(Z, r, j)))}}{${sumOf(K, (k) => e(num(at(Z, k, j))))}}`;
  return aligned(sym('a', 2, j, r), symbolic, numbers, num(at(A, r, j)));
}

/** forward-hidden: Z1 = W1·X + b1, A1 = g1(Z1); the focused hidden neuron for the focused sample. */
export function forwardHiddenEquations(s: Session, f: EquationFocus): EquationSection[] {
  return layerSections({
    layer: 1, g: s.setup.config.hiddenActivation, W: s.params.W1, b: s.params.b1, input: s.batch.X,
    Z: need(s.cache.Z1, 'Z1'), A: need(s.cache.A1, 'A1'),
    inputMatrix: 'X', inputScalar: (j, k) => sym('x', null, j, k), row: f.hidden,
  }, f.sample, 'fh');
}

/** forward-output: Z2 = W2·A1 + b2, A2 = g2(Z2); the focused output neuron for the focused sample. */
export function forwardOutputEquations(s: Session, f: EquationFocus): EquationSection[] {
  return layerSections({
    layer: 2, g: s.setup.config.outputActivation, W: s.params.W2, b: s.params.b2, input: need(s.cache.A1, 'A1'),
    Z: need(s.cache.Z2, 'Z2'), A: need(s.cache.A2, 'A2'),
    inputMatrix: 'A^{[1]}', inputScalar: (j, k) => sym('a', 1, j, k), row: f.output,
  }, f.sample, 'fo');
}

/**
 * One element's loss as the engine computes it: bce with each log clamped at −100, (a − y)²,
 * or −y·log a for ce (0 where y = 0, the log clamped at −100).
 */
export function elementLoss(kind: LossKind, a: number, y: number): number {
  if (kind === 'mse') return (a - y) ** 2;
  if (kind === 'ce') return y === 0 ? 0 : -y * Math.max(Math.log(a), -100);
  return -(y * Math.max(Math.log(a), -100) + (1 - y) * Math.max(Math.log1p(-a), -100));
}

/** loss: the definition, the focused element's term with numbers, and L as the mean of all terms. */
export function lossEquations(s: Session, f: EquationFocus, sizes: EquationSizes): EquationSection[] {
  const kind = s.setup.config.loss;
  if (kind === 'ce') return crossEntropyEquations(s, f, sizes);
  const A2 = need(s.cache.A2, 'A2');
  const Y = s.batch.Y;
  const { o, m } = sizes;
  const count = o * m;
  const mean = o === 1 ? '\\frac{1}{m}\\sum_{j=1}^{m}' : '\\frac{1}{o\\,m}\\sum_{j=1}^{m}\\sum_{r=1}^{o}';
  const ay = o === 1 ? ['a^{[2](j)}', 'y^{(j)}'] : ['a^{[2](j)}_{r}', 'y^{(j)}_{r}'];
  const [aj, yj] = ay;
  const definition = kind === 'bce'
    ? `L = -${mean} \\left(${yj}\\log ${aj} + \\left(1 - ${yj}\\right)\\log\\left(1 - ${aj}\\right)\\right)`
    : `L = ${mean} \\left(${aj} - ${yj}\\right)^2`;
  const { sample: j, output: r } = f;
  const a = at(A2, r, j);
  const y = at(Y, r, j);
  const aS = sym('a', 2, j, o === 1 ? null : r);
  const yS = sym('y', null, j, o === 1 ? null : r);
  const lS = o === 1 ? `L^{(${j + 1})}` : `\\ell^{(${j + 1})}_{${r + 1}}`;
  const sampleTex = kind === 'bce'
    ? aligned(lS, `-\\left(${yS}\\log ${aS} + \\left(1 - ${yS}\\right)\\log\\left(1 - ${aS}\\right)\\right)`,
      `-\\left(${pnum(y)}\\log ${pnum(a)} + \\left(1 - ${pnum(y)}\\right)\\log\\left(1 - ${pnum(a)}\\right)\\right)`, num(elementLoss(kind, a, y)))
    : aligned(lS, `\\left(${aS} - ${yS}\\right)^2`, `\\left(${num(a)} - ${pnum(y)}\\right)^2`, num(elementLoss(kind, a, y)));
  // Terms in the engine's order: element e of A2's data is output ⌊e/m⌋, sample e mod m.
  const termAt = (e: number) => elementLoss(kind, A2.data[e], Y.data[e]);
  const total = aligned('L', `\\frac{1}{${count}}\\left(${sumOfValues(count, termAt)}\\right)`, num(need(s.loss, 'loss')));
  return [
    { id: 'symbolic', lines: [{ id: 'loss.def', tex: definition, params: { m, o, count } }] },
    {
      id: 'numbers', params: { sample: j + 1, m },
      lines: [
        { id: 'loss.sample', tex: sampleTex, params: { sample: j + 1, neuron: r + 1 } },
        { id: 'loss.total', tex: total, params: { m, o, count } },
      ],
    },
  ];
}

/**
 * ce: L = −(1/m)·Σ_j Σ_k y_k log a_k; with one-hot Y each sample's term is −log of the
 * probability its true class c gets. The mean is over the m samples, not over K·m elements.
 */
function crossEntropyEquations(s: Session, f: EquationFocus, sizes: EquationSizes): EquationSection[] {
  const A2 = need(s.cache.A2, 'A2');
  const Y = s.batch.Y;
  const { o: K, m } = sizes;
  const j = f.sample;
  const c = trueClass(Y, j);
  const definition = `L = -\\frac{1}{m}\\sum_{j=1}^{m}\\sum_{k=1}^{${K}} y^{(j)}_{k}\\log a^{[2](j)}_{k}`;
  const lS = `L^{(${j + 1})}`;
  const ac = at(A2, c, j);
  const sampleTex = aligned(lS, `-\\sum_{k=1}^{${K}} ${sym('y', null, j, 'k')}\\log ${sym('a', 2, j, 'k')}`,
    `-\\log ${sym('a', 2, j, c)}`, `-\\log ${pnum(ac)}`, num(elementLoss('ce', ac, 1)));
  const termOf = (t: number) => elementLoss('ce', at(A2, trueClass(Y, t), t), 1);
  const total = aligned('L', `\\frac{1}{${m}}\\left(${sumOfValues(m, termOf)}\\right)`, num(need(s.loss, 'loss')));
  return [
    { id: 'symbolic', lines: [{ id: 'loss.ce.def', tex: definition, params: { m, K } }] },
    {
      id: 'numbers', params: { sample: j + 1, m },
      lines: [
        { id: 'loss.ce.sample', tex: sampleTex, params: { sample: j + 1, class: c, output: c + 1 } },
        { id: 'loss.ce.total', tex: total, params: { m } },
      ],
    },
  ];
}
