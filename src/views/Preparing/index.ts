export { Preparing } from './Preparing';
