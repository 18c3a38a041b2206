/** The end of a lesson: what was right at the first try, and which steps to revisit (links to them). */
import { useT } from '../../i18n/index';
import { selectLocale, useAppStore, type AppState, type LessonRun } from '../../store/index';

const selectGoTo = (s: AppState) => s.goToStep;
const selectOpenList = (s: AppState) => s.setLessonListOpen;

export function Summary({ run }: { run: LessonRun }) {
  const t = useT();
  const locale = useAppStore(selectLocale);
  const goTo = useAppStore(selectGoTo);
  const openList = useAppStore(selectOpenList);
  const asked = run.lesson.steps.flatMap((s, k) => (s.question ? [k] : []));
  const right = asked.filter((k) => run.answers[k]?.isFirstTryCorrect);
  const revisit = asked.filter((k) => !run.answers[k]?.isFirstTryCorrect);
  const link = (k: number) => (run.isBuiltIn ? `#lesson=${run.lesson.id}&step=${k + 1}${locale === 'en' ? '' : `&lang=${locale}`}` : undefined);
  return (
    <div className="lesson-step lesson-summary">
      <h2 className="lesson-step-title">{t('lesson.summaryTitle', { title: run.lesson.title[locale] })}</h2>
      <p>{t('lesson.summaryScore', { right: right.length, asked: asked.length })}</p>
      {revisit.length === 0 ? <p>{t('lesson.summaryAllRight')}</p> : (
        <>
          <p>{t('lesson.summaryRevisit')}</p>
          <ul>
            {revisit.map((k) => (
              <li key={k}>
                <a
                  href={link(k)}
                  onClick={(e) => {
                    e.preventDefault();
                    goTo(k);
                  }}
                >
                  {t('lesson.goTo', { step: k + 1, title: run.lesson.steps[k].title[locale] })}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
      <button type="button" className="control-button" onClick={() => openList(true)}>{t('lesson.summaryNext')}</button>
    </div>
  );
}
