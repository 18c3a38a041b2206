/**
 * The speaker view's note while a lesson runs: the step's title and prose, with the engine's
 * numbers as the lesson player shows them. The main window writes it (the speaker view's own
 * store runs no lesson) and sends it with its state.
 */
import { fillTemplate } from '../../lessons/evaluate';
import { shownNumber } from '../../lessons/shown';
import type { Locale } from '../../i18n/index';
import { fromPosition, stepResolver, type AppState } from '../../store/index';

export interface LessonNote {
  readonly title: string;
  /** Paragraphs are separated by blank lines, as in the lesson's text. */
  readonly text: string;
}

/** The running lesson's step as a note, or null with no lesson (or at its summary). */
export function lessonNote(state: AppState, locale: Locale): LessonNote | null {
  const run = state.lessonRun;
  const step = run?.lesson.steps[run.step];
  if (!run || !step) return null;
  const template = step.text[locale];
  // The numbers exist once the step's iteration is trained (as in the lesson player); until then, dots.
  const isReady = !state.training?.destination && !state.pendingSeek && fromPosition(state.timeline.frontier).iteration >= step.iteration;
  if (!isReady) return { title: step.title[locale], text: template.replace(/\{[^}]*\}/g, '…') };
  const { parts, values } = fillTemplate(template, stepResolver(state, run));
  const number = (v: number | null | undefined) => (v === undefined ? '' : v === null ? '…' : shownNumber(v));
  return { title: step.title[locale], text: parts.map((part, k) => part + number(values[k])).join('') };
}
