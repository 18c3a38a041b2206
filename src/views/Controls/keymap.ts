/**
 * Every keyboard shortcut, in one table: the keys, what they do, where they apply and how the
 * help overlay says them. The document listener (useShortcuts) and the help overlay both read
 * it, so the overlay cannot drift from what the keys do (STYLE.md §10).
 */
import type { MessageKey } from '../../i18n/index';
import type { AppState, Mode } from '../../store/index';

/**
 * What a key may ask of the page beyond the store: full screen and the speaker's window belong
 * to the browser, so the app supplies them (views never touch window).
 */
export interface PageCommands {
  isFullscreen(): boolean;
  setFullscreen(isOn: boolean): void;
  openSpeakerView(): void;
}

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
  run(state: AppState, page: PageCommands): void;
}

/** Presenter mode, in full screen where the browser allows it (F, and the header's Present button). */
export function startPresenting(state: AppState, page: PageCommands): void {
  state.setMode('present');
  page.setFullscreen(true);
}

const isInLesson = (s: AppState) => s.lessonRun !== null;
const isOutOfLesson = (s: AppState) => s.lessonRun === null;

/** Where a presentation remote's keys step: the projector's window and the speaker's. */
const PRESENTING: readonly Mode[] = ['present', 'speaker'];

export const KEYMAP: readonly KeyBinding[] = [
  { keys: ['ArrowRight'], labels: ['→'], help: 'controls.key.right', repeats: true, run: (s) => s.stepForward() },
  { keys: ['ArrowLeft'], labels: ['←'], help: 'controls.key.left', repeats: true, run: (s) => s.stepBack() },
  // A clicker sends PageDown / PageUp; in the studio they keep scrolling the page. While a
  // lesson runs on the projector they turn its pages, so a whole lesson needs only the clicker.
  { keys: ['PageDown'], labels: ['Page Down'], help: 'lesson.key.clickerNext', modes: ['present'], when: isInLesson, run: (s) => s.nextStep() },
  { keys: ['PageUp'], labels: ['Page Up'], help: 'lesson.key.clickerBack', modes: ['present'], when: isInLesson, run: (s) => s.prevStep() },
  { keys: ['PageDown'], labels: ['Page Down'], help: 'controls.key.pageDown', modes: PRESENTING, when: isOutOfLesson, repeats: true, run: (s) => s.stepForward() },
  { keys: ['PageUp'], labels: ['Page Up'], help: 'controls.key.pageUp', modes: PRESENTING, when: isOutOfLesson, repeats: true, run: (s) => s.stepBack() },
  { keys: [' ', 'Spacebar'], labels: [{ message: 'controls.spaceKey' }], help: 'controls.key.space', yieldsToButtons: true, run: (s) => s.togglePlay() },
  { keys: ['Home'], labels: ['Home'], help: 'controls.key.home', modes: PRESENTING, run: (s) => s.seek(0, 'forward-hidden') },
  { keys: ['r', 'R'], labels: ['R'], help: 'controls.key.reset', modes: ['studio', 'embed'], run: (s) => s.reset() },
  { keys: ['b', 'B', '.'], labels: ['B', '.'], help: 'controls.key.blackout', modes: ['present'], run: (s) => s.toggleBlackout() },
  { keys: ['f', 'F'], labels: ['F'], help: 'controls.key.present', modes: ['studio'], run: startPresenting },
  { keys: ['f', 'F'], labels: ['F'], help: 'controls.key.fullscreen', modes: ['present'], run: (_, page) => page.setFullscreen(!page.isFullscreen()) },
  { keys: ['s', 'S'], labels: ['S'], help: 'controls.key.speaker', modes: ['present'], run: (_, page) => page.openSpeakerView() },
  {
    keys: ['Escape'], labels: ['Esc'], help: 'controls.key.leave', modes: ['present'],
    run: (s, page) => (page.isFullscreen() ? page.setFullscreen(false) : s.setMode('studio')),
  },
  { keys: ['?'], labels: ['?'], help: 'controls.key.help', run: (s) => s.setHelpOpen(true) },
  { keys: ['n', 'N'], labels: ['N'], help: 'lesson.key.next', when: isInLesson, run: (s) => s.nextStep() },
  { keys: ['p', 'P'], labels: ['P'], help: 'lesson.key.back', when: isInLesson, run: (s) => s.prevStep() },
];

/** The bindings that apply in this state, in the table's order. */
export function activeBindings(state: AppState): KeyBinding[] {
  return KEYMAP.filter((b) => (!b.modes || b.modes.includes(state.mode)) && (!b.when || b.when(state)));
}

/** The binding a key triggers in this state, or undefined. */
export function bindingFor(state: AppState, key: string): KeyBinding | undefined {
  return activeBindings(state).find((b) => b.keys.includes(key));
}
