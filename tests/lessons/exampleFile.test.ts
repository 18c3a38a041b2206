/**
 * The example lesson file docs/lessons.md points at: it reads as a teacher's file would, every step
 * of it computes, and a broken copy gets the messages the guide quotes.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { splitTemplate } from '../../src/lessons/expr';
import { valueOf } from '../../src/lessons/evaluate';
import { rightOption, truthOf } from '../../src/lessons/feedback';
import { readLessonFile } from '../../src/lessons/validate';
import type { Lesson } from '../../src/lessons/types';
import { batchSize, createAppStore, stepResolver } from '../../src/store/index';

const text = readFileSync(new URL('../fixtures/lessons/example-lesson.json', import.meta.url), 'utf8');
/** The parts of the example a test breaks. */
interface Example {
  settings: string;
  steps: { phase: string; text: { en: string }; question: { answer: string } }[];
}

const guide = readFileSync(new URL('../../docs/lessons.md', import.meta.url), 'utf8');

function read(content: string): Lesson {
  const result = readLessonFile(content);
  if (!result.ok) throw new Error(`step ${result.issue.step}, ${result.issue.field}: ${result.issue.problem}`);
  return result.lesson;
}

describe('the example lesson file', () => {
  const lesson = read(text);

  it('opens as a file lesson and every step computes every number and decides its answer', () => {
    expect(lesson.steps.filter((s) => s.question).length * 3).toBeGreaterThanOrEqual(lesson.steps.length);
    lesson.steps.forEach((step, k) => {
      const store = createAppStore();
      store.getState().startLesson(lesson, k, false);
      const state = store.getState();
      expect(state.lessonRun).toMatchObject({ step: k, isBuiltIn: false });
      const r = stepResolver(state, state.lessonRun!);
      const q = step.question;
      const texts = [step.text, ...(q ? [q.prompt, q.explain] : []), ...(q?.kind === 'choice' ? q.options.flatMap((o) => [o.label, ...(o.says ? [o.says] : [])]) : [])];
      for (const t of texts) for (const locale of ['en', 'zh-CN'] as const) {
        for (const e of splitTemplate(t[locale]).exprs) expect(valueOf(e, r), `step ${k + 1} ${locale}: {${e}}`).not.toBeNull();
      }
      if (!q) return;
      const truth = truthOf(q, r, batchSize(state));
      if (q.kind === 'choice') expect(rightOption(q.pick, truth.options)).not.toBeNull();
      else expect(truth.answer).not.toBeNull();
    });
  });

  it('is not remembered in the progress kept for built-in lessons', () => {
    const store = createAppStore();
    store.getState().startLesson(lesson, 1, false);
    store.getState().nextStep();
    expect(store.getState().lessonProgress).toEqual({});
  });

  it('broken, it gets the messages the guide quotes', () => {
    const broken = (change: (l: Example) => void) => {
      const l = JSON.parse(text) as Example;
      change(l);
      const result = readLessonFile(JSON.stringify(l));
      if (result.ok) throw new Error('expected an issue');
      return result.issue;
    };
    const quoted = (issue: { step: number | null; field: string; problem: string }) =>
      expect(guide).toContain(`${issue.step === null ? '' : `step ${issue.step}, `}field "${issue.field}" ${issue.problem.slice(0, 40)}`);
    quoted(broken((l) => (l.steps[1].question.answer = 'db3[0][0]')));
    quoted(broken((l) => (l.steps[0].text.en = 'b2 = {b2[0][0]')));
    quoted(broken((l) => (l.steps[2].phase = 'backwards')));
    quoted(broken((l) => (l.settings = 'data=circles')));
    // A trailing comma, the usual slip when editing JSON by hand.
    expect(readLessonFile(text.replace(/\n\s*\]\n\}\s*$/, ',\n]}'))).toMatchObject({ ok: false, issue: { step: null, problem: expect.stringMatching(/^is not JSON/) } });
    expect(guide).toContain('is not JSON');
  });
});
