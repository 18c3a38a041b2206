/** A light Python tokenizer for colouring the listings: comments, strings, numbers, keywords. */

export type TokenKind = 'plain' | 'comment' | 'string' | 'number' | 'keyword';

export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
}

const KEYWORDS = new Set([
  'def', 'return', 'import', 'from', 'for', 'in', 'if', 'else', 'elif', 'with', 'class', 'as', 'not', 'and', 'or',
  'None', 'True', 'False', 'lambda', 'while', 'self', 'super',
]);

// Order matters: a comment or string swallows what looks like numbers or keywords inside it.
const PATTERN = /(#.*$)|(f?"(?:[^"\\]|\\.)*"|f?'(?:[^'\\]|\\.)*')|(\b\d+(?:\.\d+)?(?:e[-+]?\d+)?\b)|([A-Za-z_]\w*)/g;

/** The tokens of one line; concatenated they give the line back exactly. */
export function tokenize(line: string): Token[] {
  const tokens: Token[] = [];
  let last = 0;
  const push = (kind: TokenKind, text: string) => {
    if (!text) return;
    const prev = tokens[tokens.length - 1];
    if (prev && prev.kind === kind) tokens[tokens.length - 1] = { kind, text: prev.text + text };
    else tokens.push({ kind, text });
  };
  for (const match of line.matchAll(PATTERN)) {
    const start = match.index ?? 0;
    push('plain', line.slice(last, start));
    const [text, comment, string, number, word] = match;
    if (comment) push('comment', text);
    else if (string) push('string', text);
    else if (number) push('number', text);
    else push(word && KEYWORDS.has(word) ? 'keyword' : 'plain', text);
    last = start + text.length;
  }
  push('plain', line.slice(last));
  return tokens;
}
