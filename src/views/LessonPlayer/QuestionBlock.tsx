/**
 * A step's question: answer (a sign, an option, a number), Check, and specific feedback — the
 * usual mistake it looks like, the gap in numbers, a pointer to where the screen explains it —
 * or Show the answer. Never blocks: Next works whatever happens here.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useT } from '../../i18n/index';
import { highlightOf } from '../../lessons/recipe';
import { parseGuess, rightOption, signOf, type Guess, type Sign, type Truth, type Verdict } from '../../lessons/feedback';
import type { Resolver } from '../../lessons/expr';
import type { LessonText, Question } from '../../lessons/types';
import { useAppStore, type AppState, type Locale, type StepAnswer } from '../../store/index';
import { formatValue } from '../../viz/color';
import { StepParagraphs, StepText } from './StepText';

const selectAnswer = (s: AppState) => s.answerQuestion;
const selectReveal = (s: AppState) => s.revealAnswer;
const selectSetEmphasis = (s: AppState) => s.setEmphasis;
const selectEmphasis = (s: AppState) => s.emphasis;
const SIGNS: readonly Sign[] = ['positive', 'negative', 'zero'];

interface Props {
  readonly question: Question;
  readonly answer: StepAnswer | undefined;
  readonly truth: Truth | null;
  readonly resolver: Resolver | null;
  readonly locale: Locale;
  /** Resets the form when the step changes. */
  readonly stepKey: string;
}

function Feedback({ verdict, guess, truth, question, attempts, locale, resolver }: {
  verdict: Verdict; guess: Guess | null; truth: Truth | null; question: Question; attempts: number; locale: Locale; resolver: Resolver | null;
}) {
  const t = useT();
  const setEmphasis = useAppStore(selectSetEmphasis);
  const emphasis = useAppStore(selectEmphasis);
  if (verdict.isCorrect) {
    return <p className="lesson-verdict is-right" role="status">{attempts > 1 ? t('lesson.rightAfter', { attempts }) : t('lesson.right')}</p>;
  }
  const named = verdict.named;
  const says: LessonText | undefined = named?.says;
  const pointAt = named?.highlight ? highlightOf(named.highlight) : null;
  let gapLine: string | null = null;
  if (question.kind === 'number' && guess?.kind === 'number' && truth?.answer != null && verdict.gap !== undefined) {
    const percent = truth.answer === 0 ? '∞' : Math.round((100 * Math.abs(verdict.gap)) / Math.abs(truth.answer)).toString();
    gapLine = t('lesson.gap', { guess: formatValue(guess.value), truth: formatValue(truth.answer), gap: formatValue(Math.abs(verdict.gap)), percent });
  }
  return (
    <div className="lesson-verdict is-wrong" role="alert">
      <p>
        <strong>{t('lesson.wrong')}</strong>{' '}
        {verdict.mistake === 'sign' && t(question.kind === 'sign' ? 'lesson.wrongSignOnly' : 'lesson.wrongSign')}
        {verdict.mistake === 'factor-m' && t('lesson.wrongFactorM', { m: truth?.m ?? 0 })}
        {says && <StepText template={says[locale]} resolver={resolver} />}
      </p>
      {gapLine && <p>{gapLine}</p>}
      {pointAt && <button type="button" className="lesson-link-button" onClick={() => setEmphasis(emphasis, pointAt)}>{t('lesson.showMe')}</button>}
      <p className="lesson-hint">{t('lesson.tryAgain')}</p>
    </div>
  );
}

/** The right answer in words: the sign, the option, or the number. */
function answerText(question: Question, truth: Truth | null, t: ReturnType<typeof useT>, locale: Locale): string {
  if (!truth) return '…';
  if (question.kind === 'choice') {
    const k = rightOption(question.pick, truth.options);
    return k === null ? '…' : question.options[k].label[locale].replace(/\{[^}]*\}/g, '').trim();
  }
  if (truth.answer === null) return '…';
  if (question.kind === 'sign') return `${t(`lesson.${signOf(truth.answer)}`)} (${formatValue(truth.answer)})`;
  return formatValue(truth.answer);
}

export function QuestionBlock({ question, answer, truth, resolver, locale, stepKey }: Props) {
  const t = useT();
  const submit = useAppStore(selectAnswer);
  const reveal = useAppStore(selectReveal);
  const [draft, setDraft] = useState<{ key: string; text: string; option: number | null; problem: string | null }>({ key: stepKey, text: '', option: null, problem: null });
  const current = draft.key === stepKey ? draft : { key: stepKey, text: '', option: null, problem: null };
  const inputId = useId();
  const problemId = useId();
  const groupName = useId();
  // The verdict may land below the fold of a phone's sheet: bring it into view when it changes.
  const resultRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    resultRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [answer]);

  const check = (e: FormEvent) => {
    e.preventDefault();
    if (question.kind === 'number') {
      const value = parseGuess(current.text);
      if (value === null) return setDraft({ ...current, problem: t('lesson.notANumber') });
      setDraft({ ...current, problem: null });
      submit({ kind: 'number', value });
      return;
    }
    if (current.option === null) return setDraft({ ...current, problem: t('lesson.pickOne') });
    setDraft({ ...current, problem: null });
    submit(question.kind === 'sign' ? { kind: 'sign', sign: SIGNS[current.option] } : { kind: 'choice', option: current.option });
  };
  const options = question.kind === 'sign'
    ? SIGNS.map((s) => t(`lesson.${s}`))
    : question.kind === 'choice' ? question.options.map((o) => o.label) : [];

  return (
    <form className="lesson-question" onSubmit={check} noValidate aria-label={t('lesson.question')}>
      <p className="lesson-question-title">{t('lesson.question')}</p>
      <StepParagraphs template={question.prompt[locale]} resolver={resolver} />
      {question.kind === 'number' ? (
        <p className="lesson-number-field">
          <label htmlFor={inputId}>{t('lesson.yourAnswer')}</label>
          <input
            id={inputId} type="text" inputMode="decimal" autoComplete="off" value={current.text}
            aria-invalid={current.problem ? true : undefined} aria-describedby={current.problem ? problemId : undefined}
            onChange={(e) => setDraft({ ...current, text: e.target.value, problem: null })}
          />
          <span className="lesson-hint">{t('lesson.within', { percent: Math.round((question.tolerance ?? 0.02) * 1000) / 10 })}</span>
        </p>
      ) : (
        <fieldset className="lesson-options">
          <legend className="visually-hidden">{t('lesson.yourAnswer')}</legend>
          {options.map((label, k) => (
            <label key={k} className="lesson-option">
              <input type="radio" name={groupName} checked={current.option === k} onChange={() => setDraft({ ...current, option: k, problem: null })} />
              <span>{typeof label === 'string' ? label : <StepText template={label[locale]} resolver={resolver} />}</span>
            </label>
          ))}
        </fieldset>
      )}
      {current.problem && <p id={problemId} className="lesson-verdict is-wrong" role="alert">{current.problem}</p>}
      <div className="lesson-question-actions">
        <button type="submit" className="control-button">{t('lesson.check')}</button>
        <button type="button" className="control-button" onClick={reveal} disabled={answer?.isRevealed}>{t('lesson.showAnswer')}</button>
      </div>
      <div ref={resultRef}>
      {answer?.verdict && !answer.isRevealed && (
        <Feedback verdict={answer.verdict} guess={answer.guess} truth={truth} question={question} attempts={answer.attempts} locale={locale} resolver={resolver} />
      )}
      {answer?.isRevealed && (
        <div className="lesson-answer" role="status">
          <p><strong>{t('lesson.answerIs', { answer: answerText(question, truth, t, locale) })}</strong></p>
          <StepParagraphs template={question.explain[locale]} resolver={resolver} />
        </div>
      )}
      {answer?.verdict?.isCorrect && !answer.isRevealed && <div className="lesson-answer"><StepParagraphs template={question.explain[locale]} resolver={resolver} /></div>}
      </div>
    </form>
  );
}
