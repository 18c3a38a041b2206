import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, createAppStore, selectSession, type StudioConfig } from '../../src/store/index';
import { MAX_LINK_ITERATION, parseLink, serializeLink } from '../../src/store/url';
import { PRESETS } from '../../src/store/presets';

const start = { iteration: 0, phase: 'forward-hidden' } as const;

describe('links', () => {
  it('the default state is the empty link, and an empty link is the default', () => {
    expect(serializeLink(DEFAULT_CONFIG, start, 'en')).toBe('');
    expect(parseLink('')).toEqual({ init: {}, errors: [] });
  });

  it('round-trips a full configuration, cursor and locale', () => {
    const config: StudioConfig = {
      ...DEFAULT_CONFIG,
      data: { kind: 'spiral', points: 600, noise: 0.2, trainFraction: 0.5, seed: 7 },
      hiddenSize: 12, hiddenActivation: 'relu', init: { scheme: 'he', scale: 0.01, seed: 3 },
      optimizer: { kind: 'adam', lr: 0.005, beta1: 0.8, beta2: 0.99, eps: 1e-6, weightDecay: 0.001 },
      batchSize: 32, shuffleSeed: 9,
    };
    const link = serializeLink(config, { iteration: 40, phase: 'backward-output' }, 'zh-CN');
    expect(link).toContain('data=spiral');
    const { init, errors } = parseLink(`#${link}`);
    expect(errors).toEqual([]);
    expect(init).toEqual({ config, iteration: 40, phase: 'backward-output', locale: 'zh-CN' });
  });

  it('opens a store exactly where the link points', () => {
    const { init } = parseLink('#data=xor&hidden=3&it=5&phase=loss');
    const s = selectSession(createAppStore(init).getState());
    expect([s.iteration, s.phase, s.params.W1.rows]).toEqual([5, 'loss', 3]);
  });

  it.each([
    ['#hidden=abc', 'hidden must be a number (got "abc")'],
    ['#g1=softmax', 'g1 must be one of tanh, sigmoid, relu, linear; softmax is for the output layer (g2) only (got "softmax")'],
    ['#g2=gelu', 'g2 must be one of tanh, sigmoid, relu, linear, softmax (got "gelu")'],
    ['#loss=hinge', 'loss must be one of bce, mse, ce (got "hinge")'],
    ['#loss=ce&g2=softmax', 'loss ce needs data with classes 0 … K − 1; the tutorial-numpy data has 0/1 labels (use bce) (got "ce")'],
    ['#data=three-spirals', 'loss must be ce (a softmax output with cross-entropy) for the 3 classes of the three-spirals data (got "bce")'],
    ['#data=three-spirals&loss=ce', 'outputActivation must be softmax when loss is ce'],
    ['#data=three-spirals&loss=ce&g2=softmax&hidden=101', 'hiddenSize must be an integer from 1 to 100 (got 101)'],
    ['#opt=lbfgs', 'opt must be one of sgd, rmsprop, adam (got "lbfgs")'],
    ['#batch=-3', 'batch must be "full" or a whole number of samples ≥ 1 (got "-3")'],
    ['#data=csv', 'data=csv cannot be opened from a link'],
    ['#data=mnist', 'data must be one of'],
    ['#phase=sideways', 'phase must be one of forward-hidden'],
    ['#it=1.5', 'it must be a whole number of iterations'],
    [`#it=${MAX_LINK_ITERATION + 1}`, `(got "${MAX_LINK_ITERATION + 1}")`],
    ['#lang=fr', 'lang must be en or zh-CN (got "fr")'],
    ['#colour=red', 'The link\'s "colour" is not a setting'],
    ['#lr=-1', 'lr must be a finite number ≥ 0 (got -1)'],
    ['#g2=linear', 'outputActivation must be sigmoid when loss is bce'],
    ['#data=tutorial-pytorch', 'loss must be mse for a real-valued target'],
  ])('%s gives a specific message and a working default', (hash, message) => {
    const { init, errors } = parseLink(hash);
    expect(errors.join(' ')).toContain(message);
    expect(() => createAppStore(init)).not.toThrow();
  });

  it('round-trips the three-spirals preset (softmax, ce, 100 hidden, weight decay) and opens it', () => {
    const config = PRESETS.find((p) => p.id === 'three-spirals')!.config;
    const link = serializeLink(config, { iteration: 3, phase: 'loss' }, 'en');
    expect(link).toBe('data=three-spirals&hidden=100&g1=relu&g2=softmax&loss=ce&seed=1&lr=1&wd=0.001&it=3&phase=loss');
    const { init, errors } = parseLink(`#${link}`);
    expect(errors).toEqual([]);
    expect(init.config).toEqual(config);
    const s = selectSession(createAppStore(init).getState());
    expect([s.iteration, s.phase, s.batch.Y.rows, s.params.W1.rows]).toEqual([3, 'loss', 3, 100]);
  });

  it('keeps the parts of a link it understood', () => {
    const { init, errors } = parseLink('#hidden=6&g1=softmax&it=3');
    expect(errors).toHaveLength(1);
    expect(init.config?.hiddenSize).toBe(6);
    expect(init.iteration).toBe(3);
  });

  it('applyRecipe moves an existing store and reports what it could not read', () => {
    const store = createAppStore();
    const { init, errors } = parseLink('#data=moons&it=2&phase=update&bogus=1');
    store.getState().applyRecipe(init, errors);
    const s = selectSession(store.getState());
    expect([s.iteration, s.phase, store.getState().config.data.kind]).toEqual([2, 'update', 'moons']);
    expect(store.getState().notice?.message).toContain('"bogus"');
  });
});
