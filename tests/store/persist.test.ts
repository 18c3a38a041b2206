/** Kept work: every part written when it changes, read back whole or dropped with a message, never half-read. */
import { describe, expect, it } from 'vitest';
import { fc, test } from '../prop';
import { parseCsv } from '../../src/data/csv';
import { DEFAULT_CONFIG, createAppStore, selectSession, type AppState, type AppStore } from '../../src/store/index';
import { STORAGE_PREFIX, createSaver, definePart, restoreParts, type KeyValueStore } from '../../src/store/persist';
import { MAX_KEPT_CSV_VALUES, PARTS } from '../../src/store/persistedParts';
import type { RaceSetup } from '../../src/store/index';

/** A Map standing in for localStorage; `failWith` makes setItem throw (a full or disabled storage). */
function memoryStorage(failWith: (() => Error) | null = null) {
  const map = new Map<string, string>();
  const writes: string[] = [];
  const storage: KeyValueStore = {
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => {
      if (failWith) throw failWith();
      writes.push(k.slice(STORAGE_PREFIX.length));
      map.set(k, String(v));
    },
    removeItem: (k) => void map.delete(k),
  };
  return { storage, map, writes };
}

const quotaError = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

function csvDataset(text: string) {
  const result = parseCsv(text);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.dataset;
}
/** 3 inputs, 0/1 labels, 12 rows; the numbers need every digit a double has. */
const CSV = ['p,q,r,label', ...Array.from({ length: 12 }, (_, i) => `${Math.sin(i) / 3},${-Math.cos(i * 7)},${i * 1e-7},${i % 2}`)].join('\n');

const SETUP: RaceSetup = {
  lanes: [
    { key: 0, choice: 'sgd', lr: '0.1', hypers: {} },
    { key: 3, choice: 'adam', lr: '0.02', hypers: { beta1: '0.8', beta2: '0.999', eps: '1e-8' } },
  ],
  iterations: '250',
  target: '0.05',
};

/** A learner's work: their CSV, 6 hidden neurons, 5 iterations trained and 2 phases stepped, 简体中文, a race set up. */
function workedStore(): AppStore {
  const store = createAppStore();
  const s = store.getState();
  expect(s.loadCsv(csvDataset(CSV), 'my data.csv', { hiddenSize: 6 })).toBe(true);
  store.getState().train(5);
  store.getState().stepForward();
  store.getState().stepForward();
  store.getState().setLocale('zh-CN');
  store.getState().setRaceSetup(SETUP);
  return store;
}

const cursorOf = (s: AppState) => {
  const session = selectSession(s);
  return [session.iteration, session.phase];
};

/** A fresh store with what `storage` holds put back. */
function reopen(storage: KeyValueStore, hasLink = false) {
  const store = createAppStore();
  const report = restoreParts(PARTS, storage, store.getState, { hasLink });
  return { store, report };
}

describe('kept work', () => {
  it('keeps lesson progress across a reload, and drops a damaged record with its reason', async () => {
    const { lessonById } = await import('../../src/lessons/index');
    const before = createAppStore();
    before.getState().startLesson(lessonById('one-iteration')!, 4);
    const { storage, map } = memoryStorage();
    createSaver(PARTS, storage).save(before.getState());
    const { store, report } = reopen(storage);
    expect(report.restored).toContain('lessons');
    expect(store.getState().lessonProgress).toEqual({ 'one-iteration': { step: 4, isFinished: false, firstTry: [] } });
    map.set(`${STORAGE_PREFIX}lessons`, JSON.stringify({ v: 1, data: { 'one-iteration': { step: 'four', isFinished: false, firstTry: [] } } }));
    const damaged = reopen(storage);
    expect(damaged.store.getState().lessonProgress).toEqual({});
    expect(damaged.report.reasons.join(' ')).toContain('lessons.one-iteration.step must be an integer from 0 to 99');
  });

  it('comes back after a reload: the CSV file (name and numbers), settings, cursor, language and race set-up', () => {
    const before = workedStore();
    const { storage } = memoryStorage();
    expect(createSaver(PARTS, storage).save(before.getState())).toEqual([]);

    const { store, report } = reopen(storage);
    const [a, b] = [before.getState(), store.getState()];
    expect(report).toEqual({ restored: ['locale', 'csv', 'work', 'race'], lines: [], reasons: [] });
    expect(b.config).toEqual(a.config);
    expect(b.csvName).toBe('my data.csv');
    for (const split of ['train', 'test'] as const) {
      expect(Array.from(b.csv![split].X.data)).toEqual(Array.from(a.csv![split].X.data));
      expect(Array.from(b.csv![split].Y.data)).toEqual(Array.from(a.csv![split].Y.data));
    }
    expect(b.csv!.featureNames).toEqual(['p', 'q', 'r']);
    expect(cursorOf(b)).toEqual([5, 'loss']);
    expect(cursorOf(b)).toEqual(cursorOf(a));
    // Same numbers at the cursor as the store that trained them: the same data, settings and iterations.
    expect(selectSession(b).loss).toBe(selectSession(a).loss);
    expect(b.locale).toBe('zh-CN');
    expect(b.raceSetup).toEqual(SETUP);
  });

  it('yields to a link that names a state, but keeps the CSV file (choosable by name), the race and the language', () => {
    const { storage } = memoryStorage();
    createSaver(PARTS, storage).save(workedStore().getState());
    const { store, report } = reopen(storage, true);
    expect(report.restored).toEqual(['locale', 'csv', 'race']);
    expect(store.getState().config).toBe(DEFAULT_CONFIG);
    expect(store.getState().csvName).toBe('my data.csv');
    expect(store.getState().locale).toBe('zh-CN');
  });

  it('writes a part only when it changed: stepping rewrites the cursor, never the CSV file', () => {
    const store = workedStore();
    const { storage, writes } = memoryStorage();
    const saver = createSaver(PARTS, storage);
    saver.save(store.getState());
    expect(writes.sort()).toEqual(['csv', 'locale', 'race', 'work']);
    writes.length = 0;
    store.getState().stepForward();
    saver.save(store.getState());
    saver.save(store.getState());
    expect(writes).toEqual(['work']);
  });

  it('after Start over keeps nothing but the language', () => {
    const store = workedStore();
    const { storage, map } = memoryStorage();
    const saver = createSaver(PARTS, storage);
    saver.save(store.getState());
    store.getState().startOver();
    expect(cursorOf(store.getState())).toEqual([0, 'forward-hidden']);
    expect([store.getState().config, store.getState().csv, store.getState().raceSetup]).toEqual([DEFAULT_CONFIG, null, null]);
    saver.save(store.getState());
    expect([...map.keys()]).toEqual([`${STORAGE_PREFIX}locale`]);
  });

  it('drops a corrupt part with a message and restores the others', () => {
    const { storage, map } = memoryStorage();
    createSaver(PARTS, storage).save(workedStore().getState());
    map.set(`${STORAGE_PREFIX}race`, '{"v":1,"data":{"lanes":[');
    const { store, report } = reopen(storage);
    expect(report.restored).toEqual(['locale', 'csv', 'work']);
    expect(report.lines.map((l) => l.code)).toEqual(['storage-dropped']);
    expect(report.reasons[0]).toMatch(/^race: /);
    expect(map.has(`${STORAGE_PREFIX}race`)).toBe(false);
    expect(store.getState().raceSetup).toBeNull();
    expect(cursorOf(store.getState())).toEqual([5, 'loss']);
  });

  it('never half-reads: one bad lane drops the whole race set-up, one bad setting the whole work', () => {
    const { storage, map } = memoryStorage();
    createSaver(PARTS, storage).save(workedStore().getState());
    const race = JSON.parse(map.get(`${STORAGE_PREFIX}race`)!);
    race.data.lanes[1].choice = 'lbfgs';
    map.set(`${STORAGE_PREFIX}race`, JSON.stringify(race));
    const work = JSON.parse(map.get(`${STORAGE_PREFIX}work`)!);
    expect(work.data.link).toContain('hidden=6');
    work.data.link = work.data.link.replace('hidden=6', 'hidden=999');
    map.set(`${STORAGE_PREFIX}work`, JSON.stringify(work));
    const { store, report } = reopen(storage);
    expect(report.restored).toEqual(['locale', 'csv']);
    expect(report.reasons.join(' ')).toMatch(/race.lanes\[1\].choice must be one of sgd, momentum, rmsprop, adam \(got "lbfgs"\)/);
    expect(report.reasons.join(' ')).toMatch(/work.link/);
    expect(store.getState().raceSetup).toBeNull();
    expect(store.getState().config).toBe(DEFAULT_CONFIG);
  });

  it('work that used a CSV file no longer kept shows the tutorial and says which file to choose again', () => {
    const { storage, map } = memoryStorage();
    createSaver(PARTS, storage).save(workedStore().getState());
    map.delete(`${STORAGE_PREFIX}csv`);
    const { store, report } = reopen(storage);
    expect(report.lines).toEqual([expect.objectContaining({ code: 'storage-csv-missing', params: { name: 'my data.csv' } })]);
    expect(store.getState().config).toBe(DEFAULT_CONFIG);
    expect(map.has(`${STORAGE_PREFIX}work`)).toBe(false);
  });

  it('a CSV file too large to keep is refused before it is written, and no older file stays behind', () => {
    const store = workedStore();
    const { storage, map } = memoryStorage();
    const saver = createSaver(PARTS, storage);
    saver.save(store.getState());
    const columns = 11;
    const rows = Math.ceil(MAX_KEPT_CSV_VALUES / columns) + 1;
    const big = Array.from({ length: rows }, (_, i) => [...Array.from({ length: columns - 1 }, (_, j) => i * j), i % 2].join(',')).join('\n');
    store.getState().loadCsv(csvDataset(big), 'big.csv');
    const lines = saver.save(store.getState());
    expect(lines).toEqual([expect.objectContaining({ code: 'storage-csv-too-large', params: { name: 'big.csv', max: MAX_KEPT_CSV_VALUES } })]);
    expect(map.has(`${STORAGE_PREFIX}csv`)).toBe(false);
    expect(saver.save(store.getState())).toEqual([]); // said once
  });

  it.each([
    ['three classes (labels 0–2)', '0,1,2', undefined],
    ['two classes for softmax (labels 0/1 read with loss ce)', '0,1,1', 'ce' as const],
  ])('keeps a CSV file of %s: back as the same one-hot classes', (_, labels, loss) => {
    const rows = Array.from({ length: 9 }, (__, i) => `${i / 3},${-i},${labels.split(',')[i % 3]}`);
    const file = parseCsv(['a,b,class', ...rows].join('\n'), loss ? { loss } : {});
    if (!file.ok) throw new Error(JSON.stringify(file.errors));
    const store = createAppStore();
    expect(store.getState().loadCsv(file.dataset, 'classes.csv', { outputActivation: 'softmax', loss: 'ce' })).toBe(true);
    const { storage } = memoryStorage();
    expect(createSaver(PARTS, storage).save(store.getState())).toEqual([]);
    const { store: back, report } = reopen(storage);
    expect(report.restored).toContain('csv');
    expect(report.restored).toContain('work');
    const [a, b] = [store.getState().csv!, back.getState().csv!];
    expect([b.task, b.outputSize]).toEqual(['multiclass', a.outputSize]);
    expect(Array.from(b.train.Y.data)).toEqual(Array.from(a.train.Y.data));
    expect(Array.from(b.test.X.data)).toEqual(Array.from(a.test.X.data));
  });

  it('reads a CSV file kept by version 1 (before K classes) through its upgrade', () => {
    const { storage, map } = memoryStorage();
    map.set(`${STORAGE_PREFIX}csv`, JSON.stringify({ v: 1, data: { name: 'old.csv', train: 2, text: 'x,y\n1,0\n2,1\n3,0' } }));
    const { store, report } = reopen(storage);
    expect(report).toMatchObject({ restored: ['csv'], lines: [] });
    expect([store.getState().csvName, store.getState().csv?.train.X.cols, store.getState().csv?.task]).toEqual(['old.csv', 2, 'classification']);
  });

  it('a data set the CSV writer cannot write (more than one target row) is not kept, and says so', () => {
    const store = workedStore();
    const { storage, map } = memoryStorage();
    const saver = createSaver(PARTS, storage);
    saver.save(store.getState());
    const csv = store.getState().csv!;
    const twoTargets = { ...csv, outputSize: 2, train: { ...csv.train, Y: { rows: 2, cols: csv.train.X.cols, data: new Float64Array(2 * csv.train.X.cols) } } };
    store.getState().restoreCsv(twoTargets, 'two.csv');
    expect(saver.save(store.getState())).toEqual([expect.objectContaining({ code: 'storage-csv-not-kept', params: { name: 'two.csv' } })]);
    expect(map.has(`${STORAGE_PREFIX}csv`)).toBe(false);
  });

  it('a full storage says so; the page keeps the state it has', () => {
    const store = workedStore();
    const { storage } = memoryStorage(quotaError);
    const lines = createSaver(PARTS, storage).save(store.getState());
    expect([...new Set(lines.map((l) => l.code))]).toEqual(['storage-full']);
    expect(cursorOf(store.getState())).toEqual([5, 'loss']);
  });

  it('upgrades an older version it knows, and drops one it does not (or a newer one)', () => {
    type V2 = { readonly name: string; readonly size: number };
    let restored: V2 | null = null;
    const part = definePart<V2>({
      key: 'demo', version: 2, isWork: true, yieldsToLink: false,
      upgrades: { 1: (data) => ({ ...(data as object), size: 1 }) },
      pick: () => null,
      encode: (v) => v,
      decode: (data) => {
        const v = data as V2;
        if (typeof v.name !== 'string' || typeof v.size !== 'number') throw new Error('name and size required');
        return v;
      },
      restore: (_, v) => {
        restored = v;
        return null;
      },
    });
    const { storage, map } = memoryStorage();
    const get = () => createAppStore().getState();
    map.set(`${STORAGE_PREFIX}demo`, JSON.stringify({ v: 1, data: { name: 'old' } }));
    expect(restoreParts([part], storage, get, { hasLink: false }).restored).toEqual(['demo']);
    expect(restored).toEqual({ name: 'old', size: 1 });
    for (const v of [0, 3, 1.5, '2']) {
      map.set(`${STORAGE_PREFIX}demo`, JSON.stringify({ v, data: { name: 'x', size: 2 } }));
      const report = restoreParts([part], storage, get, { hasLink: false });
      expect(report.lines.map((l) => l.code)).toEqual(['storage-dropped']);
      expect(map.has(`${STORAGE_PREFIX}demo`)).toBe(false);
    }
  });

  const json = fc.jsonValue({ maxDepth: 4 });
  const stored = fc.oneof(
    fc.string(),
    json.map((data) => JSON.stringify(data)),
    fc.record({ v: fc.oneof(fc.constant(1), fc.integer()), data: json }).map((e) => JSON.stringify(e)),
  );
  test.prop([fc.dictionary(fc.constantFrom(...PARTS.map((p) => p.key)), stored)], { numRuns: 1000 })(
    'whatever is stored, restoring never throws: each part is restored or dropped with a message',
    (entries) => {
      const { storage, map } = memoryStorage();
      for (const [k, v] of Object.entries(entries)) map.set(STORAGE_PREFIX + k, v);
      const { store, report } = reopen(storage);
      const dropped = Object.keys(entries).filter((k) => !report.restored.includes(k));
      for (const k of dropped) expect(map.has(STORAGE_PREFIX + k)).toBe(false);
      if (dropped.length > 0) expect(report.lines.length).toBeGreaterThan(0);
      expect(() => createSaver(PARTS, storage).save(store.getState())).not.toThrow();
    },
  );
});
