/** The browser's storage for kept work (window.localStorage), or null where the page may not use it. */
import type { KeyValueStore } from '../store/persist';

/**
 * window.localStorage, when the page may read it. Why localStorage and not IndexedDB: it reads
 * synchronously, so the store opens at the learner's last work before the first paint (no
 * tutorial flashing first, no race with a link); what is kept is small (settings, cursor, a CSV
 * file of at most a few MB) and written only when it changes.
 */
export function openStorage(): KeyValueStore | null {
  try {
    const storage = window.localStorage;
    storage.getItem('backprop-studio/probe'); // throws where storage is disabled
    return storage;
  } catch {
    return null;
  }
}
