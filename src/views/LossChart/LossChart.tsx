/** Placeholder until the view lands. */
export function LossChart() {
  return <section aria-label="LossChart" className="panel" />;
}
