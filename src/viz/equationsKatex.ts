/**
 * KaTeX typesetting for the equation panel, memoised by TeX string. The only module that
 * imports KaTeX (~70 KB gzipped), so the panel that uses it can load as its own chunk.
 */
import katex from 'katex';

const KATEX_OPTIONS = {
  throwOnError: false,
  output: 'htmlAndMathml',
  displayMode: true,
  strict: 'ignore',
  trust: (context: { command: string }) => context.command === '\\htmlData',
} as const;

/**
 * How many typeset equations the memo keeps: a phase has at most ten lines of ~5–30 K characters,
 * so 256 hold the last few dozen phases (a few MB) — enough to step back and forth for free.
 */
const MEMO_LIMIT = 256;

/**
 * TeX → HTML, least recently used first (a Map keeps insertion order). Module-level because it is
 * a pure memo: the output depends on the TeX string alone (the options are fixed), so sharing it
 * across panels, stores and tests can never show one of them another's state — unlike app state,
 * which lives in the store. Symbolic lines repeat every iteration, and stepping back revisits
 * phases, so most lines skip KaTeX entirely.
 */
const memo = new Map<string, string>();

/**
 * KaTeX HTML (with MathML for screen readers) for tex; every number's full precision becomes
 * the title of its span, so hovering shows it.
 */
export function renderTex(tex: string): string {
  const hit = memo.get(tex);
  if (hit !== undefined) {
    memo.delete(tex);
    memo.set(tex, hit);
    return hit;
  }
  const html = katex.renderToString(tex, KATEX_OPTIONS).replaceAll(' data-title="', ' title="');
  memo.set(tex, html);
  if (memo.size > MEMO_LIMIT) memo.delete(memo.keys().next().value as string);
  return html;
}
