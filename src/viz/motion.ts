/**
 * Durations of every animation, in one place. Views render correctly with duration 0;
 * motion is a layer on top, off when the user prefers reduced motion (tests stub
 * matchMedia to prefer it, so every duration there is 0).
 */
export const DURATIONS = {
  /** The diagram's cross-fade into a new phase: over before the next press at four presses a second (a fade still running costs that press its frame). */
  phase: 200,
  hover: 120,
} as const;

/** The duration to use now: 0 when the user prefers reduced motion. */
export function duration(kind: keyof typeof DURATIONS): number {
  if (typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches) return 0;
  return DURATIONS[kind];
}
