import { describe, expect, it } from 'vitest';
import { translate } from '../../src/i18n/index';
import { DEFAULT_CONFIG, createAppStore, layoutOf, selectSession } from '../../src/store/index';
import { parseLink, serializeLink, type LinkIssue } from '../../src/store/url';

/** An issue in the reader's language, as the notice shows it. */
const say = (locale: 'en' | 'zh-CN', issue: LinkIssue) => translate(locale, `notice.${issue.code}`, issue.params);

const start = { iteration: 0, phase: 'forward-hidden' } as const;
/** Every part an embed may show, as the issue names them. */
const PARTS = ['network', 'equations', 'matrices', 'code', 'curves', 'data', 'controls'] as const;

describe('embed flags in a link', () => {
  it.each(PARTS)('#embed=1&show=%s opens an embed of that part alone, with no message', (part) => {
    const { init, errors } = parseLink(`#embed=1&show=${part}`);
    expect(errors).toEqual([]);
    expect(init.layout).toEqual({ mode: 'embed', show: [part] });
  });

  it('keeps the parts in the link\'s order, each once, and every other key still applies', () => {
    const { init, errors } = parseLink('#data=xor&it=4&phase=loss&lang=zh-CN&embed=1&show=code,network,code, data');
    expect(errors).toEqual([]);
    expect(init.layout).toEqual({ mode: 'embed', show: ['code', 'network', 'data'] });
    expect([init.config?.data.kind, init.iteration, init.phase, init.locale]).toEqual(['xor', 4, 'loss', 'zh-CN']);
  });

  it('names the panels it does not know, and shows the ones it does', () => {
    const { init, errors } = parseLink('#embed=1&show=network,graph,Equations');
    expect(init.layout).toEqual({ mode: 'embed', show: ['network'] });
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toBe(
      'The link\'s show= names panels this page does not have: "graph", "Equations". The panels are network, equations, matrices, code, curves, data, controls.',
    );
    // The notice's words (code and params) say the same as the English message.
    expect(say('en', errors[0])).toBe(errors[0].message);
  });

  it('names them in 简体中文', () => {
    const { errors } = parseLink('#lang=zh-CN&embed=1&show=graph,network');
    expect(say('zh-CN', errors[0])).toBe('链接的 show= 中有本页面没有的面板："graph"。可用的面板有 network, equations, matrices, code, curves, data, controls。');
  });

  it('shows every part when show= names none it knows, and when it is absent', () => {
    const none = parseLink('#embed=1&show=tables');
    expect(none.init.layout).toEqual({ mode: 'embed', show: [...PARTS] });
    expect(none.errors.map((e) => e.message).join(' ')).toMatch(/"tables".*names none of the panels/);
    expect(parseLink('#embed=1')).toEqual({ init: { layout: { mode: 'embed', show: [...PARTS] } }, errors: [] });
  });

  it.each([
    ['#embed=yes', 'embed must be 1 (got "yes")', undefined],
    ['#show=network', 'show= only applies to an embed (embed=1)', undefined],
    ['#speaker=2', 'speaker must be 1 (got "2")', undefined],
    ['#present=network', 'present= must name two different panels', { mode: 'present', panels: ['network', 'equations'] }],
    ['#present=code,code', '(got "code,code"', { mode: 'present', panels: ['network', 'equations'] }],
    ['#embed=1&speaker=1', 'more than one layout (speaker=1, embed=1); using speaker=1', { mode: 'speaker' }],
  ])('%s: a specific message, in English and Chinese, and a layout that works', (hash, message, layout) => {
    const { init, errors } = parseLink(hash);
    expect(errors.map((e) => e.message).join(' ')).toContain(message);
    for (const e of errors) {
      expect(say('en', e)).toBe(e.message);
      expect(say('zh-CN', e)).toMatch(/链接/);
      expect(say('zh-CN', e)).not.toMatch(/\{\w+\}/);
    }
    expect(init.layout).toEqual(layout);
    expect(() => createAppStore(init)).not.toThrow();
  });

  it('reads presenter mode\'s two panels and the speaker view', () => {
    expect(parseLink('#present=code,curves')).toEqual({ init: { layout: { mode: 'present', panels: ['code', 'curves'] } }, errors: [] });
    expect(parseLink('#speaker=1&it=2')).toEqual({ init: { layout: { mode: 'speaker' }, iteration: 2 }, errors: [] });
    expect(parseLink('#embed=0')).toEqual({ init: {}, errors: [] });
  });

  it('writes the layout so the address bar reopens it, commas unescaped', () => {
    const embed = serializeLink(DEFAULT_CONFIG, { iteration: 3, phase: 'loss' }, 'en', { mode: 'embed', show: ['network', 'controls'] });
    expect(embed).toBe('it=3&phase=loss&embed=1&show=network,controls');
    expect(serializeLink(DEFAULT_CONFIG, start, 'en', { mode: 'present', panels: ['matrices', 'network'] })).toBe('present=matrices,network');
    expect(serializeLink(DEFAULT_CONFIG, start, 'zh-CN', { mode: 'speaker' })).toBe('lang=zh-CN&speaker=1');
    expect(parseLink(`#${embed}`).init.layout).toEqual({ mode: 'embed', show: ['network', 'controls'] });
  });
});

describe('layouts in the store', () => {
  it('a new store opens in the link\'s layout at the link\'s cursor', () => {
    const store = createAppStore(parseLink('#embed=1&show=curves,controls&it=2&phase=update').init);
    const s = store.getState();
    expect([s.mode, s.embedParts, selectSession(s).iteration, selectSession(s).phase]).toEqual(['embed', ['curves', 'controls'], 2, 'update']);
    expect(layoutOf(s)).toEqual({ mode: 'embed', show: ['curves', 'controls'] });
  });

  it('a recipe with a layout switches to it; one without keeps the layout (a lesson step stays on the projector)', () => {
    const store = createAppStore();
    store.getState().applyRecipe({ layout: { mode: 'present', panels: ['code', 'data'] } });
    expect([store.getState().mode, store.getState().presentPanels]).toEqual(['present', ['code', 'data']]);
    store.getState().applyRecipe({ iteration: 1 });
    expect(store.getState().mode).toBe('present');
  });

  it('choosing the panel the other side shows swaps the two; leaving presenter mode ends a black-out', () => {
    const store = createAppStore();
    store.getState().setPresentPanel(0, 'equations');
    expect(store.getState().presentPanels).toEqual(['equations', 'network']);
    store.getState().setPresentPanel(1, 'code');
    expect(store.getState().presentPanels).toEqual(['equations', 'code']);
    store.getState().setMode('present');
    store.getState().toggleBlackout();
    expect(store.getState().isBlackedOut).toBe(true);
    store.getState().setMode('studio');
    expect(store.getState().isBlackedOut).toBe(false);
  });
});
