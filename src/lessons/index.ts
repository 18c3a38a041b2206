/** The built-in lessons, in the order the list shows them, each validated as it loads. */
import type { Lesson } from './types';
import { validateLesson } from './validate';
import { oneIteration } from './builtin/oneIteration';
import { chainRule } from './builtin/chainRule';
import { learningRates } from './builtin/learningRates';
import { numpyToPytorch } from './builtin/numpyToPytorch';
import { xorHiddenLayer } from './builtin/xorHiddenLayer';

const CANDIDATES: readonly Lesson[] = [oneIteration, chainRule, learningRates, numpyToPytorch, xorHiddenLayer];

let validated: readonly Lesson[] | null = null;

/**
 * Lessons that passed validation; one that did not is left out with its issue in the console (a
 * unit test keeps them all valid). Validated on first use, not as the page loads: checking every
 * step runs the engine (~0.2 s of a slow phone's first seconds, for a list most loads never open).
 */
export function builtInLessons(): readonly Lesson[] {
  validated ??= CANDIDATES.filter((lesson) => {
    const result = validateLesson(lesson);
    if (!result.ok) console.error(`lesson ${lesson.id}: step ${result.issue.step}, ${result.issue.field}: ${result.issue.problem}`);
    return result.ok;
  });
  return validated;
}

export function lessonById(id: string): Lesson | undefined {
  return builtInLessons().find((l) => l.id === id);
}

export type { Lesson, LessonStep, LessonText, Question } from './types';
export { readLessonFile, validateLesson, type LessonIssue } from './validate';
