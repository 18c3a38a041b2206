/** Placeholder until the view lands. */
export function EquationPanel() {
  return <section aria-label="EquationPanel" className="panel" />;
}
