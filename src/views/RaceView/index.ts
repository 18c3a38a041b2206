export { RaceView } from './RaceView';
