export { MatrixPanel } from './MatrixPanel';
