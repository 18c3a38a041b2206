/**
 * The layout keys of a link: `embed=1&show=network,equations`, `present=network,equations` and
 * `speaker=1`. Pure, like the rest of url.ts; each part not understood becomes an issue with a
 * code the views translate (notice.<code>) and its English message.
 */
import { quoteLink } from './linkTags';
import type { NoticeLine } from './types';
import { EMBED_PARTS, PANELS, type EmbedPart, type Layout, type PanelId } from './recipe';

export const LAYOUT_KEYS: readonly string[] = ['embed', 'show', 'present', 'speaker'];

export type LayoutIssueCode =
  | 'link-embed' | 'link-speaker' | 'link-show-unknown' | 'link-show-none' | 'link-show-without-embed' | 'link-present' | 'link-layouts';
export type LayoutIssue = NoticeLine & { readonly code: LayoutIssueCode };

const KNOWN = EMBED_PARTS.join(', ');
const PANEL_NAMES = PANELS.join(', ');
const quote = (text: string) => `"${quoteLink(text)}"`;

/**
 * Reads a comma-separated list of embed parts: the known ones in order (each once), and the
 * names that are not parts, as written.
 */
export function parseParts(text: string): { parts: EmbedPart[]; unknown: string[] } {
  const parts: EmbedPart[] = [];
  const unknown: string[] = [];
  for (const raw of text.split(',')) {
    const name = raw.trim();
    if (name === '') continue;
    if ((EMBED_PARTS as readonly string[]).includes(name)) {
      if (!parts.includes(name as EmbedPart)) parts.push(name as EmbedPart);
    } else unknown.push(name);
  }
  return { parts, unknown };
}

/** Two different panels, left then right, or null. */
function parsePresent(text: string): [PanelId, PanelId] | null {
  const names = text.split(',').map((n) => n.trim());
  const [a, b] = names;
  const isPanel = (n: string | undefined): n is PanelId => n !== undefined && (PANELS as readonly string[]).includes(n);
  return names.length === 2 && isPanel(a) && isPanel(b) && a !== b ? [a, b] : null;
}

/** The layout a link's parameters ask for (undefined for the studio), and an issue for each part not understood; what was understood still applies. */
export function parseLayout(params: URLSearchParams): { layout?: Layout; errors: LayoutIssue[] } {
  const errors: LayoutIssue[] = [];
  const flag = (key: 'embed' | 'speaker', code: 'link-embed' | 'link-speaker', consequence: string) => {
    const text = params.get(key);
    if (text === null || text === '0') return false;
    if (text === '1') return true;
    errors.push({ code, params: { got: quote(text) }, message: `The link's ${key} must be 1 (got ${quote(text)}); ${consequence}.` });
    return false;
  };
  const isEmbed = flag('embed', 'link-embed', 'showing the whole page');
  const isSpeaker = flag('speaker', 'link-speaker', 'it was ignored');
  const show = params.get('show');
  const presentText = params.get('present');
  if (show !== null && !isEmbed) {
    errors.push({ code: 'link-show-without-embed', message: 'The link\'s show= only applies to an embed (embed=1); it was ignored.' });
  }
  const asked = [isSpeaker && 'speaker=1', isEmbed && 'embed=1', presentText !== null && 'present'].filter((k): k is string => !!k);
  if (asked.length > 1) {
    const params = { keys: asked.join(', '), used: asked[0] };
    errors.push({ code: 'link-layouts', params, message: `The link asks for more than one layout (${params.keys}); using ${params.used}.` });
  }

  if (isSpeaker) return { layout: { mode: 'speaker' }, errors };
  if (isEmbed) {
    if (show === null) return { layout: { mode: 'embed', show: EMBED_PARTS }, errors };
    const { parts, unknown } = parseParts(show);
    if (unknown.length) {
      const names = unknown.map(quote).join(', ');
      errors.push({ code: 'link-show-unknown', params: { names, known: KNOWN }, message: `The link's show= names panels this page does not have: ${names}. The panels are ${KNOWN}.` });
    }
    if (parts.length > 0) return { layout: { mode: 'embed', show: parts }, errors };
    errors.push({ code: 'link-show-none', params: { known: KNOWN }, message: `The link's show= names none of the panels, so the embed shows all of them (${KNOWN}).` });
    return { layout: { mode: 'embed', show: EMBED_PARTS }, errors };
  }
  if (presentText !== null) {
    const panels = parsePresent(presentText);
    if (panels) return { layout: { mode: 'present', panels }, errors };
    const params = { got: quote(presentText), known: PANEL_NAMES };
    errors.push({
      code: 'link-present', params,
      message: `The link's present= must name two different panels, e.g. present=network,equations (got ${params.got}; the panels are ${PANEL_NAMES}); showing the diagram and the equations.`,
    });
    return { layout: { mode: 'present', panels: ['network', 'equations'] }, errors };
  }
  return { errors };
}

/** The layout's part of a link (without '&' around it), or '' for the studio. Commas stay as written, for a readable link. */
export function serializeLayout(layout: Layout): string {
  switch (layout.mode) {
    case 'studio': return '';
    case 'speaker': return 'speaker=1';
    case 'present': return `present=${layout.panels.join(',')}`;
    case 'embed': return `embed=1&show=${layout.show.join(',')}`;
  }
}
