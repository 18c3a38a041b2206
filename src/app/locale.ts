/** The reader's language on a first visit, from the browser's list of preferred languages. */
import type { Locale } from '../store/index';
import { localeOfTag } from '../store/linkTags';

/**
 * 简体中文 when the first language the page has (Chinese or English) among the reader's
 * preferences is Chinese (any zh*: zh-CN, zh-TW, zh-Hans…), else English. Why the first and not
 * any: a reader who lists English before Chinese asked for English.
 */
export function localeFromLanguages(languages: readonly string[]): Locale {
  for (const tag of languages) {
    const locale = localeOfTag(tag);
    if (locale) return locale;
  }
  return 'en';
}
