export { Controls, HelpButton, Status, Transport } from './Controls';
export { PhaseStrip } from './PhaseStrip';
export { Shortcuts } from './Shortcuts';
export { KEYMAP, activeBindings, startPresenting, type KeyBinding, type PageCommands } from './keymap';
