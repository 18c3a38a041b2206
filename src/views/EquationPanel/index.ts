export { EquationPanel } from './EquationPanel';
