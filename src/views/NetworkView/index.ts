export { NetworkView } from './NetworkView';
