/**
 * Which matrices each phase touches, laid out as equations of heatmaps (`W1 · X + b1 = Z1`).
 * Pure: a Session in, a list of equations out; the component draws them.
 */
import {
  resolveOptimizerSpec,
  type Activation, type LossKind, type Matrix, type PhaseId, type Session,
} from '../../engine/index';
import { formatValue } from '../../viz/color';

/** A heatmap in an equation. `name` is the math symbol; `isNew` marks next-iteration parameters. */
export interface MatrixTerm {
  readonly kind: 'matrix';
  readonly name: string;
  readonly matrix: Matrix;
  /** Columns are the batch's samples (X, Y, Z1, A1, …), so the focused sample's column is marked. */
  readonly samples: boolean;
  readonly isNew?: boolean;
}

/** Text between heatmaps: an operator, a bracket, a scalar. */
export interface OpTerm {
  readonly kind: 'op';
  readonly text: string;
}

export type Term = MatrixTerm | OpTerm;

export interface Equation {
  /** Stable within a phase, so heatmaps stay mounted across iterations. */
  readonly id: string;
  readonly terms: readonly Term[];
  /** The formula in words when the terms alone don't say it (the loss, dZ2). */
  readonly formula?: string;
}

const SAMPLE_MATRICES = new Set(['X', 'Y', 'Z1', 'A1', 'Z2', 'A2', 'ℓ', 'dZ2', 'dA1', 'dZ1']);

const op = (text: string): OpTerm => ({ kind: 'op', text });

function mat(name: string, matrix: Matrix | undefined | null, isNew = false): MatrixTerm {
  if (!matrix) throw new Error(`${name} is missing from the session`);
  return { kind: 'matrix', name, matrix, samples: !isNew && SAMPLE_MATRICES.has(name), isNew };
}

/** The activation's name as written in a formula. */
export function activationSymbol(g: Activation): string {
  return { tanh: 'tanh', sigmoid: 'σ', relu: 'ReLU', linear: 'linear', softmax: 'softmax' }[g];
}

/**
 * The per-sample loss ℓ, whose mean is L: bce −(y·log a + (1−y)·log(1−a)) with each log
 * clamped at −100 (as nn.BCELoss), mse (a − y)², both o × m; ce −Σₖ y·log a over each column
 * (its true class's −log a, clamped alike), 1 × m.
 */
export function lossRow(kind: LossKind, A2: Matrix, Y: Matrix): Matrix {
  if (kind === 'ce') {
    const m = A2.cols;
    const data = new Float64Array(m);
    for (let k = 0; k < A2.data.length; k++) if (Y.data[k] === 1) data[k % m] = -Math.max(Math.log(A2.data[k]), -100);
    return { rows: 1, cols: m, data };
  }
  const data = new Float64Array(A2.data.length);
  for (let k = 0; k < data.length; k++) {
    const a = A2.data[k];
    const y = Y.data[k];
    data[k] = kind === 'bce'
      ? -(y * Math.max(Math.log(a), -100) + (1 - y) * Math.max(Math.log(1 - a), -100))
      : (a - y) * (a - y);
  }
  return { rows: A2.rows, cols: A2.cols, data };
}

const LOSS_ROWS = new WeakMap<Matrix, Matrix>();

/** lossRow memoised per A2 (engine matrices never change, and A2 fixes its batch's Y). */
function cachedLossRow(kind: LossKind, A2: Matrix, Y: Matrix): Matrix {
  const hit = LOSS_ROWS.get(A2);
  if (hit) return hit;
  const row = lossRow(kind, A2, Y);
  LOSS_ROWS.set(A2, row);
  return row;
}

function dZ2Formula(loss: LossKind, g2: Activation, o: number): string {
  const perO = o === 1 ? '' : ` / ${o}`;
  if (loss === 'ce') return 'dZ2 = A2 − Y';
  if (loss === 'bce') return `dZ2 = (A2 − Y)${perO}`;
  return `dZ2 = 2·(A2 − Y) ⊙ ${activationSymbol(g2)}′(Z2)${perO}`;
}

/** dZ1 = dA1 ⊙ g1′(Z1), written with the activation's derivative. */
function dZ1Terms(s: Session): Term[] {
  const { dA1, dZ1 } = s.grads;
  const { Z1, A1 } = s.cache;
  switch (s.setup.config.hiddenActivation) {
    case 'tanh':
      return [mat('dA1', dA1), op('⊙ (1 −'), mat('A1', A1), op('²) ='), mat('dZ1', dZ1)];
    case 'sigmoid':
      return [mat('dA1', dA1), op('⊙'), mat('A1', A1), op('⊙ (1 − A1) ='), mat('dZ1', dZ1)];
    case 'relu':
      return [mat('dA1', dA1), op('⊙ ('), mat('Z1', Z1), op('> 0) ='), mat('dZ1', dZ1)];
    case 'linear':
      return [mat('dA1', dA1), op('='), mat('dZ1', dZ1)];
    case 'softmax':
      throw new Error('softmax is an output activation only');
  }
}

function updateEquations(s: Session): Equation[] {
  const spec = resolveOptimizerSpec(s.setup.optimizer);
  const next = s.next?.params;
  const plain = spec.kind === 'sgd' && spec.momentum === 0 && spec.weightDecay === 0;
  const label = { sgd: 'SGD', rmsprop: 'RMSprop', adam: 'Adam' }[spec.kind];
  return (['W1', 'b1', 'W2', 'b2'] as const).map((p) => {
    const before = mat(p, s.params[p]);
    const grad = mat(`d${p}`, s.grads[`d${p}`]);
    const after = mat(p, next?.[p], true);
    const terms = plain
      ? [before, op(`− ${spec.lr} ·`), grad, op('='), after]
      : [before, op(','), grad, op(`→ ${label} →`), after];
    return { id: p, terms };
  });
}

/** The equations of the session's phase, each a row of heatmaps and operators. */
export function phaseEquations(s: Session): Equation[] {
  const { config } = s.setup;
  const { X, Y } = s.batch;
  const { Z1, A1, Z2, A2 } = s.cache;
  const g = s.grads;
  const m = X.cols;
  const perM = op(`1/${m} ·`);
  const phase: PhaseId = s.phase;
  switch (phase) {
    case 'forward-hidden':
      return [
        { id: 'Z1', terms: [mat('W1', s.params.W1), op('·'), mat('X', X), op('+'), mat('b1', s.params.b1), op('='), mat('Z1', Z1)] },
        { id: 'A1', terms: [op(`${activationSymbol(config.hiddenActivation)}(`), mat('Z1', Z1), op(') ='), mat('A1', A1)] },
      ];
    case 'forward-output':
      return [
        { id: 'Z2', terms: [mat('W2', s.params.W2), op('·'), mat('A1', A1), op('+'), mat('b2', s.params.b2), op('='), mat('Z2', Z2)] },
        { id: 'A2', terms: [op(`${activationSymbol(config.outputActivation)}(`), mat('Z2', Z2), op(') ='), mat('A2', A2)] },
      ];
    case 'loss': {
      const a2 = mat('A2', A2);
      const formula = { bce: 'ℓ = −(Y·log A2 + (1 − Y)·log(1 − A2))', mse: 'ℓ = (A2 − Y)²', ce: 'ℓ = −Σₖ Y·log A2 (one number per sample: −log of its true class’s probability)' }[config.loss];
      const L = s.loss === null ? '' : `L = mean(ℓ) = ${formatValue(s.loss)}`;
      return [
        { id: 'loss', formula, terms: [a2, op(','), mat('Y', Y), op('→'), mat('ℓ', cachedLossRow(config.loss, a2.matrix, Y)), op(L)] },
      ];
    }
    case 'backward-output': {
      const exact = config.loss === 'ce' || (config.loss === 'bce' && config.outputSize === 1);
      return [
        { id: 'dZ2', formula: dZ2Formula(config.loss, config.outputActivation, config.outputSize), terms: [mat('A2', A2), op(exact ? '−' : ','), mat('Y', Y), op(exact ? '=' : '→'), mat('dZ2', g.dZ2)] },
        { id: 'dW2', terms: [perM, mat('dZ2', g.dZ2), op('·'), mat('A1', A1), op('ᵀ ='), mat('dW2', g.dW2)] },
        { id: 'db2', terms: [perM, op('Σ'), mat('dZ2', g.dZ2), op('='), mat('db2', g.db2)] },
      ];
    }
    case 'backward-hidden':
      return [
        { id: 'dA1', terms: [mat('W2', s.params.W2), op('ᵀ ·'), mat('dZ2', g.dZ2), op('='), mat('dA1', g.dA1)] },
        { id: 'dZ1', terms: dZ1Terms(s) },
        { id: 'dW1', terms: [perM, mat('dZ1', g.dZ1), op('·'), mat('X', X), op('ᵀ ='), mat('dW1', g.dW1)] },
        { id: 'db1', terms: [perM, op('Σ'), mat('dZ1', g.dZ1), op('='), mat('db1', g.db1)] },
      ];
    case 'update':
      return updateEquations(s);
  }
}
