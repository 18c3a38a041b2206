/** Links to lesson steps: `#lesson=<id>&step=<n>` (n from 1), plus `lang`, so a teacher can send "step 7". */
import type { Locale, Notice } from '../store/index';
import { builtInLessons, lessonById } from './index';
import type { Lesson } from './types';

/** A link's lesson and 0-based step, or the notice that says why not (or why another step shows). */
export type LessonLink =
  | { readonly lesson: Lesson; readonly step: number; readonly notice: Notice | null }
  | { readonly lesson: null; readonly notice: Notice };

/** The lesson and step a link names, or null when it names none. */
export function readLessonLink(hash: string): LessonLink | null {
  const query = new URLSearchParams(hash.replace(/^#/, ''));
  const id = query.get('lesson');
  if (id === null) return null;
  const lesson = lessonById(id);
  if (!lesson) {
    const params = { id: id.slice(0, 40), ids: builtInLessons().map((l) => l.id).join(', ') };
    return { lesson: null, notice: { kind: 'error', code: 'lesson-unknown', params, message: `The link names a lesson this page does not have ("${params.id}"); the lessons are: ${params.ids}.` } };
  }
  const text = query.get('step') ?? '1';
  const n = Number(text);
  const count = lesson.steps.length;
  const step = Number.isInteger(n) ? Math.max(1, Math.min(count, n)) : 1;
  const params = { step: text.slice(0, 12), title: lesson.title.en, count, shown: step };
  const notice: Notice | null = step === n ? null : {
    kind: 'error', code: 'lesson-bad-step', params,
    message: `The link asks for step ${params.step} of "${params.title}", which has steps 1 to ${count}; showing step ${step}.`,
  };
  return { lesson, step: step - 1, notice };
}

/** The hash for a built-in lesson's step (0-based), in a language. */
export function lessonLink(id: string, step: number, locale: Locale): string {
  const params = new URLSearchParams({ lesson: id, step: String(step + 1) });
  if (locale !== 'en') params.set('lang', locale);
  return params.toString();
}
