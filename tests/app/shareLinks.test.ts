// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { embedCode, embedLink, pageLink, type ShareChoice } from '../../src/app/shareLinks';
import { DEFAULT_CONFIG, createAppStore, selectSession } from '../../src/store/index';
import { parseLink } from '../../src/store/url';
import { DEFAULT_DATASET_SPECS } from '../../src/data/datasets';

const BASE = 'https://example.org/studio/';
const xor = { ...DEFAULT_CONFIG, data: DEFAULT_DATASET_SPECS.xor, hiddenSize: 6 };
const choice: ShareChoice = { config: xor, cursor: { iteration: 12, phase: 'backward-hidden' }, locale: 'zh-CN', parts: ['controls', 'equations', 'network'] };

/** What a page opened from `url` shows. */
function opened(url: string) {
  const { init, errors } = parseLink(new URL(url).hash);
  expect(errors).toEqual([]);
  const s = createAppStore(init).getState();
  const session = selectSession(s);
  return { mode: s.mode, parts: s.embedParts, data: s.config.data.kind, hidden: s.config.hiddenSize, at: `${session.iteration} ${session.phase}`, locale: s.locale };
}

describe('the Share / embed dialog\'s links', () => {
  it('the page link opens the whole page at the same state', () => {
    expect(opened(pageLink(BASE, choice))).toEqual({ mode: 'studio', parts: expect.anything(), data: 'xor', hidden: 6, at: '12 backward-hidden', locale: 'zh-CN' });
  });

  it('the embed link opens only the chosen parts, in the studio\'s order', () => {
    const url = embedLink(BASE, choice);
    expect(url).toContain('embed=1&show=network,equations,controls');
    expect(opened(url)).toMatchObject({ mode: 'embed', parts: ['network', 'equations', 'controls'], data: 'xor', at: '12 backward-hidden' });
  });

  it('without "start at this iteration" it opens at iteration 0', () => {
    expect(opened(embedLink(BASE, { ...choice, cursor: null })).at).toBe('0 forward-hidden');
  });

  it('an uploaded CSV cannot travel: the link opens the tutorial data, with no error', () => {
    const csv = { ...choice, config: { ...xor, data: { kind: 'csv' as const, name: 'marks.csv' } } };
    expect(opened(pageLink(BASE, csv)).data).toBe('tutorial-numpy');
  });

  it('the <iframe> code carries the embed link, escaped for an attribute, and a title', () => {
    const code = embedCode(BASE, choice, 'Backprop "Studio"');
    const frame = new DOMParser().parseFromString(code, 'text/html').querySelector('iframe')!;
    expect(frame.getAttribute('src')).toBe(embedLink(BASE, choice));
    expect(frame.getAttribute('title')).toBe('Backprop "Studio"');
    expect(code).not.toMatch(/src="[^"]*&(?!amp;)/);
  });
});
