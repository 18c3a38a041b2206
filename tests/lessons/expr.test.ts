/** The lesson expression language, evaluated on the engine's sessions and checked against NumPy's numbers. */
import { describe, expect, it } from 'vitest';
import { ExprError, evaluateExpr, parseExpr } from '../../src/lessons/expr';
import { fillTemplate, resolverFor, valueOf } from '../../src/lessons/evaluate';
import { createAppStore } from '../../src/store/index';
import { sessionAt } from '../../src/store/timeline';
import type { PhaseId } from '../../src/engine/index';
import tutorial from '../fixtures/tutorial.json';

/** A resolver at iteration 0 of the tutorial, at `phase`, with `sample` focused. */
function tutorialAt(phase: PhaseId, sample = 0) {
  const t = createAppStore().getState().timeline;
  return resolverFor((p) => sessionAt(t, 0, p ?? phase), sample);
}

describe('lesson expressions', () => {
  it('read entries, the focused sample, other phases and next parameters as NumPy has them', () => {
    const r = tutorialAt('update', 7);
    const i0 = tutorial.iteration0;
    expect(valueOf('W1[2][1]', r)).toBe(tutorial.initialParams.W1[2][1]);
    expect(valueOf('Z1[3][s]', r)).toBeCloseTo(i0.Z1[3][7], 15);
    expect(valueOf('A2[0][s]@forward-output', r)).toBeCloseTo(i0.A2[0][7], 15);
    expect(valueOf('loss@loss', r)).toBeCloseTo(i0.cost, 14);
    expect(valueOf('dW1[1][0]', r)).toBeCloseTo(i0.dW1[1][0], 15);
    expect(valueOf('next.W2[0][3]', r)).toBeCloseTo(tutorial.paramsAfterOneUpdate.W2[0][3], 15);
    expect(valueOf('mean(dZ2)', r)).toBeCloseTo(i0.db2[0][0], 15);
    expect(valueOf('sum(dZ2) / m', r)).toBeCloseTo(i0.db2[0][0], 15);
    expect(valueOf('lr', r)).toBe(tutorial.learningRate);
    expect(valueOf('W1[0][0] - lr * dW1[0][0] == next.W1[0][0]', r)).toBe(1);
  });

  it('follows arithmetic precedence, powers from the right, and functions', () => {
    const r = tutorialAt('forward-hidden');
    expect(valueOf('1 + 2 * 3 ^ 2', r)).toBe(19);
    expect(valueOf('2 ^ 3 ^ 2', r)).toBe(512);
    expect(valueOf('-(1 - 3) / 4', r)).toBe(0.5);
    expect(valueOf('tanh(Z1[0][0]) == A1[0][0]', r)).toBe(1);
    expect(valueOf('abs(-2) + sqrt(9) + sign(-0.1)', r)).toBe(4);
  });

  it('has no value for what a phase has not computed yet, and says why at parse time for what cannot exist', () => {
    const r = tutorialAt('forward-hidden');
    expect(valueOf('dW1[0][0]', r)).toBeNull();
    expect(valueOf('next.W1[0][0]', r)).toBeNull();
    expect(valueOf('W1[9][0]', r)).toBeNull();
    expect(() => parseExpr('Q1[0][0]')).toThrow(/"Q1" is not a matrix/);
    expect(() => parseExpr('next.Z1[0][0]')).toThrow(/only parameters have a next value/);
    expect(() => parseExpr('W1[0][0]@later')).toThrow(/not a phase/);
    expect(() => parseExpr('W1[0][x]')).toThrow(ExprError);
    expect(() => parseExpr('1 +')).toThrow(/ends too early/);
    expect(() => parseExpr('1 2')).toThrow(/unexpected "2"/);
    expect(() => evaluateExpr(parseExpr('loss'), r)).toThrow(/no value yet/);
  });

  it('fills a template', () => {
    const { parts, values } = fillTemplate('z = {Z1[0][s]}, a = {A1[0][s]}.', tutorialAt('forward-hidden'));
    expect(parts).toEqual(['z = ', ', a = ', '.']);
    expect(values[0]).toBeCloseTo(tutorial.iteration0.Z1[0][0], 15);
    expect(values[1]).toBeCloseTo(tutorial.iteration0.A1[0][0], 15);
  });
});
