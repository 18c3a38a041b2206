/**
 * The two questions about a link that need nothing else of the store, in a module of their own:
 * src/app/boot.ts (the script that runs before the page's body is parsed) asks them too, and must
 * stay a few hundred bytes.
 */
import type { Locale } from './types';

/**
 * The page's language for a language tag, by its primary subtag and in any case: a hand-typed
 * lang=zh or zh-cn, or a browser's zh-TW, means 简体中文, the only Chinese the page has. Null for a
 * language the page does not have.
 */
export function localeOfTag(tag: string): Locale | null {
  const primary = tag.trim().toLowerCase().split('-')[0];
  return primary === 'zh' ? 'zh-CN' : primary === 'en' ? 'en' : null;
}

/**
 * Whether a hash names a state (has `key=value` parts) rather than a place on the page: `#lab-race`
 * (the header's section links) or nothing at all.
 */
export function isStateLink(hash: string): boolean {
  return hash.includes('=');
}

/** At most 40 characters of what a link gave, for a message: a link can be any length, a message stays a sentence. */
export const quoteLink = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text);
