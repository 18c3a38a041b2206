import { fail } from './matrix';
import type { Activation } from './types';

export const ACTIVATIONS: readonly Activation[] = ['tanh', 'sigmoid', 'relu', 'linear'];

/** σ(z) = 1/(1+e^−z), written so that neither branch overflows for large |z|. */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** g(z) for one element. */
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
  }
}

/**
 * g'(z) from z and a = g(z), as the seed's code writes it: tanh' = 1 − a², σ' = a(1 − a),
 * relu' = 1 if z > 0 else 0 (0 at exactly 0, as PyTorch), linear' = 1.
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
  }
}

/** Checks `value` names an activation; throws naming `field` otherwise. */
export function checkActivation(field: string, value: unknown): Activation {
  if (!ACTIVATIONS.includes(value as Activation)) fail(field, value, `must be one of ${ACTIVATIONS.join(', ')}`);
  return value as Activation;
}
