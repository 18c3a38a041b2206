import { useEffect } from 'react';
import { stepSession, type Session } from '../../engine/index';
import { buildEquations, type EquationFocus } from '../../viz/equations';
import { prepareHtml } from './patchHtml';
import { useTypesetter } from './typesetter';
import { whenIdle } from './whenIdle';

/**
 * While the page is idle, typesets and parses the equations of the phase a step forward will
 * show (stepSession is pure and cheap), so that the step only patches the page: KaTeX and HTML
 * parsing leave the path from the key press to the next frame. Not while playing or training,
 * when the next frame comes before the page is ever idle.
 */
export function usePrewarm(session: Session, focus: EquationFocus, isActive: boolean) {
  const typeset = useTypesetter();
  useEffect(() => {
    if (!isActive || !typeset || typeof document === 'undefined') return;
    return whenIdle(() => {
      try {
        for (const section of buildEquations(stepSession(session), focus)) {
          for (const line of section.lines) prepareHtml(document, typeset(line.tex));
        }
      } catch {
        // A session that cannot step (diverged, say) has no next phase to prepare.
      }
    });
  }, [session, focus, isActive, typeset]);
}
