/** The store's types: each slice's state (data) and actions (functions), joined into AppState. */
import type { PhaseId, Session } from '../engine/index';
import type { Dataset } from '../data/datasets';
import type { Built, StudioConfig } from './config';
import type { Timeline } from './timeline';
import type { TrainingBackend } from './training';
import type { RaceActions, RaceState } from './raceSlice';
import type { EmbedPart, Highlight, Layout, PanelId, PanelPair, StateRecipe } from './recipe';
import type { LessonActions, LessonState } from './lessonSlice';
import type { SessionProblem, SessionProblemCode } from './sessionCheck';

export type Locale = 'en' | 'zh-CN';

/** A sentence of a notice, translatable: `code` names its message (`notice.<code>`), `params` fill it, `message` is the English. */
export interface NoticeLine {
  /** Absent: a message only in English (an engine error naming a field and value), shown as it is. */
  readonly code?: NoticeCode;
  readonly params?: Readonly<Record<string, string | number>>;
  readonly message: string;
}

/** Every translatable notice; each has a message `notice.<code>` in src/i18n/messages/app.ts. */
export type NoticeCode =
  | 'config-changed' | 'csv-loaded' | 'diverged' | 'lesson-unknown' | 'lesson-bad-step' | 'session-opened' | `session-${SessionProblemCode}`
  | 'link-unknown-key' | 'link-not-number' | 'link-one-of' | 'link-csv' | 'link-batch' | 'link-misfit' | 'link-iteration' | 'link-lang'
  | 'link-embed' | 'link-speaker' | 'link-show-unknown' | 'link-show-none' | 'link-show-without-embed' | 'link-present' | 'link-layouts'
  | 'storage-unavailable' | 'storage-full' | 'storage-csv-too-large' | 'storage-csv-not-kept' | 'storage-dropped' | 'storage-csv-missing' | 'speaker-blocked';

/**
 * A message for the learner: what happened, in a sentence (`code` and `params` let views
 * translate it), or several sentences at once (`lines`, e.g. everything a link got wrong).
 */
export interface Notice {
  readonly kind: 'info' | 'error';
  readonly message: string;
  readonly code?: NoticeCode;
  readonly params?: Readonly<Record<string, string | number>>;
  readonly lines?: readonly NoticeLine[];
}

/** layer 0 = inputs, 1 = hidden, 2 = outputs. */
export interface NeuronRef {
  readonly layer: 0 | 1 | 2;
  readonly index: number;
}

/** layer 1 = W1[to][from] (input → hidden), layer 2 = W2[to][from] (hidden → output). */
export interface EdgeRef {
  readonly layer: 1 | 2;
  readonly from: number;
  readonly to: number;
}

export interface ConfigState {
  readonly config: StudioConfig;
  readonly built: Built;
  readonly csv: Dataset | null;
  /** The imported CSV's file name (kept while another data set is chosen, so it can be chosen again by name). */
  readonly csvName: string | null;
  readonly notice: Notice | null;
}
export interface ConfigActions {
  /** Applies a validated change; on a bad value keeps everything and posts an error notice. Returns whether it applied. */
  setConfig(patch: Partial<StudioConfig>): boolean;
  /**
   * Uses an imported CSV data set (from data/csv's parseCsv), with any settings it needs (a
   * regression CSV needs MSE) in the same change: one new timeline, or nothing changes.
   */
  loadCsv(dataset: Dataset, name: string, patch?: Partial<StudioConfig>): boolean;
  /** Holds a CSV data set read back from storage, as after choosing another data set: choosable again by name. */
  restoreCsv(csv: Dataset, name: string): void;
  notify(notice: Notice | null): void;
  /**
   * Puts the studio in the state a recipe describes (a link, a lesson step, an embed, a stored
   * state): its config (the tutorial's when absent), then the cursor (trained in the backend
   * when late), focus and emphasis. `errors` (what a link could not read) become the notice.
   */
  applyRecipe(recipe: StateRecipe, errors?: readonly NoticeLine[]): void;
  /**
   * Opens a session file (store/sessionFile.ts): its configuration, data set, state at the cursor
   * and curves, without retraining. A file that is not a valid session changes nothing and posts
   * an error notice naming the field and what was expected. Resolves to that problem, or null
   * when the session opened (or a later call took over).
   */
  openSession(file: SessionFileSource): Promise<SessionProblem | null>;
}

/** An (iteration, phase) a link, a lesson step or a stored state asks for. */
export interface Destination {
  readonly iteration: number;
  readonly phase: PhaseId;
}

/** What openSession reads: a File, or anything with its name, size and text. */
export interface SessionFileSource {
  readonly name: string;
  readonly size: number;
  text(): Promise<string>;
}

/** Largest session file read, in bytes (a 20 MB CSV saved with it stays well below). */
export const MAX_SESSION_BYTES = 128 * 2 ** 20;

/** A fast-training job in flight. */
export interface TrainingState {
  readonly jobId: number;
  readonly target: number;
  readonly done: number;
  /** The session when training started: the per-phase views hold it while the job runs. */
  readonly from: Session;
  /**
   * Where the cursor goes when the job finishes: set when the job prepares a late iteration that
   * a link (or lesson step, stored state) named; null for "Train N".
   */
  readonly destination: Destination | null;
  /** Milliseconds the job has run, as its backend last reported (0 until known): for an estimate of the time left. */
  readonly elapsedMs: number;
}

/** A way to a late iteration too long to start without asking: the estimate, and where it leads. */
export interface PendingSeek extends Destination {
  /** Iterations to train from the latest one reached. */
  readonly iterations: number;
  /** A rough estimate of the training time, in seconds, on an ordinary laptop. */
  readonly estimateSeconds: number;
}

export interface TimelineState {
  readonly timeline: Timeline;
  /** The job running now, or null. */
  readonly training: TrainingState | null;
  /** A seek waiting for the learner's go-ahead (over the work budget), or null. */
  readonly pendingSeek: PendingSeek | null;
}
export interface TimelineActions {
  stepForward(): void;
  stepBack(): void;
  /**
   * Moves to (iteration, phase). Beyond the latest iteration reached it trains the way there as a
   * job on the backend (a worker in the browser, so the page keeps answering) and moves when the
   * job ends; a way longer than the work budget waits in `pendingSeek` for confirmSeek.
   */
  seek(iteration: number, phase: PhaseId): void;
  /** Starts the pending seek. */
  confirmSeek(): void;
  /** Forgets the pending seek; the cursor stays where it is. */
  dismissSeek(): void;
  reset(): void;
  /** Trains n whole iterations fast from the frontier, without per-phase detail (in a worker when the app gave one). */
  train(iterations: number): void;
  /** Stops a running training job, keeping every iteration it finished. */
  stopTraining(): void;
}

/** Phases per second while playing. */
export const SPEEDS = [0.5, 1, 2, 4, 8, 15, 30, 60] as const;
export type Speed = (typeof SPEEDS)[number];

export interface PlaybackState {
  readonly isPlaying: boolean;
  readonly speed: Speed;
}
export interface PlaybackActions {
  play(): void;
  pause(): void;
  togglePlay(): void;
  setSpeed(speed: Speed): void;
}

export interface FocusState {
  /** Column of the current batch whose numbers the equations show. */
  readonly focusSample: number;
  readonly focusNeuron: NeuronRef | null;
  readonly focusEdge: EdgeRef | null;
  /** Panels a lesson step (or a presenter) draws the eye to; empty for none. */
  readonly emphasis: readonly PanelId[];
  /** The one element a lesson step points at, or null. */
  readonly highlight: Highlight | null;
}
export interface FocusActions {
  setFocusSample(sample: number): void;
  setFocusNeuron(neuron: NeuronRef | null): void;
  setFocusEdge(edge: EdgeRef | null): void;
  setEmphasis(emphasis: readonly PanelId[], highlight: Highlight | null): void;
}

/** How the page lays the studio out: the full page, a projector, panels in a frame, or the speaker's window. */
export type Mode = Layout['mode'];

export interface UiState {
  readonly locale: Locale;
  readonly mode: Mode;
  /** The two panels presenter mode shows, left then right (kept while presenting is off). */
  readonly presentPanels: PanelPair;
  /** What an embed shows, in the link's order. */
  readonly embedParts: readonly EmbedPart[];
  /** Presenter mode's black screen (B): the room looks at the teacher, nothing is lost. */
  readonly isBlackedOut: boolean;
  readonly isHelpOpen: boolean;
}
export interface UiActions {
  setLocale(locale: Locale): void;
  /** Switches the layout; leaving presenter mode ends a black-out. */
  setMode(mode: Mode): void;
  /** Switches to a layout with its panels (a link's embed or presenter pair). */
  setLayout(layout: Layout): void;
  /** Sets presenter mode's two panels; choosing the panel the other side shows swaps the two. */
  setPresentPanel(side: 0 | 1, panel: PanelId): void;
  toggleBlackout(): void;
  setHelpOpen(isOpen: boolean): void;
  /**
   * Back to the tutorial example at iteration 0, as a fresh page: forgets the CSV file, the race
   * and its set-up, and the focus; keeps the language.
   */
  startOver(): void;
}

export type AppState = ConfigState & ConfigActions & TimelineState & TimelineActions & PlaybackState & PlaybackActions &
  FocusState & FocusActions & UiState & UiActions & RaceState & RaceActions & LessonState & LessonActions;

/** What a new store may start from (a parsed link, a test). */
export type AppInit = StateRecipe;

/** What the app plugs in: where fast training runs (default: in this thread, at once). */
export interface AppDeps {
  trainingBackend?: TrainingBackend;
  /**
   * Work (iterations × parameters × samples per iteration, see trainingWork) a seek may spend
   * without asking first (default PREPARE_WORK_BUDGET).
   */
  prepareWorkBudget?: number;
}

/**
 * The default work budget: about 25 seconds of training on an ordinary laptop (see
 * estimateTrainingSeconds), e.g. 6,000 iterations of a 2-32-1 network on 5,000 samples.
 */
export const PREPARE_WORK_BUDGET = 4e9;

/** Iterations the store will compute in one action; a link or a typo asking for more is refused. */
export const MAX_ITERATIONS_PER_ACTION = 1_000_000;
