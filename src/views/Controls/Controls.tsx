/** Placeholder until the view lands. */
export function Controls() {
  return <section aria-label="Controls" className="panel" />;
}
