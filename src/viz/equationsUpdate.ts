/**
 * The update phase's equations: the configured optimizer's rule (as torch.optim computes it),
 * its hyperparameters and step t, then the focused weights' old value, moment buffers and new value.
 */
import { resolveOptimizerSpec, type Params, type ResolvedOptimizerSpec, type Session } from '../engine/index';
import { factor, hyper, need, num, pnum, rows, squared, sub, sym, type EquationFocus, type EquationLine, type EquationSection, type EquationSizes, type Row } from './equationsTex';

type WeightName = 'W1' | 'W2';

const OPTIMIZER_NAMES = { sgd: 'SGD', rmsprop: 'RMSprop', adam: 'Adam' } as const;

/** A configured constant in parentheses, as typed: (0.9). */
const constant = (v: number) => `\\left(${hyper(v)}\\right)`;

/** The optimizer's rule, elementwise for each parameter W ∈ {W1, b1, W2, b2}; G is dW (plus λW with weight decay). */
function ruleTex(spec: ResolvedOptimizerSpec, t: number): string {
  const decay: Row[] = spec.weightDecay > 0 ? [['G', 'dW + \\lambda W']] : [];
  const G = spec.weightDecay > 0 ? 'G' : 'dW';
  switch (spec.kind) {
    case 'sgd':
      if (spec.momentum === 0) return rows([...decay, ['W', `W - \\alpha\\, ${G}`, ':=']]);
      return rows([...decay, ['V_t', t === 1 ? `${G} \\quad (t = 1)` : `\\mu V_{t-1} + ${G}`], ['W', 'W - \\alpha\\, V_t', ':=']]);
    case 'rmsprop':
      return rows([
        ...decay,
        ['S_t', `\\rho\\, S_{t-1} + (1 - \\rho)\\, ${squared(G)}`],
        ...(spec.momentum > 0
          ? [['B_t', `\\mu B_{t-1} + \\frac{${G}}{\\sqrt{S_t} + \\epsilon}`], ['W', 'W - \\alpha\\, B_t', ':=']] as Row[]
          : [['W', `W - \\alpha \\frac{${G}}{\\sqrt{S_t} + \\epsilon}`, ':=']] as Row[]),
      ]);
    case 'adam':
      return rows([
        ...decay,
        ['M_t', `\\beta_1 M_{t-1} + (1 - \\beta_1)\\, ${G}`],
        ['V_t', `\\beta_2 V_{t-1} + (1 - \\beta_2)\\, ${squared(G)}`],
        ['\\hat M_t', '\\frac{M_t}{1 - \\beta_1^{\\,t}}, \\quad \\hat V_t = \\frac{V_t}{1 - \\beta_2^{\\,t}}'],
        ['W', 'W - \\alpha \\frac{\\hat M_t}{\\sqrt{\\hat V_t} + \\epsilon}', ':='],
      ]);
  }
}

/** α = lr and the rule's other constants as configured, and the step t. */
function hyperTex(spec: ResolvedOptimizerSpec, t: number): string {
  const parts = [`\\alpha = ${hyper(spec.lr)}`];
  if (spec.kind === 'sgd' && spec.momentum > 0) parts.push(`\\mu = ${hyper(spec.momentum)}`);
  if (spec.kind === 'rmsprop') {
    parts.push(`\\rho = ${hyper(spec.alpha)}`, `\\epsilon = ${hyper(spec.eps)}`);
    if (spec.momentum > 0) parts.push(`\\mu = ${hyper(spec.momentum)}`);
  }
  if (spec.kind === 'adam') parts.push(`\\beta_1 = ${hyper(spec.beta1)}`, `\\beta_2 = ${hyper(spec.beta2)}`, `\\epsilon = ${hyper(spec.eps)}`);
  if (spec.weightDecay > 0) parts.push(`\\lambda = ${hyper(spec.weightDecay)}`);
  parts.push(`t = ${t}`);
  return parts.join(',\\quad ');
}

interface WeightRef {
  readonly name: WeightName;
  readonly row: number;
  readonly col: number;
}

/** One focused weight's step with numbers: gradient, the buffers before and after, old − step = new. */
function weightTex(s: Session, spec: ResolvedOptimizerSpec, ref: WeightRef, wide: boolean): string {
  const next = need(s.next, 'next');
  const layer = ref.name === 'W1' ? 1 : 2;
  const grads = ref.name === 'W1' ? need(s.grads.dW1, 'dW1') : need(s.grads.dW2, 'dW2');
  const flat = ref.row * s.params[ref.name].cols + ref.col;
  const index = sub(ref.row, ref.col, wide);
  const w = sym('w', layer, null, index);
  const dw = sym('dW', layer, null, index);
  const old = s.params[ref.name].data[flat];
  const dW = grads.data[flat];
  const updated = next.params[ref.name].data[flat];
  const before = (buffer: string) => bufferAt(s.optimizerState.buffers[buffer], ref.name, flat);
  const after = (buffer: string) => bufferAt(next.optimizerState.buffers[buffer], ref.name, flat);
  const t = next.optimizerState.step;
  const lines: Row[] = [];
  /** lhs = symbolic on one row, then = numbers = value on the next, so each row stays short. */
  const define = (lhs: string, symbolic: string, numbers: string, value: number, relation = '=') => {
    lines.push([lhs, symbolic, relation], ['', `${numbers} = ${num(value)}`]);
  };
  const g = spec.weightDecay > 0 ? dW + spec.weightDecay * old : dW;
  const G = spec.weightDecay > 0 ? 'g' : dw;
  if (spec.weightDecay > 0) define('g', `${dw} + \\lambda ${w}`, `${pnum(dW)} + ${constant(spec.weightDecay)}${factor(old)}`, g);
  const lr = constant(spec.lr);
  const step = (rule: string, numbers: string) => define(w, `${w} - ${rule}`, `${pnum(old)} - ${numbers}`, updated, ':=');
  switch (spec.kind) {
    case 'sgd':
      if (spec.momentum === 0) {
        step(`\\alpha\\, ${G}`, `${lr}${factor(g)}`);
      } else {
        const v = after('momentum_buffer');
        if (t === 1) lines.push(['v_t', `${G} = ${num(v)}`]);
        else define('v_t', `\\mu\\, v_{t-1} + ${G}`, `${constant(spec.momentum)}${factor(before('momentum_buffer'))} + ${pnum(g)}`, v);
        step('\\alpha\\, v_t', `${lr}${factor(v)}`);
      }
      break;
    case 'rmsprop': {
      const sq = after('square_avg');
      define('s_t', `\\rho\\, s_{t-1} + (1 - \\rho)\\, ${squared(G)}`,
        `${constant(spec.alpha)}${factor(before('square_avg'))} + \\left(1 - ${hyper(spec.alpha)}\\right)${factor(g)}^2`, sq);
      const ratio = `\\frac{${num(g)}}{\\sqrt{${num(sq)}} + ${hyper(spec.eps)}}`;
      if (spec.momentum > 0) {
        const b = after('momentum_buffer');
        define('b_t', `\\mu\\, b_{t-1} + \\frac{${G}}{\\sqrt{s_t} + \\epsilon}`, `${constant(spec.momentum)}${factor(before('momentum_buffer'))} + ${ratio}`, b);
        step('\\alpha\\, b_t', `${lr}${factor(b)}`);
      } else {
        step(`\\alpha \\frac{${G}}{\\sqrt{s_t} + \\epsilon}`, `${lr}${ratio}`);
      }
      break;
    }
    case 'adam': {
      const m1 = after('exp_avg');
      const v1 = after('exp_avg_sq');
      const mHat = m1 / (1 - spec.beta1 ** t);
      const vHat = v1 / (1 - spec.beta2 ** t);
      define('m_t', `\\beta_1 m_{t-1} + (1 - \\beta_1)\\, ${G}`,
        `${constant(spec.beta1)}${factor(before('exp_avg'))} + \\left(1 - ${hyper(spec.beta1)}\\right)${factor(g)}`, m1);
      define('v_t', `\\beta_2 v_{t-1} + (1 - \\beta_2)\\, ${squared(G)}`,
        `${constant(spec.beta2)}${factor(before('exp_avg_sq'))} + \\left(1 - ${hyper(spec.beta2)}\\right)${factor(g)}^2`, v1);
      lines.push(['\\hat m_t', `\\frac{m_t}{1 - \\beta_1^{\\,t}} = \\frac{${num(m1)}}{1 - ${hyper(spec.beta1)}^{${t}}} = ${num(mHat)}`]);
      lines.push(['\\hat v_t', `\\frac{v_t}{1 - \\beta_2^{\\,t}} = \\frac{${num(v1)}}{1 - ${hyper(spec.beta2)}^{${t}}} = ${num(vHat)}`]);
      step('\\alpha \\frac{\\hat m_t}{\\sqrt{\\hat v_t} + \\epsilon}', `${lr}\\frac{${num(mHat)}}{\\sqrt{${num(vHat)}} + ${hyper(spec.eps)}}`);
      break;
    }
  }
  lines.push([`\\Delta ${w}`, `${num(updated - old)}`]);
  return rows(lines);
}

function bufferAt(buffer: Params | undefined, name: WeightName, flat: number): number {
  return need(buffer, `optimizer buffer for ${name}`)[name].data[flat];
}

/** update: the optimizer's rule and constants, then the focused W1[i][k] and W2[r][i] stepped with numbers. */
export function updateEquations(s: Session, f: EquationFocus, sizes: EquationSizes): EquationSection[] {
  const spec = resolveOptimizerSpec(s.setup.optimizer);
  const t = need(s.next, 'next').optimizerState.step;
  const { n, h, o } = sizes;
  const refs: WeightRef[] = [
    { name: 'W1', row: f.hidden, col: f.input },
    { name: 'W2', row: f.output, col: f.hidden },
  ];
  const lines: EquationLine[] = refs.map((ref) => ({
    id: 'up.weight',
    tex: weightTex(s, spec, ref, ref.name === 'W1' ? n >= 10 || h >= 10 : h >= 10 || o >= 10),
    params: { weight: `${ref.name}[${ref.row}][${ref.col}]` },
  }));
  return [
    {
      id: 'rule',
      lines: [
        { id: 'up.rule', tex: ruleTex(spec, t), params: { optimizer: OPTIMIZER_NAMES[spec.kind] } },
        { id: 'up.hyper', tex: hyperTex(spec, t), params: { t } },
      ],
    },
    { id: 'update', lines, params: { t } },
  ];
}
