import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, createAppStore, selectSession, type StudioConfig } from '../../src/store/index';
import { MAX_LINK_ITERATION, isStateLink, parseLink, serializeLink } from '../../src/store/url';
import { translate } from '../../src/i18n/index';
import { parseCsv } from '../../src/data/csv';
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
    ['#hidden=abc', 'link-not-number', 'hidden must be a number (got "abc")', '链接中的 hidden 必须是一个数（收到的是 "abc"）'],
    ['#g1=softmax', 'link-one-of', 'g1 must be one of tanh, sigmoid, relu, linear (got "softmax")', '链接中的 g1 必须是 tanh, sigmoid, relu, linear 之一'],
    ['#g2=gelu', 'link-one-of', 'g2 must be one of tanh, sigmoid, relu, linear, softmax (got "gelu")', '链接中的 g2 必须是'],
    ['#loss=hinge', 'link-one-of', 'loss must be one of bce, mse, ce (got "hinge")', '收到的是 "hinge"'],
    ['#loss=ce&g2=softmax', 'link-misfit', 'loss ce needs data with classes 0 … K − 1; the tutorial-numpy data has 0/1 labels (use bce) (got "ce")', '相互不匹配'],
    ['#data=three-spirals', 'link-misfit', 'loss must be ce (a softmax output with cross-entropy) for the 3 classes of the three-spirals data (got "bce")', '相互不匹配'],
    ['#data=three-spirals&loss=ce', 'link-misfit', 'outputActivation must be softmax when loss is ce', '相互不匹配'],
    ['#data=three-spirals&loss=ce&g2=softmax&hidden=101', 'link-misfit', 'hiddenSize must be an integer from 1 to 100 (got 101)', '相互不匹配'],
    ['#opt=lbfgs', 'link-one-of', 'opt must be one of sgd, rmsprop, adam (got "lbfgs")', '链接中的 opt 必须是'],
    ['#batch=-3', 'link-batch', 'batch must be "full" or a whole number of samples ≥ 1 (got "-3")', '不小于 1 的整数个样本（收到的是 "-3"）'],
    ['#data=csv', 'link-csv', 'data=csv cannot be opened from a link', '链接无法打开 data=csv'],
    ['#data=mnist', 'link-one-of', 'data must be one of', '链接中的 data 必须是'],
    ['#phase=sideways', 'link-one-of', 'phase must be one of forward-hidden', '链接中的 phase 必须是 forward-hidden'],
    ['#it=1.5', 'link-iteration', 'it must be a whole number of iterations', `0 到 ${MAX_LINK_ITERATION} 之间的整数次迭代（收到的是 "1.5"）`],
    [`#it=${MAX_LINK_ITERATION + 1}`, 'link-iteration', `(got "${MAX_LINK_ITERATION + 1}")`, `收到的是 "${MAX_LINK_ITERATION + 1}"`],
    ['#lang=fr', 'link-lang', 'lang must be en or zh-CN (got "fr")', '链接中的 lang 必须是 en 或 zh-CN（收到的是 "fr"）'],
    ['#colour=red', 'link-unknown-key', 'The link\'s "colour" is not a setting', '链接中的 "colour" 不是本页认识的设置'],
    ['#lr=-1', 'link-misfit', 'lr must be a finite number ≥ 0 (got -1)', '链接中的设置相互不匹配（lr must be a finite number ≥ 0 (got -1)）'],
    ['#g2=linear', 'link-misfit', 'outputActivation must be sigmoid when loss is bce', '相互不匹配'],
    ['#data=tutorial-pytorch', 'link-misfit', 'loss must be mse for a real-valued target', '相互不匹配'],
  ])('%s gives a specific message (%s), in English and Chinese, and a working default', (hash, code, english, chinese) => {
    const { init, errors } = parseLink(hash);
    expect(errors.map((e) => e.code)).toEqual([code]);
    expect(errors[0].message).toContain(english);
    // The view's words (the notice's code and params) say the same as the English message.
    expect(translate('en', `notice.${errors[0].code}`, errors[0].params)).toBe(errors[0].message);
    const zh = translate('zh-CN', `notice.${errors[0].code}`, errors[0].params);
    expect(zh).toContain(chinese);
    expect(zh).not.toMatch(/\{\w+\}/);
    expect(() => createAppStore(init)).not.toThrow();
  });

  it('reads lang by its primary subtag, in any case: zh, zh-cn and zh-TW are 简体中文, en-GB is English', () => {
    for (const [lang, locale] of [['zh', 'zh-CN'], ['zh-cn', 'zh-CN'], ['ZH-TW', 'zh-CN'], ['zh-Hans', 'zh-CN'], ['en-GB', 'en'], ['EN', 'en']] as const) {
      const { init, errors } = parseLink(`#lang=${lang}`);
      expect(errors, lang).toEqual([]);
      expect(init.locale, lang).toBe(locale);
    }
    expect(parseLink('#lang=zhx').errors.map((e) => e.code)).toEqual(['link-lang']);
  });

  it('quotes at most 40 characters of what a link got wrong', () => {
    const { errors } = parseLink(`#hidden=${'9x'.repeat(5000)}&${'k'.repeat(300)}=1`);
    expect(errors.map((e) => e.message.length).every((n) => n < 200)).toBe(true);
    expect(errors.map((e) => e.message).join(' ')).toContain(`"${'9x'.repeat(20)}…"`);
  });

  it('a hash without key=value is a place on the page, not a state', () => {
    expect(['', '#', '#studio', '#lab-race'].map(isStateLink)).toEqual([false, false, false, false]);
    expect(['#it=3', 'hidden=6', '#lang=zh-CN'].map(isStateLink)).toEqual([true, true, true]);
  });

  it('opens data=csv with the CSV file it is given, and only then', () => {
    const file = parseCsv('a,b,y\n1,2,0\n3,4,1\n5,6,0\n7,8,1\n');
    if (!file.ok) throw new Error('fixture CSV did not parse');
    const csv = { dataset: file.dataset, name: 'mine.csv' };
    const { init, errors } = parseLink('#data=csv&hidden=3', csv);
    expect(errors).toEqual([]);
    expect(init.config?.data).toEqual({ kind: 'csv', name: 'mine.csv' });
    expect(init.config?.hiddenSize).toBe(3);
    expect(parseLink('#data=csv&hidden=3').errors.map((e) => e.code)).toEqual(['link-csv']);
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
    expect(store.getState().notice?.lines?.map((l) => l.code)).toEqual(['link-unknown-key']);
  });
});
