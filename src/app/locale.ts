/** The reader's language on a first visit, from the browser's list of preferred languages. */
import type { Locale } from '../store/index';

/**
 * 简体中文 when the first language the page has (Chinese or English) among the reader's
 * preferences is Chinese (any zh*: zh-CN, zh-TW, zh-Hans…), else English. Why the first and not
 * any: a reader who lists English before Chinese asked for English.
 */
export function localeFromLanguages(languages: readonly string[]): Locale {
  for (const tag of languages) {
    const primary = tag.toLowerCase().split('-')[0];
    if (primary === 'zh') return 'zh-CN';
    if (primary === 'en') return 'en';
  }
  return 'en';
}
