/**
 * Line breaking for text drawn into a standalone SVG, where nothing wraps by itself. Widths are
 * estimated from character classes, not measured: the file is opened by programs with other
 * fonts than the page's (Inkscape, a browser without the page's CSS), so an estimate that errs
 * wide is what keeps lines inside the picture everywhere.
 */

/** Advance of a character in em: CJK and full-width forms take a whole em; everything else a generous average. */
export function charWidthEm(ch: string, isMono: boolean): number {
  const code = ch.codePointAt(0) ?? 0;
  if (code >= 0x2e80 && code <= 0x9fff) return 1;
  if (code >= 0xac00 && code <= 0xd7af) return 1;
  if (code >= 0xf900 && code <= 0xfaff) return 1;
  if (code >= 0xff00 && code <= 0xffef) return 1;
  if (isMono) return 0.62;
  if (/[\s.,:;'|!il()[\]]/.test(ch)) return 0.32;
  if (/[A-ZmwMW@%]/.test(ch)) return 0.72;
  return 0.56;
}

/** Estimated width of `text` in px at `fontSize` px. */
export function textWidth(text: string, fontSize: number, isMono = false): number {
  let em = 0;
  for (const ch of text) em += charWidthEm(ch, isMono);
  return em * fontSize;
}

/**
 * `text` broken into lines no wider than `maxWidth` px (as estimated): at spaces, and between
 * any two CJK characters (which have no spaces); a single word longer than a line is cut.
 */
export function wrapText(text: string, maxWidth: number, fontSize: number, isMono = false): string[] {
  // Tokens: runs of non-space Latin, single CJK characters, and the spaces between.
  const tokens = text.match(/[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]|\s+|[^\s\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]+/g) ?? [];
  const lines: string[] = [];
  let line = '';
  const push = () => {
    if (line.trim() !== '') lines.push(line.trim());
    line = '';
  };
  for (const token of tokens) {
    if (textWidth(line + token, fontSize, isMono) <= maxWidth) {
      line += token;
      continue;
    }
    if (/^\s+$/.test(token)) {
      push();
      continue;
    }
    push();
    let rest = token;
    while (textWidth(rest, fontSize, isMono) > maxWidth && rest.length > 1) {
      let cut = rest.length - 1;
      while (cut > 1 && textWidth(rest.slice(0, cut), fontSize, isMono) > maxWidth) cut--;
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    line = rest;
  }
  push();
  return lines;
}
