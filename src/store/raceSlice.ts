/**
 * The optimizer race: the same data and initialisation trained with 2–4 optimizer settings at
 * once, each lane a training job on the store's backend, its curves kept like the timeline's.
 */
import type { StoreApi } from 'zustand/vanilla';
import { initialOptimizerState, resolveOptimizerSpec, type OptimizerSpec } from '../engine/index';
import type { StudioConfig } from './config';
import { EMPTY_CURVES, KEYFRAME_INTERVAL, appendCurves, type Curves } from './timeline';
import type { TrainingBackend, TrainingOutcome } from './training';
import type { AppState } from './types';

export interface RaceLane {
  readonly optimizer: OptimizerSpec;
  readonly curves: Curves;
  /** 'running' until its job ends. */
  readonly outcome: TrainingOutcome | 'running';
}

export interface Race {
  /** The configuration every lane shares (its own optimizer aside). */
  readonly config: StudioConfig;
  readonly iterations: number;
  readonly lanes: readonly RaceLane[];
}

/** The race editor's optimizer choices; "momentum" is SGD with a momentum above 0. */
export type LaneChoice = 'sgd' | 'momentum' | 'rmsprop' | 'adam';
export const LANE_CHOICES: readonly LaneChoice[] = ['sgd', 'momentum', 'rmsprop', 'adam'];
/** The hyperparameters a lane may set besides the learning rate. */
export type LaneHyper = 'momentum' | 'alpha' | 'beta1' | 'beta2' | 'eps';
export const LANE_HYPERS: readonly LaneHyper[] = ['momentum', 'alpha', 'beta1', 'beta2', 'eps'];

/** One lane as typed: the numbers stay text until the race starts. `key` identifies it across edits. */
export interface LaneDraft {
  readonly key: number;
  readonly choice: LaneChoice;
  readonly lr: string;
  readonly hypers: Readonly<Partial<Record<LaneHyper, string>>>;
}

/** The race editor as the learner left it: 2–4 lanes, the iterations and the target loss, as typed. */
export interface RaceSetup {
  readonly lanes: readonly LaneDraft[];
  readonly iterations: string;
  readonly target: string;
}

export interface RaceState {
  readonly race: Race | null;
  /** null until the learner edits the race (the editor then shows its defaults). */
  readonly raceSetup: RaceSetup | null;
}
export interface RaceActions {
  /** Starts 2–4 lanes for `iterations` from the current config's data and initial parameters. */
  startRace(optimizers: readonly OptimizerSpec[], iterations: number): void;
  stopRace(): void;
  clearRace(): void;
  /** Opens lane `lane` in the studio: its optimizer becomes the config's, at `iteration`'s `phase`. */
  openLane(lane: number, iteration: number): void;
  setRaceSetup(setup: RaceSetup | null): void;
}

export const MAX_RACE_ITERATIONS = 100_000;

/** The race slice; `backend` runs each lane's job, with an id from `nextJobId`. */
export function createRaceSlice(
  set: StoreApi<AppState>['setState'], get: StoreApi<AppState>['getState'], backend: TrainingBackend, nextJobId: () => number,
): RaceState & RaceActions {
  let stops: (() => void)[] = [];
  let raceId = 0;
  const stopAll = () => {
    stops.forEach((stop) => stop());
    stops = [];
  };
  const updateLane = (id: number, lane: number, change: (l: RaceLane) => RaceLane) => {
    const race = get().race;
    if (!race || id !== raceId) return;
    set({ race: { ...race, lanes: race.lanes.map((l, k) => (k === lane ? change(l) : l)) } });
  };

  return {
    race: null,
    raceSetup: null,
    setRaceSetup: (raceSetup) => set({ raceSetup }),
    startRace: (optimizers, iterations) => {
      const fail = (message: string) => set({ notice: { kind: 'error', message } });
      if (optimizers.length < 2 || optimizers.length > 4) return fail(`a race needs 2 to 4 optimizers (got ${optimizers.length})`);
      if (!Number.isInteger(iterations) || iterations < 1 || iterations > MAX_RACE_ITERATIONS) {
        return fail(`race iterations must be an integer from 1 to ${MAX_RACE_ITERATIONS} (got ${iterations})`);
      }
      try {
        optimizers.forEach(resolveOptimizerSpec);
      } catch (e) {
        return fail(e instanceof Error ? e.message : String(e));
      }
      stopAll();
      const id = ++raceId;
      const { config, built } = get();
      set({ race: { config, iterations, lanes: optimizers.map((optimizer) => ({ optimizer, curves: EMPTY_CURVES, outcome: 'running' })) } });
      const params = built.initialParams;
      optimizers.forEach((optimizer, lane) => {
        const job = {
          id: nextJobId(), setup: { ...built.setup, optimizer }, test: built.dataset.test,
          start: { iteration: 0, params, optimizerState: initialOptimizerState(optimizer, params) },
          iterations, keyframeInterval: KEYFRAME_INTERVAL,
        };
        stops.push(
          backend.start(
            job,
            (p) => updateLane(id, lane, (l) => ({ ...l, curves: appendCurves(l.curves, p.metrics, p.rows) })),
            (_, outcome) => updateLane(id, lane, (l) => ({ ...l, outcome })),
          ),
        );
      });
    },
    stopRace: stopAll,
    clearRace: () => {
      stopAll();
      raceId++;
      set({ race: null });
    },
    openLane: (lane, iteration) => {
      const race = get().race;
      const chosen = race?.lanes[lane];
      if (!race || !chosen) return;
      if (!get().setConfig({ ...race.config, optimizer: chosen.optimizer })) return;
      get().seek(Math.min(iteration, Math.max(0, chosen.curves.length - 1)), 'forward-hidden');
    },
  };
}
