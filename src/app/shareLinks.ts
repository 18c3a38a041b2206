/** The links and the <iframe> code the Share / embed dialog writes for a state. Pure: the dialog passes the page's address in. */
import type { PhaseId } from '../engine/index';
import { DEFAULT_CONFIG, PANELS, type EmbedPart, type Locale, type StudioConfig } from '../store/index';
import { serializeLink } from '../store/url';

export interface ShareChoice {
  readonly config: StudioConfig;
  /** The cursor to start at, or null for iteration 0's first phase. */
  readonly cursor: { readonly iteration: number; readonly phase: PhaseId } | null;
  readonly locale: Locale;
  /** What the embed shows, in any order (the link lists them in the studio's order). */
  readonly parts: readonly EmbedPart[];
}

const START = { iteration: 0, phase: 'forward-hidden' } as const;
const ORDER: readonly EmbedPart[] = [...PANELS, 'controls'];

function hashOf(choice: ShareChoice, embed: boolean): string {
  // An uploaded CSV cannot travel in a link (the dialog says so): the link opens the tutorial's data.
  const config = choice.config.data.kind === 'csv' ? DEFAULT_CONFIG : choice.config;
  const show = ORDER.filter((p) => choice.parts.includes(p));
  const link = serializeLink(config, choice.cursor ?? START, choice.locale, embed ? { mode: 'embed', show } : { mode: 'studio' });
  return link ? `#${link}` : '';
}

/** The link to the whole page at the chosen state. `base` is the page's address without its hash. */
export function pageLink(base: string, choice: ShareChoice): string {
  return base + hashOf(choice, false);
}

/** The embed's address: only the chosen parts, no header. */
export function embedLink(base: string, choice: ShareChoice): string {
  return base + hashOf(choice, true);
}

/** A frame height that fits the parts: one or two panels side by side, more in rows. */
export function embedHeight(parts: readonly EmbedPart[]): number {
  const panels = parts.filter((p) => p !== 'controls').length;
  const bar = parts.includes('controls') ? 150 : 60;
  return bar + (panels <= 2 ? 480 : 480 * Math.ceil(panels / 2));
}

const escapeAttribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The <iframe> to paste into a course page or a slide. */
export function embedCode(base: string, choice: ShareChoice, title: string): string {
  const src = escapeAttribute(embedLink(base, choice));
  return `<iframe src="${src}" title="${escapeAttribute(title)}" width="960" height="${embedHeight(choice.parts)}" style="border: 0; max-width: 100%;" loading="lazy"></iframe>`;
}
