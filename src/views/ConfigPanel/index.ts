/** The setup panel: presets, data (with CSV import), network and training settings. */
export { ConfigPanel } from './ConfigPanel';
