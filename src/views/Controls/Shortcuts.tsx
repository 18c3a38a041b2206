/** The page's keyboard: the keymap's listener and the help overlay that lists it. Mounted once, in every layout. */
import { useAppStore, useStoreApi, type AppState } from '../../store/index';
import { HelpDialog } from './HelpDialog';
import type { PageCommands } from './keymap';
import { useShortcuts } from './useShortcuts';

const selectIsHelpOpen = (s: AppState) => s.isHelpOpen;
const selectSetHelpOpen = (s: AppState) => s.setHelpOpen;

export function Shortcuts({ page }: { page: PageCommands }) {
  const store = useStoreApi();
  const isHelpOpen = useAppStore(selectIsHelpOpen);
  const setHelpOpen = useAppStore(selectSetHelpOpen);
  useShortcuts(store, page);
  return isHelpOpen ? <HelpDialog onClose={() => setHelpOpen(false)} /> : null;
}
