import { describe, expect, it } from 'vitest';
import { DEFAULT_DATASET_SPECS } from '../../src/data/datasets';
import { createAppStore, selectSession, type TrainingBackend } from '../../src/store/index';
import { PRESETS } from '../../src/store/presets';

const spiral = { data: DEFAULT_DATASET_SPECS.spiral, hiddenSize: 16, init: { scheme: 'xavier', scale: 0.01, seed: 1 } } as const;

describe('the optimizer race', () => {
  it('trains every lane from the same start; Adam beats plain SGD on the spiral', () => {
    const store = createAppStore();
    expect(store.getState().setConfig(spiral)).toBe(true);
    store.getState().startRace([{ kind: 'sgd', lr: 0.1 }, { kind: 'adam', lr: 0.02 }], 1500);
    const race = store.getState().race!;
    expect(race.lanes.map((l) => [l.outcome, l.curves.length])).toEqual([['finished', 1500], ['finished', 1500]]);
    // the same initial parameters: iteration 0's loss is the same for both lanes
    expect(race.lanes[0].curves.trainLoss[0]).toBe(race.lanes[1].curves.trainLoss[0]);
    const [sgd, adam] = race.lanes.map((l) => l.curves.trainLoss[1499]);
    expect(adam).toBeLessThan(sgd);
  });

  it('races on three classes: every lane records argmax accuracies, and opening a lane reproduces its loss', () => {
    const store = createAppStore({ config: PRESETS.find((p) => p.id === 'three-spirals')!.config });
    store.getState().startRace([{ kind: 'sgd', lr: 1, weightDecay: 1e-3 }, { kind: 'adam', lr: 0.01 }], 300);
    const lanes = store.getState().race!.lanes;
    expect(lanes.map((l) => [l.outcome, l.curves.length])).toEqual([['finished', 300], ['finished', 300]]);
    for (const l of lanes) {
      // one in three at the start (all outputs near 1/3), far more after 300 iterations
      expect(l.curves.trainAccuracy[299]).toBeGreaterThan(0.6);
      expect(Number.isNaN(l.curves.testAccuracy[299])).toBe(false);
    }
    store.getState().openLane(1, 120);
    store.getState().seek(120, 'loss');
    expect(selectSession(store.getState()).loss).toBe(lanes[1].curves.trainLoss[120]);
  });

  it('gives every job a backend runs at once its own id: the timeline’s training and each lane', () => {
    const ids: number[] = [];
    // A backend that never reports: every job stays running, as in a worker.
    const backend: TrainingBackend = { start: (job) => { ids.push(job.id); return () => {}; } };
    const store = createAppStore({}, { trainingBackend: backend });
    store.getState().train(1000);
    store.getState().startRace([{ kind: 'sgd', lr: 0.1 }, { kind: 'adam', lr: 0.01 }, { kind: 'rmsprop', lr: 0.01 }], 100);
    store.getState().startRace([{ kind: 'sgd', lr: 0.1 }, { kind: 'adam', lr: 0.01 }], 100);
    store.getState().train(10);
    expect(ids).toHaveLength(7);
    expect(new Set(ids).size).toBe(7);
  });

  it('opens a lane in the studio with the lane’s exact numbers', () => {
    const store = createAppStore();
    store.getState().startRace([{ kind: 'sgd', lr: 0.1, momentum: 0.9 }, { kind: 'rmsprop', lr: 0.01 }], 300);
    const lane = store.getState().race!.lanes[1];
    store.getState().openLane(1, 250);
    expect(store.getState().config.optimizer).toEqual({ kind: 'rmsprop', lr: 0.01 });
    store.getState().seek(250, 'loss');
    expect(selectSession(store.getState()).loss).toBe(lane.curves.trainLoss[250]);
    expect(store.getState().race).not.toBeNull();
  });

  it.each([
    [[{ kind: 'sgd', lr: 0.1 }], 100, 'a race needs 2 to 4 optimizers (got 1)'],
    [[{ kind: 'sgd', lr: 0.1 }, { kind: 'adam', lr: -1 }], 100, 'lr must be a finite number ≥ 0 (got -1)'],
    [[{ kind: 'sgd', lr: 0.1 }, { kind: 'adam', lr: 0.1 }], 0, 'race iterations must be an integer from 1 to 100000 (got 0)'],
  ] as const)('refuses %j × %d with a specific message', (optimizers, iterations, message) => {
    const store = createAppStore();
    store.getState().startRace(optimizers, iterations);
    expect(store.getState().race).toBeNull();
    expect(store.getState().notice?.message).toBe(message);
  });
});
