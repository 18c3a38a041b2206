// @vitest-environment jsdom
/** The app opens at the kept work (a link wins), saves what changes, and says once when storage fails. */
import { act, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openStore, useKeptWork, type OpenedStore } from '../../src/app/keptWork';
import { localeFromLanguages } from '../../src/app/locale';
import { StoreProvider } from '../../src/app/StoreProvider';
import { currentSession } from '../../src/store/index';
import { STORAGE_PREFIX, type KeyValueStore } from '../../src/store/persist';

function memoryStorage() {
  const map = new Map<string, string>();
  let isFull = false;
  const storage: KeyValueStore = {
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => {
      if (isFull) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      map.set(k, v);
    },
    removeItem: (k) => void map.delete(k),
  };
  return { storage, map, fill: () => (isFull = true) };
}

const cursor = (opened: OpenedStore) => {
  const s = currentSession(opened.store.getState().timeline);
  return `${s.iteration} ${s.phase}`;
};

function Keeper({ opened }: { opened: OpenedStore }) {
  useKeptWork(opened);
  return null;
}
const mount = (opened: OpenedStore) => render(<StoreProvider store={opened.store}><Keeper opened={opened} /></StoreProvider>);

describe('localeFromLanguages', () => {
  it.each([
    [['zh-CN'], 'zh-CN'], [['zh-TW', 'en'], 'zh-CN'], [['zh'], 'zh-CN'], [['ZH-hans-SG'], 'zh-CN'], [['fr-FR', 'zh-HK'], 'zh-CN'],
    [['en-US', 'zh-CN'], 'en'], [['fr-FR', 'de'], 'en'], [[], 'en'],
  ])('%j → %s', (languages, locale) => {
    expect(localeFromLanguages(languages)).toBe(locale);
  });
});

describe('openStore and useKeptWork', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('without storage, opens as usual and says once, quietly, that work will not be kept', () => {
    const opened = openStore('', ['zh-CN'], null);
    expect(opened.store.getState().locale).toBe('zh-CN');
    expect(opened.store.getState().notice).toMatchObject({ kind: 'info', lines: [{ code: 'storage-unavailable' }] });
    expect(opened.isResumed).toBe(false);
  });

  it('saves shortly after a change and at once when the page is hidden; a bare address then resumes it', () => {
    const { storage, map } = memoryStorage();
    const first = openStore('', ['en-US'], storage);
    mount(first);
    act(() => first.store.getState().setConfig({ hiddenSize: 7 }));
    act(() => first.store.getState().stepForward());
    expect(map.get(`${STORAGE_PREFIX}work`)).toBeUndefined();
    act(() => vi.advanceTimersByTime(400));
    expect(map.get(`${STORAGE_PREFIX}work`)).toContain('hidden=7');
    act(() => first.store.getState().stepForward());
    window.dispatchEvent(new Event('pagehide'));
    expect(map.get(`${STORAGE_PREFIX}work`)).toContain('"phase":"loss"');

    const second = openStore('', ['zh-CN'], storage);
    expect(second.isResumed).toBe(true);
    expect(second.store.getState().config.hiddenSize).toBe(7);
    expect(cursor(second)).toBe('0 loss');
    expect(second.store.getState().locale).toBe('en'); // the stored choice wins over the browser's
    expect(second.store.getState().notice).toBeNull();
  });

  it('a link naming a state wins; its errors and the storage\'s are one notice', () => {
    const { storage, map } = memoryStorage();
    map.set(`${STORAGE_PREFIX}work`, JSON.stringify({ v: 1, data: { link: 'hidden=7', iteration: 2, phase: 'update', csv: null } }));
    map.set(`${STORAGE_PREFIX}race`, '{');
    const opened = openStore('#data=xor&it=1&bogus=1', ['en'], storage);
    expect(opened.isResumed).toBe(false);
    expect(opened.store.getState().config.data.kind).toBe('xor');
    expect(cursor(opened)).toBe('1 forward-hidden');
    expect(opened.store.getState().notice).toMatchObject({ kind: 'error', lines: [{ code: 'link-unknown-key' }, { code: 'storage-dropped' }] });
    // What the link opened is the last work now, written as soon as the page is up.
    mount(opened);
    expect(map.get(`${STORAGE_PREFIX}work`)).toContain('data=xor');
  });

  it('a section anchor (#lab-race) is not a link: the stored work is resumed', () => {
    const { storage, map } = memoryStorage();
    map.set(`${STORAGE_PREFIX}work`, JSON.stringify({ v: 1, data: { link: 'hidden=7', iteration: 0, phase: 'loss', csv: null } }));
    const opened = openStore('#lab-race', ['en'], storage);
    expect(opened.isResumed).toBe(true);
    expect(cursor(opened)).toBe('0 loss');
  });

  it('storage that fills up is said once, as an info notice beside whatever was shown', () => {
    const { storage, fill } = memoryStorage();
    const opened = openStore('', ['en'], storage);
    mount(opened);
    fill();
    act(() => opened.store.getState().stepForward());
    act(() => vi.advanceTimersByTime(400));
    expect(opened.store.getState().notice).toMatchObject({ kind: 'info', lines: [{ code: 'storage-full' }] });
    act(() => opened.store.getState().notify(null));
    act(() => opened.store.getState().stepForward());
    act(() => vi.advanceTimersByTime(400));
    expect(opened.store.getState().notice).toBeNull();
  });
});
