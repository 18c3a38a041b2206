/**
 * Document-wide keys, from the one table in keymap.ts; Escape (and ?) close the help overlay.
 *
 * Why these guards: keys typed into a field belong to the field, and keys in a dialog to the dialog; a focused button already turns
 * Space into a click (handling it here too would toggle twice); a widget with its own arrow
 * keys (the curves chart) stops propagation, so it never reaches this listener; Ctrl/⌘/Alt
 * combinations belong to the browser (Ctrl+R reloads).
 */
import { useLayoutEffect } from 'react';
import type { AppStore } from '../../store/index';
import { takeEarlyKeys } from './earlyKeys';
import { bindingFor, type PageCommands } from './keymap';

const TYPING = 'input, select, textarea, [contenteditable=""], [contenteditable="true"]';
const SPACE_ACTIVATES = 'button, a[href], summary, [role="button"], [role="link"], [role="checkbox"], [role="switch"], [role="tab"], [role="menuitem"], [role="option"], [role="radio"]';

function matches(target: EventTarget | null, selector: string): boolean {
  return target instanceof Element && target.closest(selector) !== null;
}

/**
 * Installs the shortcuts on the document for as long as the caller is mounted. In a layout
 * effect: they work from the commit that mounts or hydrates the page, the moment the page is
 * React's (useFirstPaintEnds, Root.tsx, marks it), not some time after; a presenter's first
 * click of the remote is not lost to a hydration still settling its effects.
 */
export function useShortcuts(store: AppStore, page: PageCommands): void {
  useLayoutEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
      const state = store.getState();
      if (state.isHelpOpen) {
        if (e.key === 'Escape' || e.key === '?') {
          e.preventDefault();
          state.setHelpOpen(false);
        }
        return;
      }
      if (matches(e.target, TYPING) || matches(e.target, '[aria-modal="true"]')) return;
      const binding = bindingFor(state, e.key);
      if (!binding) return;
      if (e.shiftKey && e.key.startsWith('Arrow')) return;
      if (binding.yieldsToButtons && matches(e.target, SPACE_ACTIVATES)) return;
      e.preventDefault();
      if (e.repeat && !binding.repeats) return;
      binding.run(state, page);
    };
    document.addEventListener('keydown', onKeyDown);
    // Keys pressed on the prerendered page before this listened (boot.ts kept them), in order.
    for (const e of takeEarlyKeys(window)) onKeyDown(e);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [store, page]);
}
