/**
 * The network diagram: neurons coloured by their value for the focused sample, edges by
 * weight (width = |w|, hue = sign); in backward phases the same edges carry the gradients
 * and the flow runs right to left.
 */
import { useCallback, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useT } from '../../i18n/index';
import {
  handoutName, selectConfig, selectFocusSample, selectFrameSession, selectIsPlaying, selectIsTraining, selectSpeed, useAppStore,
  type AppState,
} from '../../store/index';
import { formatValue } from '../../viz/color';
import { duration } from '../../viz/motion';
import { fitDiagram, PRERENDERED_WIDTHS, type LayerSizes, type PrerenderedScreen } from '../../viz/network';
import { ExportButtons } from '../shared/ExportButtons';
import { Diagram, diagramHeight } from './Diagram';
import { networkHandout } from './handout';
import { Legend } from './Legend';
import { buildModel, type Direction } from './model';
import { SamplePicker } from './SamplePicker';
import { useElementSize } from '../shared/useElementWidth';
import { useStartedFromPrerender } from '../shared/useIsHydrated';
import './NetworkView.css';

const selectSetFocusSample = (s: AppState) => s.setFocusSample;
/** Playing faster than this (phases per second), the diagram changes at once: no fade, no flow. */
const MAX_ANIMATED_SPEED = 4;

const CAPTION = {
  forward: 'network.forward', backward: 'network.backward', loss: 'network.loss', update: 'network.update',
} as const satisfies Record<Direction, string>;

/**
 * Whether `value`'s last change came less than `ms` after the one before, and no more than `ms`
 * ago. Known after the change's first render (time is read in an effect); a flip renders again
 * before the paint, and `ms` after a burst's last change it is false again.
 */
function useChangedWithin(value: unknown, ms: number): boolean {
  const [isRapid, setRapid] = useState(false);
  // What was last set, so that only a flip is set: setting even an unchanged value here renders
  // the whole diagram a second time in the frame that answers a key press (React cannot tell it
  // is unchanged before rendering).
  const shown = useRef(false);
  const lastAt = useRef<number | null>(null);
  useLayoutEffect(() => {
    const show = (is: boolean) => {
      if (shown.current === is) return;
      shown.current = is;
      setRapid(is);
    };
    const at = performance.now();
    const isNowRapid = lastAt.current !== null && at - lastAt.current < ms;
    show(isNowRapid);
    // The first value is no change.
    lastAt.current = lastAt.current === null ? -Infinity : at;
    if (!isNowRapid) return;
    const calm = setTimeout(() => show(false), ms);
    return () => clearTimeout(calm);
  }, [value, ms]);
  return isRapid;
}

const PRERENDERED_SCREENS = Object.keys(PRERENDERED_WIDTHS) as PrerenderedScreen[];
/** Which prerendered drawing a studio drawing this wide grows from (its React key). */
const screenFor = (width: number): PrerenderedScreen => (width < (PRERENDERED_WIDTHS.laptop + PRERENDERED_WIDTHS.phone) / 2 ? 'phone' : 'laptop');

interface NetworkViewProps {
  /**
   * Fill the panel's height (a layout that gives the panel one: presenter, embed): the diagram
   * grows or shrinks to fit it. Its value labels then aim at the CSS length `--network-text`
   * (set by the layout, e.g. large for a projector); without it they keep the studio's size.
   */
  readonly fill?: boolean;
  /** Spotlight the focused neuron or edge, dimming the rest (for a room following the teacher's pointer). */
  readonly spotlight?: boolean;
  /** The drawing and its caption only (a thumbnail): no sample picker, legend or help. */
  readonly isThumbnail?: boolean;
}

export function NetworkView({ fill = false, spotlight = false, isThumbnail = false }: NetworkViewProps) {
  const t = useT();
  // While fast training runs, a new picture at most 10 times a second (selectFrameSession).
  const session = useAppStore(selectFrameSession);
  const focusSample = useAppStore(selectFocusSample);
  const setFocusSample = useAppStore(selectSetFocusSample);
  const isPlaying = useAppStore(selectIsPlaying);
  const speed = useAppStore(selectSpeed);
  const isTraining = useAppStore(selectIsTraining);
  const stageRef = useRef<HTMLDivElement>(null);
  const captionRef = useRef<HTMLParagraphElement>(null);
  const legendRef = useRef<HTMLParagraphElement>(null);
  const helpRef = useRef<HTMLParagraphElement>(null);
  const config = useAppStore(selectConfig);
  const titleId = useId();
  const box = useElementSize(stageRef, PRERENDERED_WIDTHS.laptop, '--network-text');
  const isFromPrerender = useStartedFromPrerender();

  const { W1, W2 } = session.params;
  const [n, h, o] = [W1.cols, W1.rows, W2.rows];
  const sizes = useMemo<LayerSizes>(() => [n, h, o], [n, h, o]);
  const heightAt = useCallback((labelScale: number) => diagramHeight(sizes, labelScale), [sizes]);
  const { width, scale, labelScale } = fitDiagram(box.width, fill && box.height > 0 ? box.height : null, heightAt, box.lengthProperty);
  const count = session.batch.X.cols;
  const sample = Math.min(focusSample, count - 1);
  const model = useMemo(() => buildModel(session, sample, t), [session, sample, t]);

  // While fast training runs, ten pictures a second are motion enough; playing fast or stepping
  // faster than a fade (a held key), the phases themselves: motion between them would only queue.
  const phaseMs = duration('phase');
  const isRapid = useChangedWithin(session, phaseMs);
  const isAnimated = !isTraining && !isRapid && !(isPlaying && speed > MAX_ANIMATED_SPEED);
  const fadeMs = isAnimated ? Math.min(phaseMs, isPlaying ? 600 / speed : Infinity) : 0;
  const indices = session.batch.indices;

  const caption = t(CAPTION[model.direction], { phase: t(`phase.${session.phase}`) });
  const { iteration, phase } = session;
  const names = useMemo(() => ({
    svg: handoutName(config, { kind: 'network', iteration, phase, ext: 'svg' }),
    png: handoutName(config, { kind: 'network', iteration, phase, ext: 'png' }),
  }), [config, iteration, phase]);
  const buildHandout = useCallback(() => {
    const [stage, captionEl, legend, help] = [stageRef.current, captionRef.current, legendRef.current, helpRef.current];
    if (!stage || !captionEl || !legend || !help) throw new Error('the diagram is not on the page');
    const targets = model.targets.map((y) => (Number.isInteger(y) ? String(y) : formatValue(y))).join(', ');
    const details = `${t('handout.iterationSample', { iteration, sample: sample + 1, count })} · y = ${targets}`;
    return networkHandout({ stage, caption: captionEl, legend, subtitle: help, model, title: caption, details, t });
  }, [model, caption, iteration, sample, count, t]);

  return (
    <section className={`panel network${fill ? ' is-filling' : ''}${spotlight ? ' has-spotlight' : ''}`} aria-labelledby={titleId}>
      <div className="network-head">
        <h2 id={titleId}>{t('network.title')}</h2>
        <p ref={captionRef} className={`network-caption is-${model.direction}`}>{caption}</p>
        {!isThumbnail && <ExportButtons what="network" names={names} build={buildHandout} />}
      </div>
      {!isThumbnail && (
        <SamplePicker sample={sample} count={count} trainingIndex={indices ? indices[sample] : null}
          targets={model.targets} trueClass={model.trueClass} onChange={setFocusSample} />
      )}
      <div ref={stageRef} className="network-stage">
        {fill ? (
          <div className="network-fit" style={{ width: Math.floor(width * scale) }}>
            <Diagram model={model} sizes={sizes} width={width} fadeMs={fadeMs} labelScale={labelScale} />
          </div>
        ) : isFromPrerender && !box.isMeasured ? (
          // The build's drawings, for a phone and for a laptop (CSS shows the one for the screen),
          // until the box is measured; then the one nearer the box, its DOM kept as it is.
          PRERENDERED_SCREENS.map((screen) => (
            <Diagram key={screen} model={model} sizes={sizes} width={PRERENDERED_WIDTHS[screen]} fadeMs={fadeMs} scale={1} prerenderedFor={screen} />
          ))
        ) : <Diagram key={screenFor(width)} model={model} sizes={sizes} width={width} fadeMs={fadeMs} scale={scale} />}
      </div>
      {!isThumbnail && (
        <>
          <Legend model={model} ref={legendRef} />
          <p ref={helpRef} className="network-help">{t('network.help')}</p>
        </>
      )}
    </section>
  );
}
