/**
 * The lesson player: beside the studio on a laptop, a sheet along the bottom on a phone, never
 * over what it talks about. The step's title and words (with the engine's numbers at the step's
 * state), its question, a progress bar whose steps are buttons, Back / Next (N / P), and Leave.
 */
import { useEffect, useMemo } from 'react';
import { useT } from '../../i18n/index';
import { resolverFor } from '../../lessons/evaluate';
import { truthOf } from '../../lessons/feedback';
import type { Session } from '../../engine/index';
import {
  batchSize, fromPosition, selectLocale, useAppStore, useStoreApi, type AppState, type LessonRun,
} from '../../store/index';
import { sessionAt } from '../../store/timeline';
import { QuestionBlock } from './QuestionBlock';
import { StepParagraphs } from './StepText';
import { Summary } from './Summary';
import './lessonPlayer.css';

const selectRun = (s: AppState) => s.lessonRun;
const selectGoTo = (s: AppState) => s.goToStep;
const selectLeave = (s: AppState) => s.leaveLesson;
const selectSetup = (s: AppState) => s.timeline.setup;
/** The step's iteration has been reached and nothing is being prepared: its numbers can be read. */
const selectReachedIteration = (s: AppState) =>
  (s.training?.destination || s.pendingSeek ? -1 : fromPosition(s.timeline.frontier).iteration);

/** Numbers at the step's state, each phase's session computed once per step. */
function useStepResolver(run: LessonRun) {
  const store = useStoreApi();
  const step = run.lesson.steps[run.step];
  const setup = useAppStore(selectSetup);
  const reached = useAppStore(selectReachedIteration);
  const isReady = step !== undefined && reached >= step.iteration;
  return useMemo(() => {
    // The setup identifies the config the step runs on; a new one means new numbers.
    if (!isReady || store.getState().timeline.setup !== setup) return null;
    const timeline = store.getState().timeline;
    const sessions = new Map<string, Session>();
    return resolverFor((phase) => {
      const p = phase ?? step.phase;
      let s = sessions.get(p);
      if (!s) sessions.set(p, (s = sessionAt(timeline, step.iteration, p)));
      return s;
    }, step.sample ?? 0);
  }, [isReady, store, step, setup]);
}

function StepView({ run }: { run: LessonRun }) {
  const t = useT();
  const locale = useAppStore(selectLocale);
  const store = useStoreApi();
  const resolver = useStepResolver(run);
  const step = run.lesson.steps[run.step];
  const truth = useMemo(
    () => (step.question && resolver ? truthOf(step.question, resolver, batchSize(store.getState())) : null),
    [step, resolver, store],
  );
  return (
    <div className="lesson-step" aria-busy={resolver === null}>
      <h2 className="lesson-step-title">{step.title[locale]}</h2>
      {resolver === null && <p className="lesson-hint" role="status">{t('lesson.preparing')}</p>}
      <StepParagraphs template={step.text[locale]} resolver={resolver} />
      {step.question && (
        <QuestionBlock
          question={step.question} answer={run.answers[run.step]} truth={truth} resolver={resolver} locale={locale}
          stepKey={`${run.lesson.id}:${run.step}`}
        />
      )}
    </div>
  );
}

export function LessonPlayer() {
  const t = useT();
  const run = useAppStore(selectRun);
  const locale = useAppStore(selectLocale);
  const goTo = useAppStore(selectGoTo);
  const leave = useAppStore(selectLeave);
  // A new step starts at its top, and the screen reader hears its title.
  const stepIndex = run?.step;
  useEffect(() => {
    document.querySelector('.lesson-player')?.scrollTo?.({ top: 0 });
  }, [stepIndex]);
  if (!run) return null;
  const count = run.lesson.steps.length;
  const isSummary = run.step >= count;
  const title = run.lesson.title[locale];
  return (
    <aside className="lesson-player" aria-label={t('lesson.region', { title })}>
      <header className="lesson-head">
        <p className="lesson-title">{title}</p>
        <button type="button" className="lesson-link-button" onClick={leave}>{t('lesson.leave')}</button>
      </header>
      <nav className="lesson-progress" aria-label={t('lesson.progress', { step: Math.min(run.step + 1, count), count })}>
        <ol>
          {run.lesson.steps.map((s, k) => {
            const answer = run.answers[k];
            const state = k === run.step ? 'is-current' : k < run.step ? 'is-done' : '';
            const mark = !s.question ? '' : answer?.isCorrect ? ' is-right' : answer ? ' is-tried' : ' is-question';
            return (
              <li key={k}>
                <button
                  type="button" className={`lesson-dot ${state}${mark}`} aria-current={k === run.step ? 'step' : undefined}
                  aria-label={t('lesson.goTo', { step: k + 1, title: s.title[locale] })} onClick={() => goTo(k)}
                />
              </li>
            );
          })}
        </ol>
        <span className="lesson-count" aria-hidden="true">{t('lesson.progress', { step: Math.min(run.step + 1, count), count })}</span>
      </nav>
      {isSummary ? <Summary run={run} /> : <StepView run={run} />}
      <footer className="lesson-nav">
        <button type="button" className="control-button" onClick={() => goTo(run.step - 1)} disabled={run.step === 0}>
          {t('lesson.back')}<kbd aria-hidden="true">P</kbd>
        </button>
        {!isSummary && (
          <button type="button" className="control-button play-button" onClick={() => goTo(run.step + 1)}>
            {t(run.step === count - 1 ? 'lesson.finish' : 'lesson.next')}<kbd aria-hidden="true">N</kbd>
          </button>
        )}
      </footer>
    </aside>
  );
}
