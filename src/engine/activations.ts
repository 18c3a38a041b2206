import { fail } from './matrix';
import type { Activation } from './types';

/** The element-wise activations: any of them may be the hidden layer's (or the output's). */
export const ACTIVATIONS: readonly Activation[] = ['tanh', 'sigmoid', 'relu', 'linear'];

/** Every output activation: the element-wise ones and softmax, which normalises each column. */
export const OUTPUT_ACTIVATIONS: readonly Activation[] = [...ACTIVATIONS, 'softmax'];

/** σ(z) = 1/(1+e^−z), written so that neither branch overflows for large |z|. */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** Why softmax has no element formula: each output depends on its whole column of Z2. */
function columnWise(): never {
  return fail('activation', 'softmax', 'is computed over a whole column of Z2 (forward), not one element at a time');
}

/** g(z) for one element. Throws for softmax, which needs the whole column. */
export function activate(g: Activation, z: number): number {
  switch (g) {
    case 'tanh':
      return Math.tanh(z);
    case 'sigmoid':
      return sigmoid(z);
    case 'relu':
      return z > 0 ? z : 0;
    case 'linear':
      return z;
    case 'softmax':
      return columnWise();
  }
}

/**
 * g'(z) from z and a = g(z), as the seed's code writes it: tanh' = 1 − a², σ' = a(1 − a),
 * relu' = 1 if z > 0 else 0 (0 at exactly 0, as PyTorch), linear' = 1. Throws for softmax,
 * whose derivative is a K×K Jacobian per column (with cross-entropy it collapses into A2 − Y).
 */
export function derivative(g: Activation, z: number, a: number): number {
  switch (g) {
    case 'tanh':
      return 1 - a * a;
    case 'sigmoid':
      return a * (1 - a);
    case 'relu':
      return z > 0 ? 1 : 0;
    case 'linear':
      return 1;
    case 'softmax':
      return columnWise();
  }
}

/** Checks `value` is one of `allowed` (default: the element-wise activations); throws naming `field` otherwise. */
export function checkActivation(field: string, value: unknown, allowed: readonly Activation[] = ACTIVATIONS): Activation {
  if (!allowed.includes(value as Activation)) {
    const why = value === 'softmax' ? ' (softmax is for the output layer only)' : '';
    fail(field, value, `must be one of ${allowed.join(', ')}${why}`);
  }
  return value as Activation;
}
