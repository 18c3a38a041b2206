/**
 * Lessons 2-5 against NumPy and PyTorch (tests/fixtures/lessons.json, written by
 * generate_lessons.py): each question's answer is the reference number, and what the text claims
 * about the numbers holds — the five factors multiply to sample 1's gradient, the gradient check's
 * rounding estimate bounds the real relative error, the loss overflows while the outputs do not,
 * Adam ends lower than SGD at ten times the rate, one tanh neuron or eight linear ones fail on XOR.
 */
import { describe, expect, it } from 'vitest';
import { lessonById } from '../../src/lessons/index';
import { valueOf } from '../../src/lessons/evaluate';
import { rightOption, truthOf } from '../../src/lessons/feedback';
import type { Lesson } from '../../src/lessons/types';
import { batchSize, createAppStore, type AppState } from '../../src/store/index';
import { stepResolver } from '../../src/store/index';
import reference from '../fixtures/lessons.json';

/** A lesson's step by its English title, opened in a fresh store. */
function open(id: string, title: string) {
  const lesson = lessonById(id) as Lesson;
  const k = lesson.steps.findIndex((s) => s.title.en === title);
  expect(k, `${id} has a step "${title}"`).toBeGreaterThanOrEqual(0);
  const store = createAppStore();
  store.getState().startLesson(lesson, k);
  const state: AppState = store.getState();
  const r = stepResolver(state, state.lessonRun!);
  const question = lesson.steps[k].question;
  const truth = question ? truthOf(question, r, batchSize(state)) : null;
  return {
    state,
    value: (expr: string) => valueOf(expr, r) as number,
    answer: () => truth?.answer as number,
    rightOption: () => (question?.kind === 'choice' ? rightOption(question.pick, truth!.options) : null),
  };
}

/** Equal to a relative 1e-9: float64 engine and float64 torch, summing in different orders. */
function expectClose(actual: number, expected: number, relative = 1e-9) {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(relative * Math.abs(expected));
}

describe('the chain rule for one weight', () => {
  const ref = reference.chainRule;
  it('asks for NumPy\'s factors, one by one', () => {
    expectClose(open('chain-rule', 'Start at the end: dℓ/da₂').answer(), ref.dlDa2);
    expectClose(open('chain-rule', 'Through the sigmoid').answer(), ref.dz2);
    expectClose(open('chain-rule', 'Why the code says dZ2 = A2 − Y').answer(), ref.dA1[0]);
    expectClose(open('chain-rule', 'The last factor: the input').answer(), (ref.dz1 * ref.x1) / ref.m);
  });

  it('the neuron with the largest |da| and the most saturated tanh are the reference\'s', () => {
    const largest = ref.dA1.reduce((best, v, k) => (Math.abs(v) > Math.abs(ref.dA1[best]) ? k : best), 0);
    expect(open('chain-rule', 'W2ᵀ shares out the blame').rightOption()).toBe(largest);
    const slopes = ref.A1.map((a) => 1 - a * a);
    expect(open('chain-rule', 'Through tanh').rightOption()).toBe(slopes.indexOf(Math.min(...slopes)));
  });

  it('the five factors multiply to sample 1\'s gradient, and the cancellation leaves a₂ − y', () => {
    const step = open('chain-rule', 'The whole chain');
    const dlDa2 = '(-Y[0][s] / A2[0][s] + (1 - Y[0][s]) / (1 - A2[0][s]))';
    const product = step.value(`${dlDa2} * A2[0][s] * (1 - A2[0][s]) * W2[0][0] * (1 - A1[0][s]^2) * X[0][s]`);
    expectClose(product, ref.dz1 * ref.x1);
    expectClose(ref.dz2, ref.a2 - ref.y, 1e-12);
  });

  it('its rounding estimate bounds the central difference\'s real relative error, far below 1', () => {
    const step = open('chain-rule', 'Check it numerically');
    expectClose(step.value('dW1[0][0]'), ref.dW1);
    const estimate = step.value('2.2e-16 * loss / 0.00001 / abs(dW1[0][0])');
    expect(ref.relativeError).toBeLessThanOrEqual(estimate);
    expect(estimate).toBeLessThan(1e-5);
  });
});

describe('learning rates and optimizers', () => {
  const ref = reference.learningRates;
  it('SGD at the tutorial\'s rate: the first step is lr × gradient, and 1000 iterations barely leave log 2', () => {
    expectClose(open('learning-rates', 'The step is lr × gradient').answer(), ref.sgdFirstStepW2);
    const crawl = open('learning-rates', 'The tutorial\'s rate: a crawl');
    expectClose(crawl.value('loss'), ref.sgdLossAt1000);
    expect(Math.abs(ref.sgdLossAt1000 - Math.log(2))).toBeLessThan(0.01 * Math.log(2));
  });

  it('ten times the rate learns the circle; Adam at the tutorial\'s rate ends lower still', () => {
    const fast = open('learning-rates', 'Ten times the rate');
    expectClose(fast.value('loss@loss'), ref.fastLossAt1000);
    expect(fast.rightOption()).toBe(2);
    expect(ref.fastLossAt1000).toBeLessThan(0.1);
    const adam = open('learning-rates', 'SGD against Adam');
    expectClose(adam.value('loss@loss'), ref.adamLossAt1000);
    expect(adam.rightOption()).toBe(2);
    expect(ref.adamLossAt1000).toBeLessThan(ref.fastLossAt1000);
    expectClose(open('learning-rates', 'Adam: a step per weight').answer(), ref.adamFirstStepW1);
  });

  it('at a hundred times the PyTorch example\'s rate a step overshoots the weight, and the loss grows to overflow', () => {
    const overshoot = open('learning-rates', 'Too far: overshooting');
    expectClose(overshoot.value('W2[0][0]'), ref.divergeW2At1);
    expectClose(overshoot.answer(), ref.divergeW2After1);
    expect(Math.abs(ref.divergeW2After1 - ref.divergeW2At1)).toBeGreaterThan(Math.abs(ref.divergeW2At1));
    expectClose(open('learning-rates', 'Each step worse than the last').value('loss'), ref.divergeLosses[6], 1e-6);
    expect(open('learning-rates', 'Predict the next loss').rightOption()).toBe(1);
    expect(ref.divergeLossAt7).toBeNull();
  });

  it('what overflowed is the loss: outputs and weights are still finite, and the studio\'s notice names the loss', () => {
    const step = open('learning-rates', 'What overflowed');
    expectClose(step.value('maxabs(A2)'), ref.divergeMaxAbsA2At7, 1e-6);
    expectClose(step.value('maxabs(W1)'), ref.divergeMaxAbsW1At7, 1e-6);
    expect(step.state.notice).toMatchObject({ code: 'diverged', params: { iteration: 7, quantity: 'loss' } });
  });
});

describe('from NumPy to PyTorch', () => {
  const ref = reference.numpyToPytorch;
  it('asks for what torch computes: nn.Linear\'s parameters, the squared error, dz₂, a ReLU that is off', () => {
    const linear = open('numpy-to-pytorch', 'nn.Linear is W and b');
    expect(linear.answer()).toBe(ref.linearParameters);
    expectClose(linear.value('Z1[0][s]'), ref.Z1);
    const forward = open('numpy-to-pytorch', 'model(X_t) is forward propagation');
    expectClose(forward.answer(), (ref.a2 - ref.y) ** 2);
    expectClose(forward.value('loss@loss'), ref.loss);
    expectClose(open('numpy-to-pytorch', 'loss.backward() is backpropagation').answer(), ref.dz2);
    expect(open('numpy-to-pytorch', 'Through ReLU').answer()).toBe(0);
  });

  it('the loss at iteration 2000 is the one the PyTorch code prints', () => {
    expectClose(open('numpy-to-pytorch', 'The training loop').value('loss'), ref.lossAt2000, 1e-8);
  });
});

describe('why a hidden layer? XOR', () => {
  const ref = reference.xorHiddenLayer;
  it('one tanh neuron beats guessing but does not solve it; eight linear neurons only guess; eight tanh neurons solve it', () => {
    const one = open('xor-hidden-layer', 'One neuron, 1000 iterations');
    expectClose(one.value('loss@loss'), ref.oneTanhAt1000, 1e-8);
    expect(one.rightOption()).toBe(1);
    const linear = open('xor-hidden-layer', 'Eight neurons, no bend');
    expectClose(linear.value('loss@loss'), ref.linearAt1000, 1e-8);
    expect(linear.rightOption()).toBe(0);
    const eight = open('xor-hidden-layer', 'Eight bends');
    expectClose(eight.value('loss@loss'), ref.tanhAt200, 1e-8);
    expect(eight.rightOption()).toBe(2);
    expectClose(open('xor-hidden-layer', 'Each hidden neuron is a line').answer(), ref.tanhCornerZAt200, 1e-8);
    expectClose(open('xor-hidden-layer', 'Why hidden layers').value('loss'), ref.tanhAt1000, 1e-8);
  });
});
