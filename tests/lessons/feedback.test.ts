/** Feedback on constructed answers: right, the wrong sign, the factor 1/m, a named mistake (a forgotten derivative). */
import { describe, expect, it } from 'vitest';
import { checkAnswer, parseGuess, rightOption, signOf, truthOf } from '../../src/lessons/feedback';
import type { NumberQuestion, SignQuestion } from '../../src/lessons/types';
import type { Resolver } from '../../src/lessons/expr';

const words = { en: 'x', 'zh-CN': 'x' };
// dz₁ = w₂ · dz₂ · (1 − a₁²) with w₂ = 0.5, dz₂ = −0.2, a₁ = 0.6: −0.1 · 0.64 = −0.064.
const resolver: Resolver = {
  sample: 0,
  matrix: (name) => ({ W2: { rows: 1, cols: 1, data: [0.5] }, dZ2: { rows: 1, cols: 1, data: [-0.2] }, A1: { rows: 1, cols: 1, data: [0.6] }, dZ1: { rows: 1, cols: 1, data: [-0.064] } } as Record<string, { rows: number; cols: number; data: number[] }>)[name] ?? null,
  scalar: (name) => (name === 'm' ? 300 : null),
};
const dz1: NumberQuestion = {
  kind: 'number', prompt: words, explain: words, answer: 'dZ1[0][0]', tolerance: 0.02,
  mistakes: [{ value: 'W2[0][0] * dZ2[0][0]', says: { en: 'forgot tanh′', 'zh-CN': '忘了 tanh′' } }],
};
const truth = truthOf(dz1, resolver, 300);

describe('checkAnswer', () => {
  it('takes a number within the tolerance as right', () => {
    expect(truth.answer).toBe(-0.064);
    expect(checkAnswer(dz1, { kind: 'number', value: -0.0635 }, truth)).toEqual({ isCorrect: true });
    expect(checkAnswer(dz1, { kind: 'number', value: -0.06 }, truth).isCorrect).toBe(false);
  });
  it('names the wrong sign, with the gap', () => {
    expect(checkAnswer(dz1, { kind: 'number', value: 0.064 }, truth)).toEqual({ isCorrect: false, mistake: 'sign', gap: 0.128 });
  });
  it('names the factor 1/m (a sum instead of the mean, or one sample\'s value divided again)', () => {
    expect(checkAnswer(dz1, { kind: 'number', value: -0.064 * 300 }, truth)).toMatchObject({ isCorrect: false, mistake: 'factor-m' });
    expect(checkAnswer(dz1, { kind: 'number', value: -0.064 / 300 }, truth)).toMatchObject({ isCorrect: false, mistake: 'factor-m' });
  });
  it('names a forgotten derivative when the lesson lists it', () => {
    const v = checkAnswer(dz1, { kind: 'number', value: -0.1 }, truth);
    expect(v).toMatchObject({ isCorrect: false, mistake: 'named', named: { says: { en: 'forgot tanh′' } } });
  });
  it('says nothing specific for an answer that matches no usual mistake', () => {
    expect(checkAnswer(dz1, { kind: 'number', value: 3 }, truth)).toMatchObject({ isCorrect: false, mistake: null, gap: 3.064 });
  });
  it('sign questions: right, the opposite sign, and zero', () => {
    const q: SignQuestion = { kind: 'sign', prompt: words, explain: words, answer: 'dZ2[0][0]' };
    const t = truthOf(q, resolver, 300);
    expect(checkAnswer(q, { kind: 'sign', sign: 'negative' }, t)).toEqual({ isCorrect: true });
    expect(checkAnswer(q, { kind: 'sign', sign: 'positive' }, t)).toEqual({ isCorrect: false, mistake: 'sign' });
    expect(checkAnswer(q, { kind: 'sign', sign: 'zero' }, t)).toEqual({ isCorrect: false, mistake: null });
    expect(signOf(1e-13)).toBe('zero');
  });
  it('choice rules pick from the engine\'s values', () => {
    expect(rightOption('largest-magnitude', [0.1, -0.3, 0.2])).toBe(1);
    expect(rightOption('largest', [0.1, -0.3, 0.2])).toBe(2);
    expect(rightOption('smallest', [0.1, -0.3, 0.2])).toBe(1);
    expect(rightOption('true', [0, 1, 0])).toBe(1);
    expect(rightOption('true', [1, 1, 0])).toBeNull();
    expect(rightOption('largest', [1, null])).toBeNull();
  });
});

describe('parseGuess', () => {
  it('reads numbers as learners type them', () => {
    expect(parseGuess('0.52')).toBe(0.52);
    expect(parseGuess(' -1.3e-2 ')).toBe(-0.013);
    expect(parseGuess('0,52')).toBe(0.52);
    expect(parseGuess('−0.4')).toBe(-0.4);
    expect(parseGuess('.5')).toBe(0.5);
    for (const bad of ['', 'abc', '1/2', '0.5.5', '--1', 'e5']) expect(parseGuess(bad)).toBeNull();
  });
});
