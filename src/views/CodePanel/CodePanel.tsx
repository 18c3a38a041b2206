/** Placeholder until the view lands. */
export function CodePanel() {
  return <section aria-label="CodePanel" className="panel" />;
}
