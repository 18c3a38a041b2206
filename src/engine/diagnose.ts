import type { Matrix } from './types';
import type { Session } from './session';

/** Where a session first stops being finite, in the order the iteration computes things. */
export interface Overflow {
  /** The quantity's ENGINE.md name: W1 … b2, Z1, A1, Z2, A2, loss, dZ2 … db1. */
  readonly quantity: string;
  /** Its first non-finite entry: Infinity, −Infinity or NaN. */
  readonly value: number;
  /** The largest finite |entry| of the parameters, to show how far they grew. */
  readonly largestWeight: number;
}

/** The first quantity of the session (parameters, then its phases in order) holding a non-finite value, or null. */
export function findOverflow(s: Session): Overflow | null {
  const { W1, b1, W2, b2 } = s.params;
  const { Z1, A1, Z2, A2 } = s.cache;
  const { dZ2, dW2, db2, dA1, dZ1, dW1, db1 } = s.grads;
  const ordered: [string, Matrix | undefined][] = [
    ['W1', W1], ['b1', b1], ['W2', W2], ['b2', b2], ['Z1', Z1], ['A1', A1], ['Z2', Z2], ['A2', A2],
  ];
  let largestWeight = 0;
  for (const m of [W1, b1, W2, b2]) for (const v of m.data) if (Number.isFinite(v)) largestWeight = Math.max(largestWeight, Math.abs(v));
  const found = (quantity: string, value: number): Overflow => ({ quantity, value, largestWeight });
  for (const [name, m] of ordered) {
    const bad = m?.data.find((v) => !Number.isFinite(v));
    if (bad !== undefined) return found(name, bad);
  }
  if (s.loss !== null && !Number.isFinite(s.loss)) return found('loss', s.loss);
  for (const [name, m] of [['dZ2', dZ2], ['dW2', dW2], ['db2', db2], ['dA1', dA1], ['dZ1', dZ1], ['dW1', dW1], ['db1', db1]] as const) {
    const bad = m?.data.find((v) => !Number.isFinite(v));
    if (bad !== undefined) return found(name, bad);
  }
  return null;
}
