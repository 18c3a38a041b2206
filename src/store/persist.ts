/**
 * Work kept in the browser: a registry of persisted parts (see persistedParts.ts), each stored
 * under its own key with its own format version, and read back whole or not at all. Pure: the
 * app hands in the storage (window.localStorage) and decides when to save; nothing here knows
 * time or the window.
 *
 * Why a key per part: the cursor changes many times a second and the CSV file may be megabytes;
 * each part is written only when it changes, so stepping never rewrites the file.
 */
import type { AppState, NoticeCode, NoticeLine } from './types';

/** The part of the Web Storage API used (window.localStorage in the app, a Map in tests). */
export type KeyValueStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** Every key this app writes starts with this. */
export const STORAGE_PREFIX = 'backprop-studio/';

export interface RestoreContext {
  /** The page was opened with a link naming a state, which wins over stored work. */
  readonly hasLink: boolean;
}

/**
 * One piece of state kept across reloads: `T` as picked from the state, `Read` as decoded from
 * storage (the same, unless it needs other parts back first). To add one: write it (with a
 * `version` of 1) and list it in PARTS (persistedParts.ts), where the order is the order of restoring.
 */
export interface PersistedPart<T, Read = T> {
  /** Its key in storage, after STORAGE_PREFIX. */
  readonly key: string;
  /** The format written now. Bump it when the stored shape changes, and give the old one an upgrade. */
  readonly version: number;
  /** upgrades[v] turns data of version v into version v + 1; data with no way up to `version` is dropped with a message. */
  readonly upgrades?: Readonly<Record<number, (data: unknown) => unknown>>;
  /** Part of the learner's work (forgotten by "Start over"), not a preference such as the language. */
  readonly isWork: boolean;
  /** A link names this part's state, so a stored copy is not restored when the page opened a link. */
  readonly yieldsToLink: boolean;
  /** The value to keep, from the state; null when there is nothing to keep (the stored copy is removed). */
  pick(state: AppState): T | null;
  /** Whether two picked values are the same (nothing to write); Object.is when absent. */
  same?(a: T, b: T): boolean;
  /** Why the value cannot be kept (too large), checked before encoding it; null when it can. */
  refuse?(value: T): NoticeLine | null;
  /** The value as JSON-able data. */
  encode(value: T): unknown;
  /** Stored data back as a value. Checks all of it first; throws an Error naming what is wrong. */
  decode(data: unknown): Read;
  /**
   * Puts a decoded value back through store actions (`state` is the store's latest). Returns a
   * message when it cannot (the stored copy is then removed); throws when the value does not fit.
   */
  restore(state: () => AppState, value: Read, context: RestoreContext): NoticeLine | null;
}

/** A part as the registry holds it: its types are known only to its own functions. */
export type AnyPart = PersistedPart<unknown, unknown>;

/** Checks a part's types where it is defined, then lets it join the registry. */
export const definePart = <T, Read = T>(part: PersistedPart<T, Read>): AnyPart => part as unknown as AnyPart;

const line = (code: NoticeCode, message: string): NoticeLine => ({ code, message });

const DROPPED = line(
  'storage-dropped',
  'Some of the work saved in this browser could not be read back (it was saved by an older version of this page, or is damaged), so it was dropped; the rest is as you left it.',
);

/** The stored text of a part as data of its current version; throws naming what is wrong. */
function unwrap(part: AnyPart, text: string): unknown {
  const envelope: unknown = JSON.parse(text);
  if (typeof envelope !== 'object' || envelope === null || !('v' in envelope) || !('data' in envelope)) {
    throw new Error('not a stored part ({ v, data })');
  }
  let version = envelope.v;
  let data = envelope.data;
  if (typeof version !== 'number' || !Number.isInteger(version)) throw new Error(`v must be an integer (got ${JSON.stringify(version)})`);
  if (version > part.version) throw new Error(`version ${version} is newer than this page's ${part.version}`);
  while (version < part.version) {
    const upgrade = part.upgrades?.[version];
    if (!upgrade) throw new Error(`version ${version} is too old to read (this page reads ${part.version})`);
    data = upgrade(data);
    version++;
  }
  return data;
}

export interface RestoreReport {
  /** Keys of the parts put back from storage. */
  readonly restored: readonly string[];
  /** What could not be put back, each message once. */
  readonly lines: readonly NoticeLine[];
  /** Why each dropped part was dropped, for the console (the notice says it only in general). */
  readonly reasons: readonly string[];
}

/**
 * Puts every stored part back, in registry order. A part that is unreadable, from an unknown
 * version or that does not fit is removed from storage, with a message; the others still load.
 */
export function restoreParts(parts: readonly AnyPart[], storage: KeyValueStore, state: () => AppState, context: RestoreContext): RestoreReport {
  const restored: string[] = [];
  const lines: NoticeLine[] = [];
  const reasons: string[] = [];
  for (const part of parts) {
    const key = STORAGE_PREFIX + part.key;
    if (context.hasLink && part.yieldsToLink) continue;
    let problem: NoticeLine | null;
    try {
      const text = storage.getItem(key);
      if (text === null) continue;
      problem = part.restore(state, part.decode(unwrap(part, text)), context);
    } catch (e) {
      reasons.push(`${part.key}: ${e instanceof Error ? e.message : String(e)}`);
      problem = DROPPED;
    }
    if (problem) {
      if (!lines.some((l) => l.code === problem.code)) lines.push(problem);
      try {
        storage.removeItem(key);
      } catch {
        // Storage that cannot even remove will not be read again either.
      }
    } else {
      restored.push(part.key);
    }
  }
  return { restored, lines, reasons };
}

const isQuotaError = (e: unknown) => e instanceof DOMException && (e.name === 'QuotaExceededError' || e.code === 22);

/**
 * Keeps the stored parts in step with the state: `save` writes each part whose value changed
 * since it last wrote (or since `prime`), removes parts with nothing to keep, and returns what
 * could not be kept. A value refused once is not tried again until it changes.
 */
export function createSaver(parts: readonly AnyPart[], storage: KeyValueStore) {
  /** The value each part last wrote (or that is known to be stored), by key. */
  const written = new Map<string, unknown>();
  const isUnchanged = (part: AnyPart, value: unknown) => {
    if (!written.has(part.key)) return false;
    const before = written.get(part.key);
    if (value === null || before === null) return value === before;
    return part.same ? part.same(value, before) : Object.is(value, before);
  };
  return {
    /** Marks these parts' values in `state` as already stored (just restored from there). */
    prime(state: AppState, keys: readonly string[]) {
      for (const part of parts) if (keys.includes(part.key)) written.set(part.key, part.pick(state));
    },
    save(state: AppState): NoticeLine[] {
      const lines: NoticeLine[] = [];
      for (const part of parts) {
        const key = STORAGE_PREFIX + part.key;
        const value = part.pick(state);
        if (isUnchanged(part, value)) continue;
        written.set(part.key, value);
        try {
          const refused = value === null ? null : (part.refuse?.(value) ?? null);
          if (refused) lines.push(refused);
          if (value === null || refused) storage.removeItem(key);
          else storage.setItem(key, JSON.stringify({ v: part.version, data: part.encode(value) }));
        } catch (e) {
          lines.push(isQuotaError(e)
            ? line('storage-full', "The browser's storage for this page is full, so your latest work will not be kept after a reload.")
            : line('storage-unavailable', 'This browser does not let the page keep data (private browsing, or storage turned off), so your work will not be kept after a reload.'));
          try {
            storage.removeItem(key); // an older copy would come back out of step with the rest
          } catch {
            // Nothing more to do: the message says the work is not kept.
          }
        }
      }
      return lines;
    },
  };
}
