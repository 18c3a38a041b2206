/** The benchmark's report: every section records rows here; main prints them as one table and writes the JSON. */
import { round } from './harness.mjs';

/** Every row of the report: a number with its unit and target, or n/a with the reason. */
export const rows = [];
export function record(id, label, { value = null, display = null, met = undefined, unit = '', target = null, better = 'lower', method = '', note = '', extra = {} } = {}) {
  const meets = met !== undefined ? met : value === null || target === null ? null : better === 'lower' ? value <= target : value >= target;
  rows.push({ id, label, value, display, unit, target, better, met: meets, method, note, ...extra });
}
export function na(id, label, reason, target = null, unit = '', better = 'lower') {
  rows.push({ id, label, value: null, unit, target, better, met: null, method: '', note: `n/a (${reason})` });
}

/** The fps and long-task rows of a frame count (from __bench.frames/stopFrames). */
export function recordFrames(id, prefix, what, f, suffix = '') {
  record(`${id}.fps`, `${prefix}fps ${what}`, { value: round((f.count * 1000) / f.elapsed), unit: 'fps', target: 55, better: 'higher', method: `rAF callbacks / s${suffix}`, note: `${f.over50} frames > 50 ms, worst gap ${round(f.maxGap)} ms` });
  record(`${id}.longtasks`, `${prefix}long tasks ${what}`, { value: f.longtasks, target: 0, method: "PerformanceObserver 'longtask'", note: f.longtasks ? `longest ${round(f.longestTask)} ms` : '' });
}

export function printTable(header) {
  const fmt = (r) => r.display ?? (r.value === null ? r.note : `${r.value}${r.unit ? ` ${r.unit}` : ''}`);
  const tgt = (r) => (r.target === null ? '' : `${r.better === 'lower' ? '≤' : '≥'} ${r.target}${r.unit ? ` ${r.unit}` : ''}`);
  const status = (r) => (r.met === null ? (r.target === null ? '' : 'n/a') : r.met ? 'met' : 'NOT MET');
  const table = rows.map((r) => [r.label, fmt(r), tgt(r), status(r)]);
  const widths = [0, 1, 2, 3].map((c) => Math.max(...[['Metric', 'Value', 'Target', 'Status'], ...table].map((row) => String(row[c]).length)));
  const line = (cells) => cells.map((c, i) => String(c).padEnd(widths[i])).join('  ');
  console.log(header);
  console.log(line(['Metric', 'Value', 'Target', 'Status']));
  console.log(line(widths.map((w) => '─'.repeat(w))));
  for (const row of table) console.log(line(row));
  const notes = rows.filter((r) => (r.value !== null || r.display) && r.note);
  console.log('\nDetails:');
  for (const r of notes) console.log(`  ${r.label}: ${[r.note, r.method && `[${r.method}]`].filter(Boolean).join(' ')}`);
}
