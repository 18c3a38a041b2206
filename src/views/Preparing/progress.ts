/** The arithmetic of the preparation banner: percent done, time left, and how to say a duration. */
import type { MessageKey } from '../../i18n/index';

/** Whole percent of `done` out of `target`, 0 … 100 (100 only when done). */
export function preparingPercent(done: number, target: number): number {
  if (target <= 0) return 100;
  return done >= target ? 100 : Math.min(99, Math.floor((100 * done) / target));
}

/** Seconds left at the speed so far, or null until the first report says how fast it goes. */
export function timeLeftSeconds(done: number, target: number, elapsedMs: number): number | null {
  if (done <= 0 || elapsedMs <= 0) return null;
  return ((target - done) * elapsedMs) / done / 1000;
}

/** "about 12 s", "about 3 min 20 s", "about 2 h 5 min"; under a second is "less than a second". */
export function formatDuration(seconds: number, t: (key: MessageKey, params?: Record<string, string | number>) => string): string {
  if (seconds < 1) return t('prepare.underSecond');
  const s = Math.round(seconds);
  if (s < 60) return t('prepare.seconds', { s });
  if (s < 3600) return t('prepare.minutes', { m: Math.floor(s / 60), s: s % 60 });
  return t('prepare.hours', { h: Math.floor(s / 3600), m: Math.round((s % 3600) / 60) });
}
