/**
 * Document-wide keys: → / ← step, Space play/pause, R reset, ? help, Escape closes the help.
 *
 * Why these guards: keys typed into a field belong to the field; a focused button already turns
 * Space into a click (handling it here too would toggle twice); a widget with its own arrow
 * keys (the curves chart) stops propagation, so it never reaches this listener; Ctrl/⌘/Alt
 * combinations belong to the browser (Ctrl+R reloads).
 */
import { useEffect } from 'react';
import type { AppStore } from '../../store/index';

const TYPING = 'input, select, textarea, [contenteditable=""], [contenteditable="true"]';
const SPACE_ACTIVATES = 'button, a[href], summary, [role="button"], [role="link"], [role="checkbox"], [role="switch"], [role="tab"], [role="menuitem"], [role="option"], [role="radio"]';

function matches(target: EventTarget | null, selector: string): boolean {
  return target instanceof Element && target.closest(selector) !== null;
}

export interface ShortcutHandlers {
  readonly isHelpOpen: boolean;
  openHelp(): void;
  closeHelp(): void;
}

/** Installs the shortcuts on the document for as long as the caller is mounted. */
export function useShortcuts(store: AppStore, { isHelpOpen, openHelp, closeHelp }: ShortcutHandlers): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
      if (isHelpOpen) {
        if (e.key === 'Escape' || e.key === '?') {
          e.preventDefault();
          closeHelp();
        }
        return;
      }
      if (matches(e.target, TYPING)) return;
      const state = store.getState();
      switch (e.key) {
        case 'ArrowRight':
          if (e.shiftKey) return;
          state.stepForward();
          break;
        case 'ArrowLeft':
          if (e.shiftKey) return;
          state.stepBack();
          break;
        case ' ':
        case 'Spacebar':
          if (matches(e.target, SPACE_ACTIVATES)) return;
          if (!e.repeat) state.togglePlay();
          break;
        case 'r':
        case 'R':
          if (!e.repeat) state.reset();
          break;
        case '?':
          openHelp();
          break;
        default:
          return;
      }
      e.preventDefault();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [store, isHelpOpen, openHelp, closeHelp]);
}
