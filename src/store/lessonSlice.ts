/**
 * The lesson being followed: which step, and how each question was answered. Moving to a step
 * applies its recipe (the one way any state is reached); progress per lesson (the step reached,
 * finished, right first time) is kept for the lesson list and for the app to store.
 */
import type { StoreApi } from 'zustand/vanilla';
import { resolverFor } from '../lessons/evaluate';
import { checkAnswer, truthOf, type Guess, type Verdict } from '../lessons/feedback';
import { stepRecipe } from '../lessons/recipe';
import type { Lesson } from '../lessons/types';
import { sessionAt } from './timeline';
import type { AppState } from './types';

export interface StepAnswer {
  readonly attempts: number;
  readonly isCorrect: boolean;
  /** The first attempt was right. */
  readonly isFirstTryCorrect: boolean;
  readonly isRevealed: boolean;
  readonly guess: Guess | null;
  readonly verdict: Verdict | null;
}

export interface LessonRun {
  readonly lesson: Lesson;
  /** Built-in lessons have links; a file's cannot travel in one. */
  readonly isBuiltIn: boolean;
  /** 0-based; steps.length is the summary at the end. */
  readonly step: number;
  readonly answers: Readonly<Record<number, StepAnswer>>;
}

export interface LessonProgress {
  /** The step to continue at (0-based). */
  readonly step: number;
  readonly isFinished: boolean;
  /** Steps (0-based) whose question was answered right at the first try. */
  readonly firstTry: readonly number[];
}

export interface LessonState {
  readonly lessonRun: LessonRun | null;
  readonly lessonProgress: Readonly<Record<string, LessonProgress>>;
  readonly isLessonListOpen: boolean;
}

export interface LessonActions {
  setLessonListOpen(isOpen: boolean): void;
  /** Opens a (validated) lesson at a step, 0-based (clamped). */
  startLesson(lesson: Lesson, step?: number, isBuiltIn?: boolean): void;
  /** Moves to a step (0-based; steps.length is the summary) and applies its state. */
  goToStep(step: number): void;
  nextStep(): void;
  prevStep(): void;
  leaveLesson(): void;
  /** Checks an answer to the current step's question against the engine; returns the verdict. */
  answerQuestion(guess: Guess): Verdict | null;
  revealAnswer(): void;
  /** Restores stored progress (the app reads it from the browser). */
  setLessonProgress(progress: Readonly<Record<string, LessonProgress>>): void;
}

/** A step's numbers: the resolver for its iteration (phases by name), at its focused sample. */
export function stepResolver(state: AppState, run: LessonRun, index = run.step) {
  const step = run.lesson.steps[index];
  const at = (phase: Parameters<typeof sessionAt>[2] | null) => sessionAt(state.timeline, step.iteration, phase ?? step.phase);
  return resolverFor(at, step.sample ?? 0);
}

/** The batch size m of the studio's setup (the factor a gradient averages over). */
export function batchSize(state: AppState): number {
  const { batchSize: B, data } = state.timeline.setup;
  return B === null ? data.X.cols : Math.min(B, data.X.cols);
}

const NO_ANSWER: StepAnswer = { attempts: 0, isCorrect: false, isFirstTryCorrect: false, isRevealed: false, guess: null, verdict: null };

export function createLessonSlice(set: StoreApi<AppState>['setState'], get: StoreApi<AppState>['getState']): LessonState & LessonActions {
  /** Writes the run's place (and first-try answers) into the progress record. */
  const remember = (run: LessonRun) => {
    if (!run.isBuiltIn) return;
    const previous = get().lessonProgress[run.lesson.id];
    const firstTry = Object.entries(run.answers).filter(([, a]) => a.isFirstTryCorrect).map(([k]) => Number(k));
    const isFinished = (previous?.isFinished ?? false) || run.step >= run.lesson.steps.length;
    const step = Math.min(run.step, run.lesson.steps.length - 1);
    set({ lessonProgress: { ...get().lessonProgress, [run.lesson.id]: { step, isFinished, firstTry: [...new Set([...(previous?.firstTry ?? []), ...firstTry])].sort((a, b) => a - b) } } });
  };
  const applyStep = (run: LessonRun) => {
    const step = run.lesson.steps[run.step];
    if (step) get().applyRecipe(stepRecipe(run.lesson, step));
  };

  return {
    lessonRun: null,
    lessonProgress: {},
    isLessonListOpen: false,
    setLessonListOpen: (isLessonListOpen) => set({ isLessonListOpen }),
    startLesson: (lesson, step = 0, isBuiltIn = true) => {
      const run: LessonRun = { lesson, isBuiltIn, step: Math.max(0, Math.min(step, lesson.steps.length - 1)), answers: {} };
      set({ lessonRun: run, isLessonListOpen: false });
      applyStep(run);
      remember(run);
    },
    goToStep: (index) => {
      const run = get().lessonRun;
      if (!run || !Number.isInteger(index) || index < 0 || index > run.lesson.steps.length || index === run.step) return;
      const next = { ...run, step: index };
      set({ lessonRun: next });
      applyStep(next);
      remember(next);
    },
    nextStep: () => {
      const run = get().lessonRun;
      if (run) get().goToStep(run.step + 1);
    },
    prevStep: () => {
      const run = get().lessonRun;
      if (run) get().goToStep(run.step - 1);
    },
    leaveLesson: () => {
      if (!get().lessonRun) return;
      set({ lessonRun: null });
      get().setEmphasis([], null);
    },
    answerQuestion: (guess) => {
      const run = get().lessonRun;
      const q = run?.lesson.steps[run.step]?.question;
      if (!run || !q) return null;
      const truth = truthOf(q, stepResolver(get(), run), batchSize(get()));
      const verdict = checkAnswer(q, guess, truth);
      const previous = run.answers[run.step] ?? NO_ANSWER;
      const answer: StepAnswer = {
        attempts: previous.attempts + 1,
        isCorrect: previous.isCorrect || verdict.isCorrect,
        isFirstTryCorrect: previous.attempts === 0 && !previous.isRevealed && verdict.isCorrect,
        isRevealed: previous.isRevealed,
        guess,
        verdict,
      };
      const next = { ...run, answers: { ...run.answers, [run.step]: answer } };
      set({ lessonRun: next });
      remember(next);
      return verdict;
    },
    revealAnswer: () => {
      const run = get().lessonRun;
      if (!run?.lesson.steps[run.step]?.question) return;
      const previous = run.answers[run.step] ?? NO_ANSWER;
      set({ lessonRun: { ...run, answers: { ...run.answers, [run.step]: { ...previous, isRevealed: true } } } });
    },
    setLessonProgress: (lessonProgress) => set({ lessonProgress }),
  };
}
