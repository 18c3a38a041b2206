/** Placeholder until the view lands. */
export function NetworkView() {
  return <section aria-label="NetworkView" className="panel" />;
}
