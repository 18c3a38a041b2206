/** The six phases of the current iteration, the current one marked; each seeks to that phase. */
import { memo } from 'react';
import { PHASES, type PhaseId } from '../../engine/index';
import { useT } from '../../i18n/index';
import { selectIteration, selectPhase, useAppStore, type AppState } from '../../store/index';

const selectSeek = (s: AppState) => s.seek;

const DIRECTION: Record<PhaseId, 'forward' | 'loss' | 'backward' | 'update'> = {
  'forward-hidden': 'forward', 'forward-output': 'forward', loss: 'loss',
  'backward-output': 'backward', 'backward-hidden': 'backward', update: 'update',
};
const ARROW = { forward: '→', backward: '←', loss: '', update: '' } as const;

export const PhaseStrip = memo(function PhaseStrip() {
  const t = useT();
  const iteration = useAppStore(selectIteration);
  const current = useAppStore(selectPhase);
  const seek = useAppStore(selectSeek);
  return (
    <ol className="phase-strip" aria-label={t('controls.phases')}>
      {PHASES.map((phase, k) => {
        const direction = DIRECTION[phase];
        const isCurrent = phase === current;
        return (
          <li key={phase}>
            <button
              type="button"
              className={`phase-step phase-${direction}${isCurrent ? ' is-current' : ''}`}
              aria-label={t(`phase.${phase}`)}
              aria-current={isCurrent ? 'step' : undefined}
              title={t(`phase.${phase}`)}
              onClick={() => seek(iteration, phase)}
            >
              <span className="phase-number" aria-hidden="true">{k + 1}{ARROW[direction] && ` ${ARROW[direction]}`}</span>
              <span className="phase-short" aria-hidden="true">{t(`controls.short.${phase}`)}</span>
            </button>
          </li>
        );
      })}
    </ol>
  );
});
