/** The forward phases' and the loss's equations: matrix form, then the focused sample's numbers. */
import type { Activation, Matrix, Session } from '../engine/index';
import {
  aligned, applyTex, at, definitionTex, factor, need, num, pnum, rows, shaped, sub, sumOf, sumOfValues, sym,
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
    { id: `${prefix}.activation`, tex: aligned(a, applyTex(g, z), applyTex(g, num(zValue)), num(at(A, row, j))), params },
  ];
  return [
    { id: 'symbolic', lines: matrixLines },
    { id: 'numbers', lines: numberLines, params: { sample: j + 1, m } },
  ];
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

/** One element's loss as the engine computes it: bce with each log clamped at −100, or (a − y)². */
export function elementLoss(kind: 'bce' | 'mse', a: number, y: number): number {
  if (kind === 'mse') return (a - y) ** 2;
  return -(y * Math.max(Math.log(a), -100) + (1 - y) * Math.max(Math.log1p(-a), -100));
}

/** loss: the definition, the focused element's term with numbers, and L as the mean of all terms. */
export function lossEquations(s: Session, f: EquationFocus, sizes: EquationSizes): EquationSection[] {
  const kind = s.setup.config.loss;
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
