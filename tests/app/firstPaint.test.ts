/** The first-paint choice boot.ts makes before the body is parsed: the prerender only for the state it shows. */
import { describe, expect, it } from 'vitest';
import { firstPaintFor } from '../../src/app/firstPaint';
import { localeFromLanguages } from '../../src/app/locale';
import { openStore } from '../../src/app/keptWork';
import { STORAGE_PREFIX } from '../../src/store/persist';

const storageOf = (entries: Record<string, string>) => {
  const map = new Map(Object.entries(entries));
  return { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v), removeItem: (k: string) => void map.delete(k) };
};

describe('firstPaintFor', () => {
  it('shows the prerender on a first visit in English, and with a section anchor', () => {
    expect(firstPaintFor('', storageOf({}), ['en-US', 'en'])).toBe('prerender');
    expect(firstPaintFor('#studio', storageOf({}), ['en-GB'])).toBe('prerender');
    expect(firstPaintFor('', null, ['fr-FR'])).toBe('prerender'); // no stored work; a language the page lacks reads English
  });

  it('paints the shell for a link naming a state or a lesson step', () => {
    expect(firstPaintFor('#data=xor&hidden=3', storageOf({}), ['en'])).toBe('shell');
    expect(firstPaintFor('#it=0', storageOf({}), ['en'])).toBe('shell');
    expect(firstPaintFor('#lesson=one-iteration&step=7', storageOf({}), ['en'])).toBe('shell');
  });

  it('paints the shell for a reader of Chinese, by the browser or by the stored choice', () => {
    expect(firstPaintFor('', storageOf({}), ['zh-CN'])).toBe('shell');
    expect(firstPaintFor('', storageOf({}), ['zh-TW', 'en'])).toBe('shell');
    expect(firstPaintFor('', storageOf({ [`${STORAGE_PREFIX}locale`]: '{"v":1,"data":"zh-CN"}' }), ['en-US'])).toBe('shell');
    // A stored English wins over a Chinese browser.
    expect(firstPaintFor('', storageOf({ [`${STORAGE_PREFIX}locale`]: '{"v":1,"data":"en"}' }), ['zh-CN'])).toBe('prerender');
  });

  it('paints the shell for stored work or an uploaded file, not for what shows below the first screen', () => {
    expect(firstPaintFor('', storageOf({ [`${STORAGE_PREFIX}work`]: '{}' }), ['en'])).toBe('shell');
    expect(firstPaintFor('', storageOf({ [`${STORAGE_PREFIX}csv`]: '{}' }), ['en'])).toBe('shell');
    expect(firstPaintFor('', storageOf({ [`${STORAGE_PREFIX}race`]: '{}', [`${STORAGE_PREFIX}lessons`]: '{}' }), ['en'])).toBe('prerender');
  });

  it('agrees with the language the app opens in', () => {
    for (const languages of [['en'], ['zh-CN'], ['de', 'zh-HK'], ['fr'], ['EN-us', 'zh']]) {
      const isEnglish = localeFromLanguages(languages) === 'en';
      expect(firstPaintFor('', null, languages) === 'prerender').toBe(isEnglish);
    }
  });

  it('never shows the prerender for a load the app opens at another state than its initial one', () => {
    // What the app itself does with each (openStore): the prerender is right exactly when the store stays at its initial state.
    const work = JSON.stringify({ v: 1, data: { link: 'data=xor', iteration: 3, phase: 'loss', csv: null } });
    const cases: [string, Record<string, string>, string[]][] = [
      ['', {}, ['en']], ['#data=xor', {}, ['en']], ['', { [`${STORAGE_PREFIX}work`]: work }, ['en']], ['', {}, ['zh-CN']],
      ['#it=2&phase=loss', {}, ['en']],
    ];
    for (const [hash, stored, languages] of cases) {
      const storage = storageOf(stored);
      const choice = firstPaintFor(hash, storage, languages);
      const { store } = openStore(hash.replace(/^#/, ''), languages, storage);
      const s = store.getState();
      const atInitial = s.config === store.getInitialState().config && s.timeline === store.getInitialState().timeline && s.locale === 'en';
      if (choice === 'prerender') expect(atInitial, `${hash} ${JSON.stringify(stored)} ${languages}`).toBe(true);
      else expect(atInitial, `${hash} ${JSON.stringify(stored)} ${languages}`).toBe(false);
    }
  });
});
