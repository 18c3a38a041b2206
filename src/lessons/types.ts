/**
 * Lessons are data: a sequence of steps, each a state of the studio (settings, iteration,
 * phase, focus, emphasis) and a few sentences about it in English and 简体中文, some with a
 * question. Numbers in the text and every answer are expressions (lessons/expr.ts) that the
 * engine's state evaluates, never typed-in values. A lesson file is this type as JSON.
 */
import type { PhaseId } from '../engine/index';
import type { MatrixName, PanelId } from '../store/recipe';

export interface LessonText {
  readonly en: string;
  readonly 'zh-CN': string;
}

/** A neuron [layer, index], an edge [layer, from, to] (layer 1: W1, 2: W2), a matrix or a panel. */
export type HighlightSpec =
  | { readonly neuron: readonly [0 | 1 | 2, number] }
  | { readonly edge: readonly [1 | 2, number, number] }
  | { readonly matrix: MatrixName }
  | { readonly panel: PanelId };

/** A wrong answer worth naming: when the guess is close to `value`, say `says` (and point at `highlight`). */
export interface Mistake {
  readonly value: string;
  readonly says: LessonText;
  readonly highlight?: HighlightSpec;
}

interface QuestionBase {
  readonly prompt: LessonText;
  /** Shown with the answer: why it is what it is, with the numbers. */
  readonly explain: LessonText;
}

/** Positive, negative or zero? */
export interface SignQuestion extends QuestionBase {
  readonly kind: 'sign';
  readonly answer: string;
  readonly mistakes?: readonly Mistake[];
}

/** A number, right within a relative tolerance (default 2 %). */
export interface NumberQuestion extends QuestionBase {
  readonly kind: 'number';
  readonly answer: string;
  readonly tolerance?: number;
  readonly mistakes?: readonly Mistake[];
}

/** One of several options; `pick` says which one is right from the options' values. */
export interface ChoiceQuestion extends QuestionBase {
  readonly kind: 'choice';
  readonly options: readonly { readonly label: LessonText; readonly value: string; readonly says?: LessonText }[];
  /** 'true': the option whose value is non-zero; the others: the option with that value. */
  readonly pick: 'largest' | 'smallest' | 'largest-magnitude' | 'true';
}

export type Question = SignQuestion | NumberQuestion | ChoiceQuestion;

export interface LessonStep {
  /** Link-style settings on top of the lesson's (e.g. "lr=2"); absent: the lesson's own. */
  readonly settings?: string;
  readonly iteration: number;
  readonly phase: PhaseId;
  /** The focused sample (0-based column of the batch). */
  readonly sample?: number;
  readonly neuron?: readonly [0 | 1 | 2, number];
  readonly edge?: readonly [1 | 2, number, number];
  readonly emphasis?: readonly PanelId[];
  readonly highlight?: HighlightSpec;
  readonly title: LessonText;
  /** A few sentences with {expression} placeholders, filled from the engine at this state. */
  readonly text: LessonText;
  readonly question?: Question;
}

export interface Lesson {
  /** Lower-case letters, digits and dashes: it appears in links (#lesson=<id>&step=<n>). */
  readonly id: string;
  readonly title: LessonText;
  readonly summary: LessonText;
  /** About how long it takes, in minutes. */
  readonly minutes: number;
  /** Link-style settings every step starts from ("" for the tutorial example). */
  readonly settings: string;
  readonly steps: readonly LessonStep[];
}
