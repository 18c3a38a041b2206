/**
 * The backward phases' equations: the matrix form as the seed's code writes it, the focused
 * sample's dz and the focused weight's gradient with numbers, and the chain rule for that
 * weight spelled out factor by factor.
 */
import { derivative, type Session } from '../engine/index';
import {
  aligned, at, factor, need, num, pnum, rows, shaped, slopeNumbers, slopeTex, sub, sumOf, sumOfValues, sym, trueClass,
  type EquationFocus, type EquationLine, type EquationSection, type EquationSizes, type Row,
} from './equationsTex';

const ds = (name: string, layer: 1 | 2) => `d${name}^{[${layer}]}`;

/** \frac{1}{m}\left(term(0) + term(1) + ⋯ + term(m−1)\right) */
function meanOver(m: number, term: (j: number) => string, head = 3): string {
  return `\\frac{1}{${m}}\\left(${sumOf(m, term, head)}\\right)`;
}

/** \\frac{1}{m}\\left(v(0) + v(1) + ⋯\\right) for plain values (see sumOfValues). */
function meanOfValues(m: number, value: (j: number) => number): string {
  return `\\frac{1}{${m}}\\left(${sumOfValues(m, value)}\\right)`;
}

/** scale·(body), or body alone when there is no scale. */
const scaled = (scale: string, body: string) => (scale ? `${scale}\\left(${body}\\right)` : body);

const partial = (top: string, bottom: string) => `\\frac{\\partial ${top}}{\\partial ${bottom}}`;
const dz = (layer: 1 | 2, j: number | string, r: number) => sym('dz', layer, j, r);

/** backward-output: dZ2, dW2 = (1/m)·dZ2·A1ᵀ, db2; the focused sample's dz and weight W2[r][k]. */
export function backwardOutputEquations(s: Session, f: EquationFocus, sizes: EquationSizes): EquationSection[] {
  const { loss, outputActivation: g2 } = s.setup.config;
  const { h, o, m } = sizes;
  const { sample: j, output: r, hidden: k } = f;
  const A1 = need(s.cache.A1, 'A1');
  const Z2 = need(s.cache.Z2, 'Z2');
  const A2 = need(s.cache.A2, 'A2');
  const dZ2 = need(s.grads.dZ2, 'dZ2');
  const dW2 = need(s.grads.dW2, 'dW2');
  const db2 = need(s.grads.db2, 'db2');
  const Y = s.batch.Y;
  const overO = o === 1 ? '' : `\\frac{1}{${o}}`;
  const twoOverO = o === 1 ? '2' : `\\frac{2}{${o}}`;
  const A2s = 'A^{[2]}';
  const dZ2rhs = loss === 'ce'
    ? `${A2s} - Y`
    : loss === 'bce'
    ? scaled(overO, `${A2s} - Y`)
    : `${twoOverO}\\left(${A2s} - Y\\right) \\odot g_2'\\left(Z^{[2]}\\right), \\quad g_2'\\left(Z^{[2]}\\right) = ${slopeTex(g2, A2s, 'Z^{[2]}', '\\odot')}`;
  const matrix = rows([
    [ds('Z', 2), dZ2rhs],
    [ds('W', 2), `\\frac{1}{m}\\, ${ds('Z', 2)} A^{[1]T}`],
    [ds('b', 2), `\\frac{1}{m}\\sum_{j=1}^{m} ${ds('Z', 2)}_{:,j}`],
  ]);
  const shapes = `${shaped(ds('W', 2), o, h)} = \\frac{1}{${m}}\\, ${shaped(ds('Z', 2), o, m)}\\, ${shaped('A^{[1]T}', m, h)}`;

  const a = at(A2, r, j);
  const y = at(Y, r, j);
  const z = at(Z2, r, j);
  const aS = sym('a', 2, j, r);
  const yS = sym('y', null, j, r);
  const dzS = dz(2, j, r);
  const dzTex = loss === 'ce'
    ? aligned(dzS, `${aS} - ${yS}`, `${num(a)} - ${pnum(y)}`, num(at(dZ2, r, j)))
    : loss === 'bce'
    ? aligned(dzS, scaled(overO, `${aS} - ${yS}`), scaled(overO, `${num(a)} - ${pnum(y)}`), num(at(dZ2, r, j)))
    : aligned(dzS, `${twoOverO}\\left(${aS} - ${yS}\\right) g_2'\\left(${sym('z', 2, j, r)}\\right)`,
      `${twoOverO}\\left(${num(a)} - ${pnum(y)}\\right)\\left(${slopeNumbers(g2, a, z)}\\right)`, num(at(dZ2, r, j)));
  const w = sym('w', 2, null, sub(r, k, h >= 10));
  const dW = sym('dW', 2, null, sub(r, k, h >= 10));
  const dWTex = aligned(dW, `\\frac{1}{m}\\sum_{j=1}^{m} ${dz(2, 'j', r)}\\, ${sym('a', 1, 'j', k)}`,
    meanOver(m, (t) => `${factor(at(dZ2, r, t))}${factor(at(A1, k, t))}`, 2), num(at(dW2, r, k)));
  const dbTex = aligned(sym('db', 2, null, r), `\\frac{1}{m}\\sum_{j=1}^{m} ${dz(2, 'j', r)}`,
    meanOfValues(m, (t) => at(dZ2, r, t)), num(at(db2, r, 0)));

  const weight = `W2[${r}][${k}]`;
  const params = { sample: j + 1, neuron: k + 1, output: r + 1, weight, m };
  const a1 = at(A1, k, j);
  const Lj = `L^{(${j + 1})}`;
  const avgTex = aligned(partial('L', w), `\\frac{1}{m}\\sum_{j=1}^{m} ${partial('L^{(j)}', w)}`,
    meanOfValues(m, (t) => at(dZ2, r, t) * at(A1, k, t)), `${dW} = ${num(at(dW2, r, k))}`);
  /** The phase's sections, the chain rule ending in this sample's ∂Lʲ/∂w (its factors before a1) and the average. */
  const sections = (chain: EquationLine[], sampleFactors: string): EquationSection[] => [
    { id: 'symbolic', lines: [{ id: 'bo.matrix', tex: matrix }, { id: 'bo.shapes', tex: shapes, params }] },
    {
      id: 'numbers', params,
      lines: [{ id: 'bo.dz', tex: dzTex, params }, { id: 'bo.dW', tex: dWTex, params }, { id: 'bo.db', tex: dbTex, params }],
    },
    {
      id: 'chain', params,
      lines: [
        ...chain,
        { id: 'bo.chain.sample', tex: `${partial(Lj, w)} = ${sampleFactors}${factor(a1)} = ${num(at(dZ2, r, j) * a1)}`, params },
        { id: 'bo.chain.avg', tex: avgTex, params },
      ],
    },
  ];

  if (loss === 'ce') {
    // Chain rule through softmax: z_r moves every a_k, and only the true class c has y_k ≠ 0, so
    // Σ_k (−y_k/a_k)·a_k(δ_kr − a_r) = −(δ_cr − a_r) = a_r − y_r: the Jacobian collapses into A2 − Y.
    const c = trueClass(Y, j);
    const K = o;
    const ak = sym('a', 2, 'j', 'k');
    const zr = sym('z', 2, 'j', r);
    const def = `${partial('L', w)} = \\frac{1}{m}\\sum_{j=1}^{m} \\left(\\sum_{k=1}^{${K}} ${partial('L^{(j)}', ak)}\\, ${partial(ak, zr)}\\right) ${partial(zr, w)}`;
    const acS = sym('a', 2, j, c);
    const ac = at(A2, c, j);
    const delta = c === r ? 1 : 0;
    const lossSlope = -1 / ac;
    const jacobian = ac * (delta - a);
    const zjr = sym('z', 2, j, r);
    const factors = rows([
      [partial(Lj, acS), `-\\frac{1}{${acS}} = -\\frac{1}{${num(ac)}} = ${num(lossSlope)}`],
      [partial(acS, zjr), `${acS}\\left(\\delta_{${sub(c, r, K >= 10)}} - ${aS}\\right) = ${factor(ac)}\\left(${delta} - ${pnum(a)}\\right) = ${num(jacobian)}`],
      [partial(zjr, w), `${sym('a', 1, j, k)} = ${num(a1)}`],
    ]);
    const bridge = aligned(partial(Lj, zjr), `${factor(lossSlope)}${factor(jacobian)}`, `${aS} - ${yS} = ${num(a)} - ${pnum(y)}`, `${dzS} = ${num(at(dZ2, r, j))}`);
    const chain: EquationLine[] = [
      { id: 'bo.chain.ce.def', tex: def, params: { ...params, K } },
      { id: 'bo.chain.ce.factors', tex: factors, params: { ...params, class: c, trueOutput: c + 1 } },
      { id: 'bo.chain.ce.dz', tex: bridge, params },
    ];
    return sections(chain, factor(at(dZ2, r, j)));
  }

  // Chain rule: ∂L/∂w = (1/m)·Σ_j ∂Lʲ/∂a · ∂a/∂z · ∂z/∂w, with Lʲ the loss of sample j.
  const aj = sym('a', 2, 'j', r);
  const zj = sym('z', 2, 'j', r);
  const def = `${partial('L', w)} = \\frac{1}{m}\\sum_{j=1}^{m} ${partial('L^{(j)}', aj)}\\cdot ${partial(aj, zj)}\\cdot ${partial(zj, w)}`;
  const lossSlope = loss === 'bce' ? (-y / a + (1 - y) / (1 - a)) / o : (2 * (a - y)) / o;
  const lossSlopeTex = loss === 'bce'
    ? [scaled(overO, `-\\frac{${yS}}{${aS}} + \\frac{1 - ${yS}}{1 - ${aS}}`), scaled(overO, `-\\frac{${num(y)}}{${num(a)}} + \\frac{1 - ${pnum(y)}}{1 - ${pnum(a)}}`)]
    : [`${twoOverO}\\left(${aS} - ${yS}\\right)`, `${twoOverO}\\left(${num(a)} - ${pnum(y)}\\right)`];
  const slope = derivative(g2, z, a);
  const factors = rows([
    [partial(Lj, aS), `${lossSlopeTex.join(' = ')} = ${num(lossSlope)}`],
    [partial(aS, sym('z', 2, j, r)), `${slopeTex(g2, aS, sym('z', 2, j, r))} = ${slopeNumbers(g2, a, z)} = ${num(slope)}`],
    [partial(sym('z', 2, j, r), w), `${sym('a', 1, j, k)} = ${num(a1)}`],
  ]);
  const dzBridge = `${partial(Lj, sym('z', 2, j, r))} = ${factor(lossSlope)}${factor(slope)} = ${dzS} = ${num(at(dZ2, r, j))}`;
  return sections([
    { id: 'bo.chain.def', tex: def, params },
    { id: 'bo.chain.factors', tex: factors, params },
    { id: 'bo.chain.dz', tex: dzBridge, params },
  ], `${factor(lossSlope)}${factor(slope)}`);
}

/** backward-hidden: dA1 = W2ᵀ·dZ2, dZ1 = dA1 ⊙ g1'(Z1), dW1 = (1/m)·dZ1·Xᵀ, db1; the focused weight W1[i][k]. */
export function backwardHiddenEquations(s: Session, f: EquationFocus, sizes: EquationSizes): EquationSection[] {
  const g1 = s.setup.config.hiddenActivation;
  const { n, h, o, m } = sizes;
  const { sample: j, hidden: i, input: k } = f;
  const X = s.batch.X;
  const { W2 } = s.params;
  const Z1 = need(s.cache.Z1, 'Z1');
  const A1 = need(s.cache.A1, 'A1');
  const dZ2 = need(s.grads.dZ2, 'dZ2');
  const dA1 = need(s.grads.dA1, 'dA1');
  const dZ1 = need(s.grads.dZ1, 'dZ1');
  const dW1 = need(s.grads.dW1, 'dW1');
  const db1 = need(s.grads.db1, 'db1');
  const A1s = 'A^{[1]}';
  const matrix = rows([
    [ds('A', 1), `W^{[2]T} ${ds('Z', 2)}`],
    [ds('Z', 1), `${ds('A', 1)} \\odot g_1'\\left(Z^{[1]}\\right) = ${ds('A', 1)} \\odot \\left(${slopeTex(g1, A1s, 'Z^{[1]}', '\\odot')}\\right)`],
    [ds('W', 1), `\\frac{1}{m}\\, ${ds('Z', 1)} X^{T}`],
    [ds('b', 1), `\\frac{1}{m}\\sum_{j=1}^{m} ${ds('Z', 1)}_{:,j}`],
  ]);
  const shapes = rows([
    [shaped(ds('Z', 1), h, m), `${shaped('W^{[2]T}', h, o)}\\, ${shaped(ds('Z', 2), o, m)} \\odot ${shaped(`g_1'\\left(Z^{[1]}\\right)`, h, m)}`],
    [shaped(ds('W', 1), h, n), `\\frac{1}{${m}}\\, ${shaped(ds('Z', 1), h, m)}\\, ${shaped('X^{T}', m, n)}`],
  ]);

  const wide = h >= 10 || o >= 10;
  const w2 = (r: number) => sym('w', 2, null, sub(r, i, wide));
  const da = sym('da', 1, j, i);
  const daTex = aligned(da, sumOf(o, (r) => `${w2(r)}\\, ${dz(2, j, r)}`),
    sumOf(o, (r) => `${factor(at(W2, r, i))}${factor(at(dZ2, r, j))}`), num(at(dA1, i, j)));
  const aS = sym('a', 1, j, i);
  const zS = sym('z', 1, j, i);
  const a = at(A1, i, j);
  const z = at(Z1, i, j);
  const slope = derivative(g1, z, a);
  const dzTex = aligned(dz(1, j, i), `${da}\\left(${slopeTex(g1, aS, zS)}\\right)`,
    `${factor(at(dA1, i, j))}\\left(${slopeNumbers(g1, a, z)}\\right)`, num(at(dZ1, i, j)));
  const w = sym('w', 1, null, sub(i, k, n >= 10 || wide));
  const dW = sym('dW', 1, null, sub(i, k, n >= 10 || wide));
  const dWTex = aligned(dW, `\\frac{1}{m}\\sum_{j=1}^{m} ${dz(1, 'j', i)}\\, ${sym('x', null, 'j', k)}`,
    meanOver(m, (t) => `${factor(at(dZ1, i, t))}${factor(at(X, k, t))}`, 2), num(at(dW1, i, k)));
  const dbTex = aligned(sym('db', 1, null, i), `\\frac{1}{m}\\sum_{j=1}^{m} ${dz(1, 'j', i)}`,
    meanOfValues(m, (t) => at(dZ1, i, t)), num(at(db1, i, 0)));

  // Chain rule: ∂L/∂w1_ik = (1/m)·Σ_j ∂Lʲ/∂z2 · ∂z2/∂a1_i · ∂a1_i/∂z1_i · ∂z1_i/∂w1_ik (summed over outputs when o > 1).
  const z2j = sym('z', 2, 'j', o === 1 ? 0 : 'r');
  const a1j = sym('a', 1, 'j', i);
  const z1j = sym('z', 1, 'j', i);
  const Lj = `L^{(${j + 1})}`;
  const upstream = o === 1
    ? `${partial('L^{(j)}', z2j)}\\cdot ${partial(z2j, a1j)}`
    : `\\left(\\sum_{r=1}^{${o}} ${partial('L^{(j)}', z2j)}\\, ${partial(z2j, a1j)}\\right)`;
  const def = `${partial('L', w)} = \\frac{1}{m}\\sum_{j=1}^{m} ${upstream}\\cdot ${partial(a1j, z1j)}\\cdot ${partial(z1j, w)}`;
  const x = at(X, k, j);
  const upstreamRows: Row[] = o === 1
    ? [
      [partial(Lj, sym('z', 2, j, 0)), `${dz(2, j, 0)} = ${num(at(dZ2, 0, j))}`],
      [partial(sym('z', 2, j, 0), aS), `${w2(0)} = ${num(at(W2, 0, i))}`],
    ]
    : [[partial(Lj, aS), `${da} = ${num(at(dA1, i, j))}`]];
  const factors = rows([
    ...upstreamRows,
    [partial(aS, zS), `${slopeTex(g1, aS, zS)} = ${slopeNumbers(g1, a, z)} = ${num(slope)}`],
    [partial(zS, w), `${sym('x', null, j, k)} = ${num(x)}`],
  ]);
  const upstreamFactors = o === 1 ? `${factor(at(dZ2, 0, j))}${factor(at(W2, 0, i))}` : factor(at(dA1, i, j));
  const sampleTex = `${partial(Lj, w)} = ${upstreamFactors}${factor(slope)}${factor(x)} = ${num(at(dZ1, i, j) * x)}`;
  const avgTex = aligned(partial('L', w), `\\frac{1}{m}\\sum_{j=1}^{m} ${partial('L^{(j)}', w)}`,
    meanOfValues(m, (t) => at(dZ1, i, t) * at(X, k, t)), `${dW} = ${num(at(dW1, i, k))}`);

  const weight = `W1[${i}][${k}]`;
  const params = { sample: j + 1, neuron: i + 1, input: k + 1, weight, m };
  return [
    { id: 'symbolic', lines: [{ id: 'bh.matrix', tex: matrix }, { id: 'bh.shapes', tex: shapes, params }] },
    {
      id: 'numbers', params,
      lines: [
        { id: 'bh.da', tex: daTex, params }, { id: 'bh.dz', tex: dzTex, params },
        { id: 'bh.dW', tex: dWTex, params }, { id: 'bh.db', tex: dbTex, params },
      ],
    },
    {
      id: 'chain', params,
      lines: [
        { id: 'bh.chain.def', tex: def, params },
        { id: 'bh.chain.factors', tex: factors, params },
        { id: 'bh.chain.sample', tex: sampleTex, params },
        { id: 'bh.chain.avg', tex: avgTex, params },
      ],
    },
  ];
}
