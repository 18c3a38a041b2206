/** The list of lessons: title, one line, length and where you are in each; and a teacher's own lesson file. */
import { useId, useState, type ChangeEvent } from 'react';
import { useT } from '../../i18n/index';
import { builtInLessons, readLessonFile, type LessonIssue } from '../../lessons/index';
import { selectLocale, useAppStore, type AppState } from '../../store/index';
import { Modal } from '../shared/Modal';

const selectProgress = (s: AppState) => s.lessonProgress;
const selectStart = (s: AppState) => s.startLesson;
const selectClose = (s: AppState) => s.setLessonListOpen;

export function LessonList() {
  const t = useT();
  const locale = useAppStore(selectLocale);
  const progress = useAppStore(selectProgress);
  const start = useAppStore(selectStart);
  const setOpen = useAppStore(selectClose);
  const [issue, setIssue] = useState<LessonIssue | null>(null);
  const fileId = useId();
  const problemId = useId();

  const openFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    const result = readLessonFile(await file.text());
    if (!result.ok) return setIssue(result.issue);
    setIssue(null);
    start(result.lesson, 0, false);
  };

  return (
    <Modal title={t('lesson.listTitle')} onClose={() => setOpen(false)} className="lesson-list-dialog" closesOnEscape>
      <p className="lesson-hint">{t('lesson.listIntro')}</p>
      <ul className="lesson-list">
        {builtInLessons().map((lesson) => {
          const p = progress[lesson.id];
          const status = p?.isFinished ? t('lesson.finished') : p ? t('lesson.continueAt', { step: p.step + 1 }) : t('lesson.new');
          return (
            <li key={lesson.id} className={p?.isFinished ? 'is-finished' : undefined}>
              <div>
                <h3>{lesson.title[locale]}</h3>
                <p>{lesson.summary[locale]}</p>
                <p className="lesson-hint">
                  {t('lesson.length', { steps: lesson.steps.length, minutes: lesson.minutes })} · <span className="lesson-status">{p?.isFinished ? '✓ ' : ''}{status}</span>
                </p>
              </div>
              <div className="lesson-list-actions">
                {p && !p.isFinished && p.step > 0 && (
                  <button type="button" className="control-button play-button" onClick={() => start(lesson, p.step)} data-autofocus>
                    {t('lesson.continue')}
                  </button>
                )}
                <button type="button" className="control-button" onClick={() => start(lesson, 0)}>
                  {t(p ? 'lesson.again' : 'lesson.start')}
                </button>
              </div>
            </li>
          );
        })}
      </ul>
      <div className="lesson-file">
        <label htmlFor={fileId} className="control-button">{t('lesson.openFile')}</label>
        <input id={fileId} type="file" accept=".json,application/json" className="visually-hidden" onChange={openFile} aria-describedby={issue ? problemId : undefined} />
        <span className="lesson-hint">{t('lesson.fileHint')}</span>
        {issue && (
          <p id={problemId} className="lesson-verdict is-wrong" role="alert">
            {t('lesson.fileProblem', {
              where: `${issue.step === null ? '' : t('lesson.fileWhereStep', { step: issue.step })}${issue.field ? t('lesson.fileWhereField', { field: issue.field }) : ''}`,
              problem: issue.problem,
            })}
          </p>
        )}
      </div>
      <button type="button" className="help-close" onClick={() => setOpen(false)}>{t('lesson.close')}</button>
    </Modal>
  );
}
