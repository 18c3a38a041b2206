/**
 * Work survives a reload: the store opens at the stored work (or at the link, which wins), and
 * every change is written back to the browser's storage shortly after it happens. Storage that
 * is missing, full or corrupt never stops the page: the learner is told once, quietly.
 */
import { useEffect } from 'react';
import { createAppStore, type AppStore, type NoticeCode, type NoticeLine } from '../store/index';
import { createSaver, restoreParts, type KeyValueStore } from '../store/persist';
import { PARTS } from '../store/persistedParts';
import { isStateLink, parseLink } from '../store/url';
import { localeFromLanguages } from './locale';
import { openStorage } from './storage';
import { openHash } from './useUrlSync';
import { createWorkerBackend } from './workerBackend';

/** Writes wait this long after a change, so a burst of steps (or training) writes once. */
const SAVE_DELAY_MS = 400;

const UNAVAILABLE: NoticeLine = {
  code: 'storage-unavailable',
  message: 'This browser does not let the page keep data (private browsing, or storage turned off), so your work will not be kept after a reload.',
};

export interface OpenedStore {
  readonly store: AppStore;
  /** Writes the store's changes to storage; null where there is none. */
  readonly saver: ReturnType<typeof createSaver> | null;
  /** The page opened at stored work (no link named a state): "Start over" is offered. */
  readonly isResumed: boolean;
  /** Storage messages already shown: each is said once per page. */
  readonly said: Set<NoticeCode | undefined>;
}

/** Adds lines to the notice shown (a link's errors stay), or shows them as a quiet one. */
function tell(store: AppStore, lines: readonly NoticeLine[], said: Set<NoticeCode | undefined>) {
  const fresh = lines.filter((l) => !said.has(l.code));
  if (fresh.length === 0) return;
  fresh.forEach((l) => said.add(l.code));
  const { notice, notify } = store.getState();
  const before: readonly NoticeLine[] = notice ? (notice.lines ?? [notice]) : [];
  const all = [...before, ...fresh];
  notify({ kind: notice?.kind ?? 'info', message: all.map((l) => l.message).join(' '), lines: all });
}

/**
 * Opens the store: in the language the reader's browser prefers, then at the stored work, then
 * at what the link describes (a link naming a state wins over stored work; its language too).
 */
export function openStore(hash: string, languages: readonly string[], storage: KeyValueStore | null = openStorage()): OpenedStore {
  const store = createAppStore({ locale: localeFromLanguages(languages) }, { trainingBackend: createWorkerBackend() });
  const hasLink = isStateLink(hash);
  // An embed (in a course page, or the Share dialog's preview) and a speaker view show what their
  // link says and keep nothing: their state is not the reader's work, and must not replace it.
  const guest = hasLink ? parseLink(hash).init.layout?.mode : undefined;
  if (guest === 'embed' || guest === 'speaker') {
    openHash(store.getState(), hash);
    return { store, saver: null, isResumed: false, said: new Set() };
  }
  const said = new Set<NoticeCode | undefined>();
  let saver: OpenedStore['saver'] = null;
  let restored: readonly string[] = [];
  let lines: readonly NoticeLine[] = [UNAVAILABLE];
  if (storage) {
    const report = restoreParts(PARTS, storage, store.getState, { hasLink });
    if (report.reasons.length > 0) console.warn(`Stored work dropped: ${report.reasons.join('; ')}`);
    ({ restored, lines } = report);
    saver = createSaver(PARTS, storage);
    saver.prime(store.getState(), restored); // before the link changes anything, so its changes are written
  }
  if (hasLink) openHash(store.getState(), hash);
  tell(store, lines, said);
  const isResumed = !hasLink && PARTS.some((p) => p.isWork && restored.includes(p.key));
  return { store, saver, isResumed, said };
}

/** Saves the store's changes while mounted: shortly after each, and at once when the page is hidden or closed. */
export function useKeptWork({ store, saver, said }: OpenedStore): void {
  useEffect(() => {
    if (!saver) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const save = () => {
      if (timer) clearTimeout(timer);
      timer = null;
      tell(store, saver.save(store.getState()), said);
    };
    const unsubscribe = store.subscribe(() => {
      timer ??= setTimeout(save, SAVE_DELAY_MS);
    });
    const onHide = () => {
      if (document.visibilityState === 'hidden') save();
    };
    window.addEventListener('pagehide', save);
    document.addEventListener('visibilitychange', onHide);
    save(); // what the link opened is the last work now
    return () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
      window.removeEventListener('pagehide', save);
      document.removeEventListener('visibilitychange', onHide);
    };
  }, [store, saver, said]);
}
