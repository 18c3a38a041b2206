/**
 * The app store: one zustand store per mount, made by createAppStore, combined from slices.
 * It is the one place where state changes; every action is a verb beside the state it changes.
 */
import { createStore } from 'zustand/vanilla';
import type { PhaseId } from '../engine/index';
import type { Dataset } from '../data/datasets';
import { DEFAULT_CONFIG, buildConfig, type Built, type StudioConfig } from './config';
import {
  KEYFRAME_INTERVAL, applyProgress, beginTraining, createTimeline, currentSession, fromPosition, recompute, seek, stepBack,
  stepForward, toPosition, train, type Timeline,
} from './timeline';
import { inProcessBackend, type TrainingBackend } from './training';
import { createRaceSlice, type RaceActions, type RaceState } from './raceSlice';
import { findOverflow, stepSession } from '../engine/index';

export type Locale = 'en' | 'zh-CN';

/** A message for the learner: what happened, in a sentence. `code` and `params` let views translate it. */
export interface Notice {
  readonly kind: 'info' | 'error';
  readonly message: string;
  readonly code?: 'config-changed' | 'csv-loaded' | 'diverged';
  readonly params?: Readonly<Record<string, string | number>>;
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
  readonly notice: Notice | null;
}
export interface ConfigActions {
  /** Applies a validated change; on a bad value keeps everything and posts an error notice. Returns whether it applied. */
  setConfig(patch: Partial<StudioConfig>): boolean;
  /** Uses an imported CSV data set (from data/csv's parseCsv). */
  loadCsv(dataset: Dataset, name: string): boolean;
  notify(notice: Notice | null): void;
  /** Opens what a link describes (config, cursor, locale), as if the page had loaded with it. */
  openLink(init: AppInit, errors: string[]): void;
}

/** A fast-training job in flight. */
export interface TrainingState {
  readonly jobId: number;
  readonly target: number;
  readonly done: number;
}

export interface TimelineState {
  readonly timeline: Timeline;
  /** The job running now, or null. */
  readonly training: TrainingState | null;
}
export interface TimelineActions {
  stepForward(): void;
  stepBack(): void;
  /** Moves to (iteration, phase); beyond the frontier it computes the way there. */
  seek(iteration: number, phase: PhaseId): void;
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
}
export interface FocusActions {
  setFocusSample(sample: number): void;
  setFocusNeuron(neuron: NeuronRef | null): void;
  setFocusEdge(edge: EdgeRef | null): void;
}

export interface UiState {
  readonly locale: Locale;
}
export interface UiActions {
  setLocale(locale: Locale): void;
}

export type AppState = ConfigState & ConfigActions & TimelineState & TimelineActions & PlaybackState & PlaybackActions &
  FocusState & FocusActions & UiState & UiActions & RaceState & RaceActions;

/** What a new store may start from (a parsed link, a test). */
export interface AppInit {
  config?: StudioConfig;
  iteration?: number;
  phase?: PhaseId;
  locale?: Locale;
}

/** What the app plugs in: where fast training runs (default: in this thread, at once). */
export interface AppDeps {
  trainingBackend?: TrainingBackend;
}

/** Iterations the store will compute in one action; a link or a typo asking for more is refused. */
export const MAX_ITERATIONS_PER_ACTION = 1_000_000;

function timelineFor(built: Built): Timeline {
  return createTimeline(built.setup, built.dataset.test, built.initialParams);
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Moves a timeline to (iteration, phase), training fast to the iteration first when it lies beyond the frontier. */
function moveTo(t: Timeline, iteration: number, phase: PhaseId): Timeline {
  const target = toPosition(iteration, phase);
  let next = t;
  const frontierIteration = fromPosition(next.frontier).iteration;
  if (iteration > frontierIteration) next = train(next, iteration - frontierIteration);
  while (next.frontier < target) next = stepForward(next);
  return seek(next, target);
}

const FOCUS_RESET = { focusSample: 0, focusNeuron: null, focusEdge: null } as const;

/** A fresh store. Throws only if `init.config` is invalid (parse links with parseLink first). */
export function createAppStore(init: AppInit = {}, deps: AppDeps = {}) {
  const backend = deps.trainingBackend ?? inProcessBackend;
  let stopJob: (() => void) | null = null;
  let nextJobId = 1;
  const config = init.config ?? DEFAULT_CONFIG;
  const built = buildConfig(config);
  let timeline = timelineFor(built);
  if (init.iteration !== undefined || init.phase !== undefined) {
    timeline = moveTo(timeline, init.iteration ?? 0, init.phase ?? 'forward-hidden');
  }

  return createStore<AppState>()((set, get) => {
    const apply = (nextConfig: StudioConfig, csv: Dataset | null, notice: Notice): boolean => {
      try {
        const nextBuilt = buildConfig(nextConfig, csv);
        cancelTraining();
        set({ config: nextConfig, built: nextBuilt, csv, timeline: timelineFor(nextBuilt), isPlaying: false, ...FOCUS_RESET, notice });
        return true;
      } catch (e) {
        set({ notice: { kind: 'error', message: errorText(e) } });
        return false;
      }
    };
    /** Ends any training job; its later reports are ignored (they carry an old job id). */
    const cancelTraining = () => {
      stopJob?.();
      stopJob = null;
      if (get().training) set({ training: null });
    };
    /** Runs a timeline change; a diverged loss pauses and explains; an engine error becomes a notice, not a crash. */
    const update = (change: (t: Timeline) => Timeline) => {
      cancelTraining();
      try {
        const next = change(get().timeline);
        set({ timeline: next });
        const s = currentSession(next);
        if (s.loss !== null && !Number.isFinite(s.loss) && next.cursor === next.frontier) reportDivergence(next);
      } catch (e) {
        set({ isPlaying: false, notice: { kind: 'error', message: errorText(e) } });
      }
    };
    /** Says where and why the loss stopped being finite, from the frontier's iteration. */
    const reportDivergence = (t: Timeline) => {
      const iteration = fromPosition(t.frontier).iteration;
      let s = recompute(t, toPosition(iteration, 'forward-hidden'));
      while (s.phase !== 'backward-hidden') s = stepSession(s);
      const overflow = findOverflow(s);
      const lr = get().config.optimizer.lr;
      const quantity = overflow?.quantity ?? 'loss';
      const value = String(overflow?.value ?? s.loss);
      const largest = (overflow?.largestWeight ?? 0).toPrecision(3);
      set({
        isPlaying: false,
        notice: {
          kind: 'error', code: 'diverged', params: { iteration, quantity, value, largest, lr },
          message: `Training diverged at iteration ${iteration}: ${quantity} became ${value} (the largest weight had grown to ${largest}), so the loss is not a number any more. Try a smaller learning rate than ${lr}.`,
        },
      });
    };

    return {
      config, built, csv: null, notice: null,
      setConfig: (patch) =>
        apply({ ...get().config, ...patch }, get().csv, {
          kind: 'info', code: 'config-changed', message: 'Settings changed: the timeline starts again at iteration 0.',
        }),
      loadCsv: (dataset, name) =>
        apply({ ...get().config, data: { kind: 'csv', name } }, dataset, {
          kind: 'info', code: 'csv-loaded', params: { name }, message: `Loaded ${name}: the timeline starts again at iteration 0.`,
        }),
      notify: (notice) => set({ notice }),
      openLink: (linkInit, errors) => {
        cancelTraining();
        try {
          const nextConfig = linkInit.config ?? DEFAULT_CONFIG;
          const nextBuilt = nextConfig === get().config ? get().built : buildConfig(nextConfig);
          let nextTimeline = nextBuilt === get().built ? get().timeline : timelineFor(nextBuilt);
          nextTimeline = moveTo(nextTimeline, linkInit.iteration ?? 0, linkInit.phase ?? 'forward-hidden');
          set({
            config: nextConfig, built: nextBuilt, timeline: nextTimeline, isPlaying: false, locale: linkInit.locale ?? get().locale,
            notice: errors.length ? { kind: 'error', message: errors.join(' ') } : null,
          });
        } catch (e) {
          set({ notice: { kind: 'error', message: [...errors, errorText(e)].join(' ') } });
        }
      },

      timeline,
      training: null,
      stepForward: () => update(stepForward),
      stepBack: () => update(stepBack),
      seek: (iteration, phase) => {
        if (!Number.isInteger(iteration) || iteration < 0 || iteration > fromPosition(get().timeline.frontier).iteration + MAX_ITERATIONS_PER_ACTION) {
          set({ notice: { kind: 'error', message: `iteration must be an integer from 0 to ${MAX_ITERATIONS_PER_ACTION} past the latest (got ${iteration})` } });
          return;
        }
        update((t) => moveTo(t, iteration, phase));
      },
      reset: () => {
        cancelTraining();
        set({ timeline: timelineFor(get().built), isPlaying: false, notice: null });
      },
      train: (iterations) => {
        if (!Number.isInteger(iterations) || iterations < 1 || iterations > MAX_ITERATIONS_PER_ACTION) {
          set({ notice: { kind: 'error', message: `iterations must be an integer from 1 to ${MAX_ITERATIONS_PER_ACTION} (got ${iterations})` } });
          return;
        }
        cancelTraining();
        const { timeline: ready, start } = beginTraining(get().timeline);
        const jobId = nextJobId++;
        set({ timeline: ready, isPlaying: false, training: { jobId, target: iterations, done: 0 } });
        const job = { id: jobId, setup: ready.setup, test: ready.test, start, iterations, keyframeInterval: KEYFRAME_INTERVAL };
        stopJob = backend.start(
          job,
          (progress) => {
            const training = get().training;
            if (training?.jobId !== progress.jobId) return;
            set({ timeline: applyProgress(get().timeline, progress), training: { ...training, done: training.done + progress.rows } });
          },
          (doneId, outcome) => {
            if (get().training?.jobId !== doneId) return;
            stopJob = null;
            set({ training: null });
            if (outcome === 'diverged') reportDivergence(get().timeline);
          },
        );
      },
      stopTraining: cancelTraining,

      isPlaying: false,
      speed: 2,
      play: () => set({ isPlaying: true }),
      pause: () => set({ isPlaying: false }),
      togglePlay: () => set({ isPlaying: !get().isPlaying }),
      setSpeed: (speed) => set({ speed }),

      ...FOCUS_RESET,
      setFocusSample: (sample) => {
        const m = get().built.setup.data.X.cols;
        if (Number.isInteger(sample) && sample >= 0 && sample < m) set({ focusSample: sample });
      },
      setFocusNeuron: (focusNeuron) => set({ focusNeuron }),
      setFocusEdge: (focusEdge) => set({ focusEdge }),

      locale: init.locale ?? 'en',
      setLocale: (locale) => set({ locale }),

      ...createRaceSlice(set, get, backend),
    };
  });
}

export type AppStore = ReturnType<typeof createAppStore>;
