export { speakerNote } from './speakerNote';
