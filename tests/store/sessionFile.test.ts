import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/data/csv';
import { DEFAULT_DATASET_SPECS } from '../../src/data/datasets';
import { PHASES } from '../../src/engine/index';
import { expectSameBits } from '../fixtures/compare';
import {
  DEFAULT_CONFIG, SESSION_VERSION, createAppStore, currentSession, readSession, sessionText, type AppStore, type Curves,
  type StudioConfig,
} from '../../src/store/index';
import { SCRATCH_INTERVAL } from '../../src/store/timeline';
import { PRESETS } from '../../src/store/presets';

const XOR_ADAM: StudioConfig = { ...DEFAULT_CONFIG, data: DEFAULT_DATASET_SPECS.xor, optimizer: { kind: 'adam', lr: 0.01 } };
/** Mini-batches (a new shuffle each epoch) and a stateful optimizer with momentum: the most state to carry. */
const MOONS_RMSPROP: StudioConfig = {
  ...DEFAULT_CONFIG, data: DEFAULT_DATASET_SPECS.moons, hiddenSize: 6, hiddenActivation: 'relu',
  optimizer: { kind: 'rmsprop', lr: 0.01, momentum: 0.5, weightDecay: 0.001 }, batchSize: 64, shuffleSeed: 3,
};

const METRICS = ['trainLoss', 'testLoss', 'trainAccuracy', 'testAccuracy'] as const;
/** The curves' rows (not their spare capacity). */
const rowsOf = (c: Curves) => Object.fromEntries(METRICS.map((k) => [k, c[k].subarray(0, c.length)]));

/** Everything the studio computes from here on depends on, bit for bit: the cursor, parameters, optimizer state, loss, curves. */
function expectSameState(a: AppStore, b: AppStore, label: string) {
  const [s, t] = [currentSession(a.getState().timeline), currentSession(b.getState().timeline)];
  expectSameBits(
    { iteration: t.iteration, phase: t.phase, params: t.params, optimizerState: t.optimizerState, loss: t.loss, curves: rowsOf(b.getState().timeline.curves) },
    { iteration: s.iteration, phase: s.phase, params: s.params, optimizerState: s.optimizerState, loss: s.loss, curves: rowsOf(a.getState().timeline.curves) },
    label,
  );
}

/** A store at (iteration, phase): trained in the worker's way to the iteration, then stepped to the phase. */
function storeAt(config: StudioConfig, iteration: number, phase: (typeof PHASES)[number]) {
  const store = createAppStore({ config });
  store.getState().train(iteration);
  for (let k = 0; k < PHASES.indexOf(phase); k++) store.getState().stepForward();
  return store;
}

async function open(text: string, name = 'saved.json', into = createAppStore()) {
  const problem = await into.getState().openSession({ name, size: text.length, text: async () => text });
  return { store: into, problem };
}

describe('session files', () => {
  it('open at the saved iteration and phase, with every number bit for bit, without retraining', async () => {
    const saved = storeAt(XOR_ADAM, 37, 'loss');
    const into = createAppStore();
    into.getState().setEmphasis(['equations'], { kind: 'panel', panel: 'equations' });
    const { store, problem } = await open(sessionText(saved.getState()), 'saved.json', into);
    expect(problem).toBeNull();
    expect(store.getState().config).toEqual(XOR_ADAM);
    expect([store.getState().emphasis, store.getState().highlight]).toEqual([[], null]);
    expectSameState(saved, store, 'opened');
    expect(store.getState().notice).toMatchObject({ kind: 'info', code: 'session-opened', params: { name: 'saved.json', iteration: 37 } });
    // Keyframes at 0 and at the saved iteration: nothing in between was recomputed.
    expect(store.getState().timeline.keyframes.map((k) => k.iteration)).toEqual([0, 37]);
  });

  it.each([
    ['XOR with Adam', XOR_ADAM, 37, 'loss'],
    ['moons, mini-batches, RMSprop with momentum', MOONS_RMSPROP, 105, 'backward-hidden'],
    ['the tutorial at iteration 0', DEFAULT_CONFIG, 0, 'update'],
    ['three spirals with softmax and ce', PRESETS.find((p) => p.id === 'three-spirals')!.config, 40, 'loss'],
  ] as const)('%s: 100 more iterations after opening equal a run never interrupted, bit for bit', async (_name, config, iteration, phase) => {
    const uninterrupted = storeAt(config, iteration, phase);
    const { store: reopened } = await open(sessionText(uninterrupted.getState()));
    // Finish the iteration phase by phase, then train 100 in the fast path, then step a few phases.
    for (const s of [uninterrupted, reopened]) {
      for (let k = PHASES.indexOf(phase); k < PHASES.length; k++) s.getState().stepForward();
      s.getState().train(100);
      for (let k = 0; k < 4; k++) s.getState().stepForward();
    }
    expect(currentSession(reopened.getState().timeline).iteration).toBe(iteration + 101);
    expectSameState(uninterrupted, reopened, 'after 100 more');
  });

  it('rebuilds iterations before the saved one from keyframe 0, equal to the original run', async () => {
    const saved = storeAt(XOR_ADAM, 57, 'forward-hidden');
    const { store } = await open(sessionText(saved.getState()));
    for (const s of [saved, store]) s.getState().seek(12, 'backward-output');
    expectSameState(saved, store, 'iteration 12');
    // The rebuild kept starts every SCRATCH_INTERVAL iterations: stepping back is cheap from here on.
    expect(store.getState().timeline.scratch.every((k) => k.iteration % SCRATCH_INTERVAL === 0)).toBe(true);
  });

  it('carry an uploaded CSV: its name, its data, and the settings it needs', async () => {
    const rows = Array.from({ length: 40 }, (_, i) => `${(i % 7) / 3 - 1},${((i * 5) % 11) / 4 - 1},${i % 2}`);
    const parsed = parseCsv(`a,b,label\n${rows.join('\n')}\n`);
    if (!parsed.ok) throw new Error('test CSV rejected');
    const original = createAppStore();
    expect(original.getState().loadCsv(parsed.dataset, 'my data.csv', { optimizer: { kind: 'sgd', lr: 0.5, momentum: 0.9 } })).toBe(true);
    original.getState().train(20);
    original.getState().stepForward();
    const { store, problem } = await open(sessionText(original.getState()));
    expect(problem).toBeNull();
    expect(store.getState().csvName).toBe('my data.csv');
    expect(store.getState().config.data).toEqual({ kind: 'csv', name: 'my data.csv' });
    expectSameBits(store.getState().built.dataset, parsed.dataset, 'the CSV data set');
    for (const s of [original, store]) s.getState().train(30);
    expectSameState(original, store, 'CSV after 30 more');
  });

  it('carry a CSV of three classes (one-hot targets, softmax and ce)', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => `${(i % 7) / 3 - 1},${((i * 5) % 11) / 4 - 1},${i % 3}`);
    const parsed = parseCsv(`a,b,kind\n${rows.join('\n')}\n`);
    if (!parsed.ok) throw new Error('test CSV rejected');
    const original = createAppStore();
    expect(original.getState().loadCsv(parsed.dataset, 'kinds.csv', { loss: 'ce', outputActivation: 'softmax' })).toBe(true);
    original.getState().train(10);
    const { store, problem } = await open(sessionText(original.getState()));
    expect(problem).toBeNull();
    expect([store.getState().built.dataset.task, store.getState().built.network.outputSize]).toEqual(['multiclass', 3]);
    expectSameState(original, store, 'three-class CSV');
  });

  it('write NaN, infinities and −0 losslessly', async () => {
    const saved = storeAt(XOR_ADAM, 3, 'forward-hidden');
    const curves = saved.getState().timeline.curves;
    curves.testAccuracy[0] = NaN;
    curves.trainLoss[1] = Infinity;
    curves.testLoss[2] = -0;
    const text = sessionText(saved.getState());
    expect(text).toContain('"NaN"');
    expect(text).toContain('"-0"');
    const { store } = await open(text);
    expectSameBits(rowsOf(store.getState().timeline.curves), rowsOf(curves), 'special values');
  });
});

describe('a file that is not a valid session', () => {
  const valid = () => JSON.parse(sessionText(storeAt(XOR_ADAM, 5, 'loss').getState()));

  it.each([
    ['not JSON', () => 'W1 = [[0.1, 0.2]]', 'not-json', ''],
    ['another format', () => ({ ...valid(), format: 'tensorflow-playground' }), 'not-session', 'format'],
    ['a newer version', () => ({ ...valid(), version: SESSION_VERSION + 1 }), 'version', 'version'],
    ['a weight matrix of the wrong shape', () => {
      const v = valid();
      v.state.params.W1 = { rows: 3, cols: 2, data: [1, 2, 3, 4, 5, 6] };
      return v;
    }, 'shape', 'state.params.W1'],
    ['a weight that is not a number', () => {
      const v = valid();
      v.state.params.W2.data[2] = 'abc';
      return v;
    }, 'double', 'state.params.W2.data[2]'],
    ['a weight that is not finite', () => {
      const v = valid();
      v.state.params.b1.data[0] = 'Infinity';
      return v;
    }, 'finite', 'state.params.b1.data[0]'],
    ['a missing Adam buffer', () => {
      const v = valid();
      delete v.state.optimizer.buffers.exp_avg_sq;
      return v;
    }, 'missing', 'state.optimizer.buffers.exp_avg_sq'],
    ['an unknown phase', () => ({ ...valid(), cursor: { iteration: 5, phase: 'sideways' } }), 'one-of', 'cursor.phase'],
    ['curves one row short', () => {
      const v = valid();
      v.curves.testLoss.pop();
      return v;
    }, 'length', 'curves.testLoss'],
    ['an optimizer step that does not match the iteration', () => {
      const v = valid();
      v.state.optimizer.step = 4;
      return v;
    }, 'equal', 'state.optimizer.step'],
    ['a hidden layer too large', () => ({ ...valid(), config: { ...valid().config, hiddenSize: 400 } }), 'integer', 'config.hiddenSize'],
    ['a CSV session without its data', () => ({ ...valid(), config: { ...valid().config, data: { kind: 'csv', name: 'x.csv' } } }), 'missing', 'csv'],
    ['settings that do not fit together', () => ({ ...valid(), config: { ...valid().config, loss: 'bce', outputActivation: 'tanh' } }), 'settings', 'config'],
  ])('%s: names the field and what was expected, and changes nothing', async (_name, make, code, field) => {
    const made = make();
    const text = typeof made === 'string' ? made : JSON.stringify(made);
    const read = readSession(text);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect([read.problem.code, read.problem.field]).toEqual([code, field]);
    expect(read.problem.message).toContain(field === '' ? 'the file' : field);

    const store = storeAt(DEFAULT_CONFIG, 3, 'loss');
    const before = store.getState();
    const { problem } = await open(text, 'broken.json', store);
    expect(problem).toEqual(read.problem);
    const after = store.getState();
    expect([after.config, after.built, after.timeline, after.csv]).toEqual([before.config, before.built, before.timeline, before.csv]);
    expect(after.timeline).toBe(before.timeline);
    expect(after.notice).toMatchObject({ kind: 'error', code: `session-${code}`, params: { name: 'broken.json', field } });
  });

  it('refuses a file larger than the limit before reading it', async () => {
    const store = createAppStore();
    let isRead = false;
    const problem = await store.getState().openSession({ name: 'huge.json', size: 2 ** 30, text: async () => { isRead = true; return ''; } });
    expect(problem?.code).toBe('too-large');
    expect(isRead).toBe(false);
  });
});
