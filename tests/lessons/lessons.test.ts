/**
 * Every built-in lesson: valid, every step's state reachable, every number in its text and every
 * answer computable there — and, for lesson 1, the answers are NumPy's numbers (tutorial fixture).
 */
import { describe, expect, it } from 'vitest';
import { builtInLessons, lessonById } from '../../src/lessons/index';
import { validateLesson } from '../../src/lessons/validate';
import { splitTemplate } from '../../src/lessons/expr';
import { valueOf } from '../../src/lessons/evaluate';
import { rightOption, truthOf } from '../../src/lessons/feedback';
import { stepRecipe } from '../../src/lessons/recipe';
import { batchSize, createAppStore, selectSession, stepResolver, type AppStore } from '../../src/store/index';
import type { Lesson, LessonText } from '../../src/lessons/types';
import tutorial from '../fixtures/tutorial.json';

const LESSONS = builtInLessons();

/** Every template of a step: its text, the question's prompt and explanation, option labels, mistakes' words. */
function templates(step: Lesson['steps'][number]): LessonText[] {
  const q = step.question;
  if (!q) return [step.text];
  const extra = q.kind === 'choice' ? q.options.flatMap((o) => [o.label, ...(o.says ? [o.says] : [])]) : (q.mistakes ?? []).map((m) => m.says);
  return [step.text, q.prompt, q.explain, ...extra];
}

function openStep(lesson: Lesson, k: number): AppStore {
  const store = createAppStore();
  store.getState().startLesson(lesson, k);
  return store;
}

describe('the built-in lessons', () => {
  it('there are at least five, with unique ids, and lesson 1 has ≥ 12 steps and ≥ 4 questions', () => {
    expect(LESSONS.length).toBeGreaterThanOrEqual(5);
    expect(new Set(LESSONS.map((l) => l.id)).size).toBe(LESSONS.length);
    const one = lessonById('one-iteration')!;
    expect(one.steps.length).toBeGreaterThanOrEqual(12);
    expect(one.steps.filter((s) => s.question).length).toBeGreaterThanOrEqual(4);
  });

  describe.each(LESSONS.map((l) => [l.id, l] as const))('%s', (_id, lesson) => {
    it('validates, and at least a third of its steps ask before they show', () => {
      expect(validateLesson(lesson)).toEqual({ ok: true, lesson });
      expect(lesson.steps.filter((s) => s.question).length * 3).toBeGreaterThanOrEqual(lesson.steps.length);
    });

    it.each(lesson.steps.map((s, k) => [k + 1, s.title.en, k] as const))('step %i (%s) reaches its state and computes every number', (_n, _title, k) => {
      const step = lesson.steps[k];
      const store = openStep(lesson, k);
      const state = store.getState();
      const session = selectSession(state);
      expect([session.iteration, session.phase]).toEqual([step.iteration, step.phase]);
      // A step may show divergence on purpose (lesson 3's overflow): then, and only then, the studio says so.
      const isDiverged = session.loss !== null && !Number.isFinite(session.loss);
      expect(isDiverged && state.notice?.code === 'diverged' ? null : state.notice).toBeNull();
      expect(state.config).toEqual(stepRecipe(lesson, step).config ?? state.config);
      const r = stepResolver(state, state.lessonRun!);
      for (const text of templates(step)) {
        for (const locale of ['en', 'zh-CN'] as const) {
          for (const expr of splitTemplate(text[locale]).exprs) expect(valueOf(expr, r), `${locale}: {${expr}}`).not.toBeNull();
        }
      }
      const q = step.question;
      if (!q) return;
      const truth = truthOf(q, r, batchSize(state));
      if (q.kind === 'choice') expect(rightOption(q.pick, truth.options), 'the options decide one right answer').not.toBeNull();
      else expect(truth.answer).not.toBeNull();
    });
  });
});

describe('lesson 1 asks for NumPy\'s numbers', () => {
  const lesson = lessonById('one-iteration')!;
  const stepWith = (kind: string, answer: string) => lesson.steps.findIndex((s) => s.question?.kind === kind && 'answer' in s.question && s.question.answer === answer);
  const answerAt = (k: number) => {
    const store = openStep(lesson, k);
    const state = store.getState();
    return truthOf(lesson.steps[k].question!, stepResolver(state, state.lessonRun!), batchSize(state)).answer;
  };

  it('the cost it asks to predict is the tutorial\'s compute_cost at iteration 0', () => {
    const k = stepWith('number', 'loss@loss');
    expect(k).toBeGreaterThanOrEqual(0);
    expect(answerAt(k)).toBeCloseTo(tutorial.iteration0.cost, 12);
  });

  it('dz₁ for neuron 1, sample 1 is NumPy\'s dZ1[0][0]; dz₂\'s sign is NumPy\'s A2 − Y', () => {
    expect(answerAt(stepWith('number', 'dZ1[0][s]@backward-hidden'))).toBeCloseTo(tutorial.iteration0.dZ1[0][0], 15);
    expect(Math.sign(answerAt(stepWith('sign', 'dZ2[0][s]@backward-output'))!)).toBe(Math.sign(tutorial.iteration0.dZ2[0][0]));
  });
});
