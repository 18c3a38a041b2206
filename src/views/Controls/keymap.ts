/**
 * Every keyboard shortcut, in one table: the keys, what they do, where they apply and how the
 * help overlay says them. The document listener (useShortcuts) and the help overlay both read
 * it, so the overlay cannot drift from what the keys do (STYLE.md §10).
 */
import type { MessageKey } from '../../i18n/index';
import type { AppState, Mode } from '../../store/index';

export interface KeyBinding {
  /** KeyboardEvent.key values that trigger it (Shift-modified keys excluded unless listed as such). */
  readonly keys: readonly string[];
  /** How the help overlay shows the keys: literal text, or a message key for words ("Space"). */
  readonly labels: readonly (string | { readonly message: MessageKey })[];
  /** What the help overlay says it does. */
  readonly help: MessageKey;
  /** The layouts where it applies; all when absent. */
  readonly modes?: readonly Mode[];
  /** Applies only while this holds (e.g. a lesson is open). */
  readonly when?: (state: AppState) => boolean;
  /** Whether a held key's auto-repeat fires it again. */
  readonly repeats?: boolean;
  /** Whether Space-like activation by a focused button should win (Space). */
  readonly yieldsToButtons?: boolean;
  run(state: AppState): void;
}

export const KEYMAP: readonly KeyBinding[] = [
  { keys: ['ArrowRight'], labels: ['→'], help: 'controls.key.right', repeats: true, run: (s) => s.stepForward() },
  { keys: ['ArrowLeft'], labels: ['←'], help: 'controls.key.left', repeats: true, run: (s) => s.stepBack() },
  { keys: [' ', 'Spacebar'], labels: [{ message: 'controls.spaceKey' }], help: 'controls.key.space', yieldsToButtons: true, run: (s) => s.togglePlay() },
  { keys: ['r', 'R'], labels: ['R'], help: 'controls.key.reset', run: (s) => s.reset() },
  { keys: ['?'], labels: ['?'], help: 'controls.key.help', run: (s) => s.setHelpOpen(true) },
  { keys: ['n', 'N'], labels: ['N'], help: 'lesson.key.next', when: (s) => s.lessonRun !== null, run: (s) => s.nextStep() },
  { keys: ['p', 'P'], labels: ['P'], help: 'lesson.key.back', when: (s) => s.lessonRun !== null, run: (s) => s.prevStep() },
];

/** The bindings that apply in this state, in the table's order. */
export function activeBindings(state: AppState): KeyBinding[] {
  return KEYMAP.filter((b) => (!b.modes || b.modes.includes(state.mode)) && (!b.when || b.when(state)));
}

/** The binding a key triggers in this state, or undefined. */
export function bindingFor(state: AppState, key: string): KeyBinding | undefined {
  return activeBindings(state).find((b) => b.keys.includes(key));
}
