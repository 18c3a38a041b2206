/**
 * The network diagram: neurons coloured by their value for the focused sample, edges by
 * weight (width = |w|, hue = sign); in backward phases the same edges carry the gradients
 * and the flow runs right to left.
 */
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useT } from '../../i18n/index';
import {
  selectFocusSample, selectFrameSession, selectIsPlaying, selectIsTraining, selectSpeed, useAppStore, type AppState,
} from '../../store/index';
import { duration } from '../../viz/motion';
import type { LayerSizes } from '../../viz/network';
import { Diagram } from './Diagram';
import { Legend } from './Legend';
import { buildModel, type Direction } from './model';
import { SamplePicker } from './SamplePicker';
import { useElementWidth } from '../shared/useElementWidth';
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
  const lastAt = useRef<number | null>(null);
  useLayoutEffect(() => {
    const at = performance.now();
    const isNowRapid = lastAt.current !== null && at - lastAt.current < ms;
    setRapid(isNowRapid);
    // The first value is no change.
    lastAt.current = lastAt.current === null ? -Infinity : at;
    if (!isNowRapid) return;
    const calm = setTimeout(() => setRapid(false), ms);
    return () => clearTimeout(calm);
  }, [value, ms]);
  return isRapid;
}

export function NetworkView() {
  const t = useT();
  // While fast training runs, a new picture at most 10 times a second (selectFrameSession).
  const session = useAppStore(selectFrameSession);
  const focusSample = useAppStore(selectFocusSample);
  const setFocusSample = useAppStore(selectSetFocusSample);
  const isPlaying = useAppStore(selectIsPlaying);
  const speed = useAppStore(selectSpeed);
  const isTraining = useAppStore(selectIsTraining);
  const stageRef = useRef<HTMLDivElement>(null);
  const width = Math.max(300, Math.min(960, useElementWidth(stageRef, 640)));

  const { W1, W2 } = session.params;
  const [n, h, o] = [W1.cols, W1.rows, W2.rows];
  const sizes = useMemo<LayerSizes>(() => [n, h, o], [n, h, o]);
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

  return (
    <section className="panel network" aria-labelledby="network-title">
      <div className="network-head">
        <h2 id="network-title">{t('network.title')}</h2>
        <p className={`network-caption is-${model.direction}`}>
          {t(CAPTION[model.direction], { phase: t(`phase.${session.phase}`) })}
        </p>
      </div>
      <SamplePicker sample={sample} count={count} trainingIndex={indices ? indices[sample] : null}
        targets={model.targets} onChange={setFocusSample} />
      <div ref={stageRef} className="network-stage">
        <Diagram model={model} sizes={sizes} width={width} fadeMs={fadeMs} />
      </div>
      <Legend model={model} />
      <p className="network-help">{t('network.help')}</p>
    </section>
  );
}
