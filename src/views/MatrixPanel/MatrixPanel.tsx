/** Placeholder until the view lands. */
export function MatrixPanel() {
  return <section aria-label="MatrixPanel" className="panel" />;
}
