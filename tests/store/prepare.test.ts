/**
 * Late links: reaching an iteration beyond the latest one trains the way there as a backend job
 * (the worker in the browser), with progress, Cancel and a budget, and ends exactly where the
 * main thread's own path (and the phase stepper) would have.
 */
import { describe, expect, it } from 'vitest';
import { PHASES, startSession, stepSession, type Params, type PhaseId, type Session } from '../../src/engine/index';
import { DEFAULT_CONFIG, buildConfig, createAppStore, selectSession, type StudioConfig } from '../../src/store/index';
import { moveTo, timelineFor } from '../../src/store/timelineSlice';
import { currentSession } from '../../src/store/timeline';
import { estimateTrainingSeconds, trainingWork } from '../../src/store/training';
import { DEFAULT_DATASET_SPECS } from '../../src/data/datasets';
import { parseLink } from '../../src/store/url';
import { manualBackend } from '../fixtures/manualBackend';

const bits = (p: Params) => (['W1', 'b1', 'W2', 'b2'] as const).map((k) => Array.from(p[k].data));

/** The session at (iteration, phase) by the phase stepper alone, one phase at a time from iteration 0. */
function stepperSession(config: StudioConfig, iteration: number, phase: PhaseId): Session {
  const built = buildConfig(config);
  let s = startSession(built.setup, built.initialParams);
  while (s.iteration < iteration || s.phase !== phase) s = stepSession(s);
  return s;
}

const CONFIGS: [string, StudioConfig, number, PhaseId][] = [
  ['full batch (the tutorial)', DEFAULT_CONFIG, 253, 'loss'],
  ['mini-batches of 16, shuffled', { ...DEFAULT_CONFIG, data: DEFAULT_DATASET_SPECS.xor, hiddenSize: 6, batchSize: 16, shuffleSeed: 3 }, 171, 'backward-hidden'],
  ['Adam', { ...DEFAULT_CONFIG, data: DEFAULT_DATASET_SPECS.spiral, hiddenSize: 8, optimizer: { kind: 'adam', lr: 0.02 } }, 204, 'update'],
];

describe('preparing a late iteration', () => {
  it.each(CONFIGS)('gives bit for bit the main thread\'s and the phase stepper\'s numbers: %s', (_name, config, iteration, phase) => {
    const manual = manualBackend();
    const store = createAppStore({ config, iteration, phase }, { trainingBackend: manual.backend });
    // Nothing has run yet: the page shows iteration 0 and says where it is going.
    expect(selectSession(store.getState()).iteration).toBe(0);
    expect(store.getState().training).toMatchObject({ target: iteration, done: 0, destination: { iteration, phase } });
    manual.finish(37); // reports of 37 iterations each, not aligned with the keyframes
    const s = selectSession(store.getState());
    expect(store.getState().training).toBeNull();
    expect([s.iteration, s.phase]).toEqual([iteration, phase]);

    const inThread = currentSession(moveTo(timelineFor(buildConfig(config)), iteration, phase));
    const stepper = stepperSession(config, iteration, phase);
    expect(bits(s.params)).toEqual(bits(inThread.params));
    expect(bits(s.params)).toEqual(bits(stepper.params));
    expect(s.loss).toBe(stepper.loss);
    for (const name of Object.keys(stepper.optimizerState.buffers)) expect(bits(s.optimizerState.buffers[name])).toEqual(bits(stepper.optimizerState.buffers[name]));
    expect(Object.keys(s.optimizerState.buffers)).toEqual(Object.keys(stepper.optimizerState.buffers));
    expect(s.optimizerState.step).toBe(stepper.optimizerState.step);
  });

  it('keeps what training by hand would have: the curves of every iteration, and any earlier phase to scrub back to', () => {
    const manual = manualBackend();
    const store = createAppStore({ iteration: 120, phase: 'loss' }, { trainingBackend: manual.backend });
    manual.finish(50);
    const t = store.getState().timeline;
    expect(t.curves.length).toBe(121); // iterations 0 … 120 have reached their loss phase
    expect(t.keyframes.map((k) => k.iteration)).toEqual([0, 100]);
    const byHand = stepperSession(DEFAULT_CONFIG, 57, 'loss');
    expect(t.curves.trainLoss[57]).toBe(byHand.loss);
    store.getState().seek(57, 'backward-output');
    const back = selectSession(store.getState());
    expect([back.iteration, back.phase]).toEqual([57, 'backward-output']);
    expect(bits(back.params)).toEqual(bits(byHand.params));
  });

  it('shows progress and the time taken so far, as the backend reports them', () => {
    const manual = manualBackend();
    const store = createAppStore({ iteration: 1000 }, { trainingBackend: manual.backend });
    manual.report(250, 400);
    expect(store.getState().training).toMatchObject({ done: 250, target: 1000, elapsedMs: 400 });
    expect(selectSession(store.getState()).iteration).toBe(250);
  });

  it('Cancel leaves the cursor at the last iteration reached, with a timeline that steps on consistently', () => {
    const manual = manualBackend();
    const store = createAppStore({ iteration: 5000, phase: 'loss' }, { trainingBackend: manual.backend });
    manual.report(130);
    manual.report(111);
    store.getState().stopTraining();
    expect(manual.stopped.has(manual.jobs[0].id)).toBe(true);
    expect(store.getState().training).toBeNull();
    const t = store.getState().timeline;
    const s = selectSession(store.getState());
    expect([s.iteration, s.phase]).toEqual([241, 'forward-hidden']);
    expect(t.frontier).toBe(t.cursor);
    expect(t.curves.length).toBe(241);
    // A late report of the cancelled job changes nothing.
    manual.report(100);
    expect(selectSession(store.getState()).iteration).toBe(241);
    // Stepping on from there is the stepper's own iteration 241.
    store.getState().stepForward();
    store.getState().stepForward();
    expect(selectSession(store.getState()).loss).toBe(stepperSession(DEFAULT_CONFIG, 241, 'loss').loss);
  });

  it('a step key during preparation stops it where it is and steps from there', () => {
    const manual = manualBackend();
    const store = createAppStore({ iteration: 900 }, { trainingBackend: manual.backend });
    manual.report(300);
    store.getState().stepForward();
    const s = selectSession(store.getState());
    expect(store.getState().training).toBeNull();
    expect([s.iteration, s.phase]).toEqual([300, 'forward-output']);
  });

  it('a second link arriving mid-way supersedes the first', () => {
    const manual = manualBackend();
    const store = createAppStore({ iteration: 3000 }, { trainingBackend: manual.backend });
    manual.report(200);
    const xor = parseLink('data=xor&hidden=8&it=150&phase=update');
    store.getState().applyRecipe(xor.init, xor.errors);
    expect(manual.stopped.has(manual.jobs[0].id)).toBe(true);
    expect(store.getState().config.data.kind).toBe('xor');
    expect(store.getState().training).toMatchObject({ target: 150, destination: { iteration: 150, phase: 'update' } });
    manual.finish();
    const s = selectSession(store.getState());
    expect([s.iteration, s.phase]).toEqual([150, 'update']);
    expect(bits(s.params)).toEqual(bits(stepperSession(xor.init.config!, 150, 'update').params));
  });

  it('a link to an iteration already reached moves at once, with no job', () => {
    const manual = manualBackend();
    const store = createAppStore({ iteration: 40 }, { trainingBackend: manual.backend });
    manual.finish();
    store.getState().seek(12, 'loss');
    expect(manual.jobs.length).toBe(1);
    expect(store.getState().training).toBeNull();
    expect(selectSession(store.getState()).iteration).toBe(12);
  });
});

describe('the work budget', () => {
  const heavy: StudioConfig = { ...DEFAULT_CONFIG, data: { ...DEFAULT_DATASET_SPECS.circle, points: 5000 }, hiddenSize: 32 };

  it('measures work as iterations × parameters × samples touched per iteration (batch and test split)', () => {
    const built = buildConfig(heavy);
    // 2-32-1: 32·2 + 32 + 32 + 1 = 129 parameters; 3,750 training and 1,250 test samples.
    expect(trainingWork(built.setup, built.dataset.test, 20_000)).toBe(20_000 * 129 * 5000);
    const batched = buildConfig({ ...heavy, batchSize: 50 });
    expect(trainingWork(batched.setup, batched.dataset.test, 10)).toBe(10 * 129 * (50 + 1250));
  });

  it('asks before a long way, with the estimate, and goes only when told', () => {
    const manual = manualBackend();
    const store = createAppStore({ config: heavy, iteration: 20_000, phase: 'loss' }, { trainingBackend: manual.backend });
    const pending = store.getState().pendingSeek;
    expect(manual.jobs.length).toBe(0);
    expect(pending).toMatchObject({ iteration: 20_000, phase: 'loss', iterations: 20_000 });
    const built = buildConfig(heavy);
    expect(pending!.estimateSeconds).toBe(estimateTrainingSeconds(trainingWork(built.setup, built.dataset.test, 20_000)));
    expect(pending!.estimateSeconds).toBeGreaterThan(30); // "minutes", not an instant
    store.getState().confirmSeek();
    expect(store.getState().pendingSeek).toBeNull();
    expect(manual.jobs[0].iterations).toBe(20_000);
    expect(store.getState().training?.destination).toEqual({ iteration: 20_000, phase: 'loss' });
  });

  it('"Stay" forgets the way and keeps the cursor; the budget is the app\'s to set', () => {
    const manual = manualBackend();
    const store = createAppStore({ iteration: 500 }, { trainingBackend: manual.backend, prepareWorkBudget: 1000 });
    expect(store.getState().pendingSeek?.iteration).toBe(500);
    store.getState().dismissSeek();
    expect(store.getState().pendingSeek).toBeNull();
    expect(manual.jobs.length).toBe(0);
    expect(selectSession(store.getState()).iteration).toBe(0);
    // A way within the budget starts at once.
    store.getState().seek(0, PHASES[3]);
    expect(selectSession(store.getState()).phase).toBe('backward-output');
  });
});
