/**
 * Keys pressed before the app's shortcuts are installed. The prerendered page shows its controls
 * before any of the app's script has run, and on a slow device React takes a second or more to
 * own it: a presenter's first click of the remote in that time would be lost. boot.ts (the one
 * script in <head>) keeps those keys; useShortcuts takes them once it listens, and runs them.
 * No imports: boot.ts is built into a few hundred bytes.
 */
interface KeptKeys {
  readonly keys: KeyboardEvent[];
  readonly listener: (e: KeyboardEvent) => void;
}

const KEPT = '__backpropEarlyKeys';
type WithKeptKeys = Window & { [KEPT]?: KeptKeys };

/** From now until takeEarlyKeys, keeps every key pressed on the page. */
export function keepEarlyKeys(win: Window): void {
  const keys: KeyboardEvent[] = [];
  const listener = (e: KeyboardEvent) => void keys.push(e);
  win.document.addEventListener('keydown', listener);
  (win as WithKeptKeys)[KEPT] = { keys, listener };
}

/** The keys kept so far, in order; keeping stops (a second call gets none). */
export function takeEarlyKeys(win: Window): KeyboardEvent[] {
  const kept = (win as WithKeptKeys)[KEPT];
  if (!kept) return [];
  win.document.removeEventListener('keydown', kept.listener);
  delete (win as WithKeptKeys)[KEPT];
  return kept.keys;
}
