import { describe, expect, it } from 'vitest';
import {
  PHASES, backward, evaluate, createOptimizer, forward, initialOptimizerState, optimizerStep, startSession, stepSession,
  type Params, type Session,
} from '../../src/engine/index';
import { KEYFRAME_INTERVAL, SCRATCH_INTERVAL, createAppStore, selectSession, type AppStore } from '../../src/store/index';
import { PRESETS } from '../../src/store/presets';
import tutorial from '../fixtures/tutorial.json';

const session = (store: AppStore) => selectSession(store.getState());
const steps = (store: AppStore, n: number) => {
  for (let i = 0; i < n; i++) store.getState().stepForward();
};
const expectSameBits = (a: Params, b: Params) => {
  for (const k of ['W1', 'b1', 'W2', 'b2'] as const) expect(Array.from(a[k].data)).toEqual(Array.from(b[k].data));
};

describe('the store', () => {
  it('opens the tutorial example at iteration 0, phase forward-hidden', () => {
    const s = session(createAppStore());
    expect([s.iteration, s.phase]).toEqual([0, 'forward-hidden']);
    expect([s.params.W1.rows, s.params.W1.cols, s.batch.X.cols]).toEqual([4, 2, 300]);
    expect(Array.from(s.params.W1.data)).toEqual(tutorial.initialParams.W1.flat());
  });

  it('walks the six phases in order and reaches the next iteration', () => {
    const store = createAppStore();
    const seen = [session(store).phase];
    for (let i = 0; i < 6; i++) {
      store.getState().stepForward();
      seen.push(session(store).phase);
    }
    expect(seen).toEqual([...PHASES, 'forward-hidden']);
    expect(session(store).iteration).toBe(1);
  });

  it('shows the NumPy cost at the loss phase', () => {
    const store = createAppStore();
    steps(store, 2);
    expect(session(store).phase).toBe('loss');
    expect(session(store).loss).toBeCloseTo(tutorial.iteration0.cost, 14);
  });

  it('steps N forward then N back to the identical state, snapshot for snapshot', () => {
    const store = createAppStore();
    const seen: Session[] = [session(store)];
    for (let i = 0; i < 20; i++) {
      store.getState().stepForward();
      seen.push(session(store));
    }
    for (let i = 19; i >= 0; i--) {
      store.getState().stepBack();
      expect(session(store)).toBe(seen[i]);
    }
    store.getState().stepBack();
    expect(store.getState().timeline.cursor).toBe(0);
    store.getState().stepForward();
    expect(session(store)).toBe(seen[1]);
  });

  it('after each update the params equal the engine’s optimizerStep', () => {
    const store = createAppStore();
    const { setup } = store.getState().timeline;
    let params = session(store).params;
    let state = initialOptimizerState(setup.optimizer, params);
    for (let iteration = 0; iteration < 3; iteration++) {
      steps(store, 5);
      const s = session(store);
      expect(s.phase).toBe('update');
      const cache = forward(setup.config, params, setup.data.X);
      const next = optimizerStep(setup.optimizer, state, params, backward(setup.config, params, setup.data.X, setup.data.Y, cache));
      expectSameBits(s.next!.params, next.params);
      params = next.params;
      state = next.state;
      steps(store, 1);
    }
  });

  it('trains N iterations and scrubs into any of them with the engine’s exact numbers', () => {
    const store = createAppStore();
    store.getState().train(250);
    expect(session(store).iteration).toBe(250);
    expect(store.getState().timeline.curves.length).toBe(250);
    // the engine alone, the tutorial's loop
    const { setup } = store.getState().timeline;
    const optimizer = createOptimizer(setup.optimizer);
    let params = session(createAppStore()).params;
    const paramsAt: Params[] = [];
    for (let i = 0; i < 250; i++) {
      paramsAt.push(params);
      params = optimizer.step(params, backward(setup.config, params, setup.data.X, setup.data.Y, forward(setup.config, params, setup.data.X)));
    }
    expectSameBits(session(store).params, params);
    for (const iteration of [249, 201, 150, 99, 0]) {
      store.getState().seek(iteration, 'backward-hidden');
      const s = session(store);
      expect([s.iteration, s.phase]).toEqual([iteration, 'backward-hidden']);
      expectSameBits(s.params, paramsAt[iteration]);
      const g = backward(setup.config, paramsAt[iteration], setup.data.X, setup.data.Y, forward(setup.config, paramsAt[iteration], setup.data.X));
      expect(Array.from(s.grads.dW1!.data)).toEqual(Array.from(g.dW1.data));
      expect(store.getState().timeline.curves.trainLoss[iteration]).toBe(s.loss);
    }
  });

  it('scrubs back phase by phase across rebuilt iterations with the engine’s exact numbers, retraining from nearby starts', () => {
    const store = createAppStore();
    store.getState().train(250);
    const { setup } = store.getState().timeline;
    const optimizer = createOptimizer(setup.optimizer);
    let params = session(createAppStore()).params;
    const paramsAt: Params[] = [];
    for (let i = 0; i <= 250; i++) {
      paramsAt.push(params);
      params = optimizer.step(params, backward(setup.config, params, setup.data.X, setup.data.Y, forward(setup.config, params, setup.data.X)));
    }
    // From iteration 250 back into 226 (through 24 rebuilt iterations), every phase on the way.
    for (let k = 0; k < 24 * 6 + 1; k++) {
      store.getState().stepBack();
      const s = session(store);
      expectSameBits(s.params, paramsAt[s.iteration]);
      const { scratch, keyframes } = store.getState().timeline;
      // The kept starts lie between the iteration's keyframe and the iteration, SCRATCH_INTERVAL apart.
      const keyframe = keyframes.filter((f) => f.iteration <= s.iteration).at(-1)!.iteration;
      for (const start of scratch) {
        expect(start.iteration % SCRATCH_INTERVAL).toBe(0);
        expect(start.iteration > keyframe && start.iteration <= s.iteration).toBe(true);
        expectSameBits(start.params, paramsAt[start.iteration]);
      }
    }
    expect(session(store).iteration).toBe(225);
    expect(store.getState().timeline.scratch.map((f) => f.iteration)).toEqual([210, 220]);
  });

  it('records the 2000-iteration NumPy costs on its curves', () => {
    const store = createAppStore();
    store.getState().train(2000);
    const { curves } = store.getState().timeline;
    tutorial.run.costs.forEach(([iteration, cost]: number[]) => {
      expect(Math.abs(curves.trainLoss[iteration] - cost) / cost).toBeLessThan(1e-12);
    });
    // the fixture's accuracy is after the last update, which is the params at iteration 2000
    const { setup, test } = store.getState().timeline;
    expect(evaluate(setup, session(store).params, test.X, test.Y).accuracy).toBe(tutorial.run.testAccuracy);
  });

  it('keeps a keyframe every KEYFRAME_INTERVAL iterations and bounded detail', () => {
    const store = createAppStore();
    store.getState().train(3 * KEYFRAME_INTERVAL + 7);
    const { keyframes, detail } = store.getState().timeline;
    expect(keyframes.map((k) => k.iteration)).toEqual([0, 1, 2, 3].map((k) => k * KEYFRAME_INTERVAL));
    expect(detail.length).toBe(1);
  });

  it('a config change resets the timeline and says so; a bad one changes nothing and says why', () => {
    const store = createAppStore();
    steps(store, 3);
    const before = store.getState().timeline;
    expect(store.getState().setConfig({ hiddenSize: 0 })).toBe(false);
    expect(store.getState().timeline).toBe(before);
    expect(store.getState().notice).toEqual({ kind: 'error', message: expect.stringMatching(/hiddenSize.*got 0/) });
    expect(store.getState().setConfig({ loss: 'bce', outputActivation: 'linear' })).toBe(false);
    expect(store.getState().notice?.message).toMatch(/outputActivation.*sigmoid/);
    expect(store.getState().setConfig({ hiddenSize: 8 })).toBe(true);
    expect(session(store).params.W1.rows).toBe(8);
    expect(store.getState().timeline.cursor).toBe(0);
    expect(store.getState().notice?.kind).toBe('info');
  });

  it('refuses bad train and seek requests with a message, keeping the timeline', () => {
    const store = createAppStore();
    const before = store.getState().timeline;
    for (const n of [0, -5, 2.5, NaN, 1e9]) {
      store.getState().train(n);
      expect(store.getState().timeline).toBe(before);
      expect(store.getState().notice?.message).toContain(`(got ${n})`);
    }
    store.getState().seek(-1, 'loss');
    expect(store.getState().timeline).toBe(before);
  });

  it('seeks beyond the frontier by computing the way there', () => {
    const store = createAppStore();
    store.getState().seek(12, 'loss');
    const s = session(store);
    expect([s.iteration, s.phase]).toEqual([12, 'loss']);
    let reference = startSession(s.setup, session(createAppStore()).params);
    while (reference.iteration < 12 || reference.phase !== 'loss') reference = stepSession(reference);
    expect(s.loss).toBe(reference.loss);
  });

  it('focus: sample within the batch only; neuron and edge set and cleared', () => {
    const store = createAppStore();
    store.getState().setFocusSample(299);
    expect(store.getState().focusSample).toBe(299);
    store.getState().setFocusSample(300);
    expect(store.getState().focusSample).toBe(299);
    store.getState().setFocusNeuron({ layer: 1, index: 2 });
    store.getState().setFocusEdge({ layer: 2, from: 1, to: 0 });
    expect(store.getState().focusNeuron).toEqual({ layer: 1, index: 2 });
    expect(store.getState().focusEdge).toEqual({ layer: 2, from: 1, to: 0 });
  });

  it('play, pause and speed are plain state for the playback clock', () => {
    const store = createAppStore();
    store.getState().play();
    expect(store.getState().isPlaying).toBe(true);
    store.getState().togglePlay();
    expect(store.getState().isPlaying).toBe(false);
    store.getState().setSpeed(8);
    expect(store.getState().speed).toBe(8);
  });
});

describe('divergence', () => {
  const tooHigh = PRESETS.find((p) => p.id === 'diverge')!.config; // the PyTorch example at lr 1

  it('stops training at the first non-finite loss and names what overflowed', () => {
    const store = createAppStore({ config: tooHigh });
    store.getState().train(1000);
    const { curves, frontier } = store.getState().timeline;
    const k = curves.length - 1;
    expect(Number.isFinite(curves.trainLoss[k])).toBe(false);
    for (let i = 0; i < k; i++) expect(Number.isFinite(curves.trainLoss[i])).toBe(true);
    expect(frontier).toBe(k * 6); // forward-hidden of the diverged iteration: the learner can step into it
    const notice = store.getState().notice!;
    expect(notice.code).toBe('diverged');
    expect(notice.params?.iteration).toBe(k);
    expect(notice.message).toMatch(new RegExp(`Training diverged at iteration ${k}: \\w+ became (-?Infinity|NaN).*smaller learning rate than 1`));
    // stepping still works, and shows the non-finite loss at the loss phase
    store.getState().stepForward();
    store.getState().stepForward();
    expect(Number.isFinite(selectSession(store.getState()).loss!)).toBe(false);
  });
});
