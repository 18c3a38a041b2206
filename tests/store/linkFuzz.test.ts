/**
 * The link parser against 10 000+ generated links each: every one opens, or says specifically
 * what it did not understand, in both languages; none throws and none takes long.
 */
import { describe, expect } from 'vitest';
import { fc, test } from '../prop';
import { translate } from '../../src/i18n/index';
import { CATALOG } from '../../src/i18n/catalog';
import { DEFAULT_CONFIG } from '../../src/store/index';
import { parseLink, quoteLink, serializeLink, type LinkIssueCode } from '../../src/store/url';

const CODES: readonly LinkIssueCode[] = [
  'link-unknown-key', 'link-not-number', 'link-one-of', 'link-csv', 'link-batch', 'link-misfit', 'link-iteration', 'link-lang',
];
const KEYS = [
  'data', 'points', 'noise', 'train', 'dataSeed', 'hidden', 'g1', 'g2', 'loss', 'init', 'scale', 'seed', 'opt', 'lr', 'momentum',
  'alpha', 'beta1', 'beta2', 'eps', 'wd', 'batch', 'shuffle', 'it', 'phase', 'lang',
];
/** Values that mean something to some key, and values that mean nothing to any. */
const VALUES = [
  'xor', 'spiral', 'moons', 'circle', 'gaussians', 'tutorial-numpy', 'tutorial-pytorch', 'csv', 'tanh', 'sigmoid', 'relu', 'linear',
  'softmax', 'bce', 'mse', 'he', 'xavier', 'tutorial', 'sgd', 'adam', 'rmsprop', 'full', 'loss', 'update', 'forward-hidden',
  'en', 'zh-CN', '0', '1', '2', '3', '-1', '0.5', '1e-3', '1e309', '-0', 'NaN', 'Infinity', '', ' ', '0x10', '1_000', '３', '½',
];
const valueText = fc.oneof(
  fc.constantFrom(...VALUES),
  fc.double().map(String),
  fc.integer({ min: -10, max: 200_000 }).map(String),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
);
const keyText = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...KEYS) }, fc.string({ maxLength: 8 }), fc.string({ unit: 'binary', maxLength: 8 }));
/** A link made of key=value pairs (percent-encoded or not), or any text at all. */
const link = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(fc.array(fc.tuple(keyText, valueText), { maxLength: 6 }), fc.boolean(), fc.boolean()).map(([pairs, isEncoded, hasHash]) => {
    const encode = isEncoded ? encodeURIComponent : (s: string) => s;
    return `${hasHash ? '#' : ''}${pairs.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&')}`;
  }) },
  fc.string({ maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 80 }),
);

describe('parseLink, fuzzed', () => {
  test.prop([link], { numRuns: 10_000 })('opens or names what it did not understand, in English and 简体中文; never throws', (hash) => {
    const { init, errors } = parseLink(hash);
    for (const e of errors) {
      expect(CODES).toContain(e.code);
      expect(e.message.length).toBeGreaterThan(0);
      for (const locale of ['en', 'zh-CN'] as const) {
        // Every placeholder of the message is filled, and the sentence stays a sentence.
        const placeholders = [...CATALOG[locale][`notice.${e.code}`].matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
        for (const name of placeholders) expect(e.params ?? {}).toHaveProperty(name);
        expect(translate(locale, `notice.${e.code}`, e.params).length).toBeLessThan(400);
      }
    }
    // Every key given either was read or has its own message.
    const params = new URLSearchParams(hash.replace(/^#/, ''));
    for (const key of params.keys()) {
      if (!KEYS.includes(key)) expect(errors.some((e) => e.code === 'link-unknown-key' && e.params?.key === quoteLink(key))).toBe(true);
    }
    // A cursor is a real one (the config was built by parseLink itself, which drops it if it does not build).
    if (init.iteration !== undefined) expect(Number.isInteger(init.iteration) && init.iteration >= 0).toBe(true);
    if (init.locale !== undefined) expect(['en', 'zh-CN']).toContain(init.locale);
  }, 120_000); // bounded work (10,000 cases): slow only on a busy machine

  const config = fc.record({
    hiddenSize: fc.integer({ min: 1, max: 32 }),
    hiddenActivation: fc.constantFrom('tanh', 'sigmoid', 'relu', 'linear' as const),
    lr: fc.double({ min: 0, max: 10, noNaN: true }),
    seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
    batchSize: fc.option(fc.integer({ min: 1, max: 300 }), { nil: null }),
  });
  test.prop([config, fc.integer({ min: 0, max: 100_000 }), fc.constantFrom('loss', 'update', 'forward-hidden' as const)], { numRuns: 1000 })(
    'reads back exactly what it wrote', ({ lr, seed, ...rest }, iteration, phase) => {
      const written = { ...DEFAULT_CONFIG, ...rest, optimizer: { kind: 'sgd' as const, lr }, init: { ...DEFAULT_CONFIG.init, seed } };
      const { init, errors } = parseLink(serializeLink(written, { iteration, phase }, 'zh-CN'));
      expect(errors).toEqual([]);
      expect(init).toEqual({ ...(init.config ? { config: written } : {}), ...(iteration ? { iteration } : {}), ...(phase === 'forward-hidden' ? {} : { phase }), locale: 'zh-CN' });
    },
  );
});
