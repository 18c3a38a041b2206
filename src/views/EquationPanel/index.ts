export { EquationPanel } from './EquationPanel';
export { TypesetContext, loadTypesetter } from './typesetter';
