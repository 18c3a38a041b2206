/** Lesson files: every broken one gets a message naming the step and field; random mutations never throw. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readLessonFile, validateLesson } from '../../src/lessons/validate';
import { oneIteration } from '../../src/lessons/builtin/oneIteration';

const valid = () => JSON.parse(JSON.stringify(oneIteration)) as Record<string, unknown> & { steps: Record<string, unknown>[] };
const issueOf = (value: unknown) => {
  const r = validateLesson(value);
  if (r.ok) throw new Error('expected an issue');
  return r.issue;
};

describe('validateLesson', () => {
  it('names the step and field of what is wrong', () => {
    const l = valid();
    l.steps[2].phase = 'sideways';
    expect(issueOf(l)).toEqual({ step: 3, field: 'phase', problem: expect.stringContaining('must be one of forward-hidden') });

    const m = valid();
    (m.steps[4].question as Record<string, unknown>).answer = 'Z9[0][0]';
    expect(issueOf(m)).toMatchObject({ step: 5, field: 'question.answer', problem: expect.stringContaining('"Z9" is not a matrix') });

    const n = valid();
    (n.steps[0].text as Record<string, unknown>)['zh-CN'] = '{loss';
    expect(issueOf(n)).toMatchObject({ step: 1, field: 'text.zh-CN', problem: expect.stringContaining('no closing "}"') });

    const o = valid();
    o.settings = 'hidden=abc';
    expect(issueOf(o)).toMatchObject({ step: null, field: 'settings', problem: 'hidden must be a number (got "abc")' });

    const p = valid();
    p.steps[1].iteration = -1;
    expect(issueOf(p)).toMatchObject({ step: 2, field: 'iteration', problem: expect.stringContaining('whole number from 0') });

    const q = valid();
    p.id = 'Bad Id';
    expect(issueOf(p).field).toBe('id');
    delete q.title;
    expect(issueOf(q)).toMatchObject({ step: null, field: 'title', problem: 'must be an object (got undefined)' });
  });

  it('reads a file: not JSON, too large, and a valid one', () => {
    expect(readLessonFile('{"id": ')).toMatchObject({ ok: false, issue: { problem: expect.stringMatching(/^is not JSON/) } });
    expect(readLessonFile(' '.repeat(1_000_001))).toMatchObject({ ok: false, issue: { problem: expect.stringContaining('at most 1 MB') } });
    expect(readLessonFile(JSON.stringify(oneIteration))).toMatchObject({ ok: true });
  });

  it('answers 10,000 random mutations of a valid lesson with the lesson or a specific message, never an exception', () => {
    const paths = (v: unknown, prefix: (string | number)[] = []): (string | number)[][] =>
      typeof v === 'object' && v !== null
        ? Object.entries(v).flatMap(([k, c]) => [[...prefix, Array.isArray(v) ? Number(k) : k], ...paths(c, [...prefix, Array.isArray(v) ? Number(k) : k])])
        : [];
    const all = paths(valid());
    const junk = fc.oneof(fc.string({ maxLength: 30 }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined),
      fc.array(fc.integer(), { maxLength: 4 }), fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
      fc.constantFrom('{', '}', '{loss', 'W1[0]', 'W1[9][9]', 'Z1[0][s]@nowhere', 'next.Z1[0][0]', 'sum(W1', '1 +', 'a'.repeat(600)));
    fc.assert(fc.property(fc.array(fc.tuple(fc.nat(all.length - 1), junk), { minLength: 1, maxLength: 4 }), (edits) => {
      const l = valid();
      for (const [k, v] of edits) {
        const path = all[k];
        let parent: Record<string | number, unknown> = l;
        for (const key of path.slice(0, -1)) {
          const next = parent[key];
          if (typeof next !== 'object' || next === null) return;
          parent = next as Record<string | number, unknown>;
        }
        parent[path[path.length - 1]] = v;
      }
      const r = validateLesson(l);
      if (!r.ok) {
        expect(r.issue.problem.length).toBeGreaterThan(5);
        expect(r.issue.problem).not.toMatch(/undefined is not|Cannot read|is not a function/);
      }
    }), { numRuns: 10_000 });
  }, 120_000);
});
