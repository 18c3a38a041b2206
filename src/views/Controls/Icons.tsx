/** Transport icons, drawn in SVG so every platform shows the same shape (no emoji fallbacks). */
const common = { width: 22, height: 22, viewBox: '0 0 24 24', 'aria-hidden': true, focusable: false } as const;

export function IconStepBack() {
  return <svg {...common}><path d="M6 5h2.5v14H6zM19 5v14L9.5 12z" fill="currentColor" /></svg>;
}
export function IconStepForward() {
  return <svg {...common}><path d="M15.5 5H18v14h-2.5zM5 5v14l9.5-7z" fill="currentColor" /></svg>;
}
export function IconPlay() {
  return <svg {...common}><path d="M7 4.5v15L19.5 12z" fill="currentColor" /></svg>;
}
export function IconPause() {
  return <svg {...common}><path d="M6.5 5h4v14h-4zM13.5 5h4v14h-4z" fill="currentColor" /></svg>;
}
export function IconReset() {
  return (
    <svg {...common}>
      <path d="M12 5a7 7 0 1 1-6.6 4.7" fill="none" stroke="currentColor" strokeWidth="2.4" strokeLinecap="round" />
      <path d="M3.5 4.5 4.6 11l6-2.6z" fill="currentColor" />
    </svg>
  );
}
