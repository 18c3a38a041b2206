/** The lesson slice driven through its actions: steps apply their recipes, answers are checked, progress is kept. */
import { describe, expect, it } from 'vitest';
import { createAppStore, selectSession } from '../../src/store/index';
import { lessonById } from '../../src/lessons/index';
import tutorial from '../fixtures/tutorial.json';

const lesson = lessonById('one-iteration')!;
const costStep = lesson.steps.findIndex((s) => s.question?.kind === 'number' && s.question.answer === 'loss@loss');

describe('following a lesson', () => {
  it('moves the studio to each step\'s state, with its focus and emphasis', () => {
    const store = createAppStore();
    store.getState().startLesson(lesson);
    const s = () => store.getState();
    expect(s().lessonRun?.step).toBe(0);
    s().goToStep(2);
    const step = lesson.steps[2];
    expect([selectSession(s()).iteration, selectSession(s()).phase]).toEqual([step.iteration, step.phase]);
    expect(s().focusNeuron).toEqual({ layer: step.neuron![0], index: step.neuron![1] });
    expect(s().emphasis).toEqual(step.emphasis);
    s().nextStep();
    s().prevStep();
    expect(s().lessonRun?.step).toBe(2);
    // The studio's own keys still work inside a lesson; the lesson stays where it is.
    s().stepForward();
    expect(s().lessonRun?.step).toBe(2);
    s().leaveLesson();
    expect(s().lessonRun).toBeNull();
    expect(s().emphasis).toEqual([]);
    expect(s().highlight).toBeNull();
  });

  it('checks answers against the engine, counts first tries, and remembers progress', () => {
    const store = createAppStore();
    const s = () => store.getState();
    s().startLesson(lesson, costStep);
    const wrong = s().answerQuestion({ kind: 'number', value: Math.log(0.5) });
    expect(wrong).toMatchObject({ isCorrect: false, mistake: 'named' });
    const right = s().answerQuestion({ kind: 'number', value: tutorial.iteration0.cost * 1.01 });
    expect(right).toEqual({ isCorrect: true });
    expect(s().lessonRun?.answers[costStep]).toMatchObject({ attempts: 2, isCorrect: true, isFirstTryCorrect: false });
    s().goToStep(costStep + 1);
    expect(s().answerQuestion({ kind: 'sign', sign: tutorial.iteration0.dZ2[0][0] > 0 ? 'positive' : 'negative' })).toEqual({ isCorrect: true });
    expect(s().lessonProgress[lesson.id]).toEqual({ step: costStep + 1, isFinished: false, firstTry: [costStep + 1] });
    s().goToStep(lesson.steps.length);
    expect(s().lessonProgress[lesson.id].isFinished).toBe(true);
  });

  it('a revealed answer does not count as right at the first try', () => {
    const store = createAppStore();
    const s = () => store.getState();
    s().startLesson(lesson, costStep);
    s().revealAnswer();
    s().answerQuestion({ kind: 'number', value: tutorial.iteration0.cost });
    expect(s().lessonRun?.answers[costStep]).toMatchObject({ isRevealed: true, isFirstTryCorrect: false, isCorrect: true });
  });
});
