/**
 * The diagram as a hand-out: the phase's caption as a title, the iteration and sample, the marks
 * and the numbers (the live SVG layers with their page styles written in), and the legend.
 */
import type { useT } from '../../i18n/index';
import { PALETTE } from '../../viz/color';
import { lookOf, standaloneSvg, type StandaloneSvg } from '../shared/standaloneSvg';
import { legendText, paletteEnds } from './Legend';
import type { NetworkModel } from './model';

/** Marks the diagram's SVG layers (marks, then text) that go into the hand-out, in paint order. */
export const HANDOUT_LAYER = 'data-handout-layer';

export interface NetworkHandoutInput {
  readonly stage: HTMLElement;
  readonly caption: HTMLElement;
  readonly legend: HTMLElement;
  readonly subtitle: HTMLElement;
  readonly model: NetworkModel;
  readonly title: string;
  readonly details: string;
  readonly t: ReturnType<typeof useT>;
}

export function networkHandout({ stage, caption, legend, subtitle, model, title, details, t }: NetworkHandoutInput): StandaloneSvg {
  const layers = Array.from(stage.querySelectorAll<SVGSVGElement>(`svg[${HANDOUT_LAYER}]`));
  if (layers.length === 0) throw new Error('the diagram is not drawn');
  const width = Number(layers[0].viewBox.baseVal?.width) || layers[0].getBoundingClientRect().width;
  const legendLook = lookOf(legend);
  const muted = lookOf(subtitle);
  const text = legendText(model, t);
  return standaloneSvg(document, width, `${title} — ${details}`, [
    { kind: 'text', text: title, look: lookOf(caption) },
    { kind: 'text', text: details, look: { ...muted, fontSize: legendLook.fontSize } },
    { kind: 'layers', svgs: layers },
    { kind: 'palette', colors: PALETTE, ...paletteEnds(t), look: muted },
    { kind: 'text', text: [text.main, text.scale, text.change ? `· ${text.change}` : ''].filter(Boolean).join(' '), look: legendLook },
  ]);
}
