/**
 * Keeps the address bar's hash in step with the store (so the link opens exactly this state)
 * and opens a hash the user types or pastes. The only code that touches window.location.
 */
import { useEffect } from 'react';
import { currentSession, layoutOf, useStoreApi, type AppState } from '../store/index';
import { serializeLayout } from '../store/layoutLink';
import { isStateLink, parseLink, serializeLink } from '../store/url';
import { lessonLink, readLessonLink } from '../lessons/link';

/**
 * The link is written once the state has held still this long. Why wait: a history write costs
 * a few milliseconds of the main thread (about 5 on a laptop, 20 on a 4× slower CPU), which a
 * presenter stepping four times a second would otherwise pay between every two presses; and
 * browsers refuse history updates faster than about 100 per 10 s.
 */
const WRITE_AFTER_QUIET_MS = 600;

function linkOf(s: AppState): string {
  const run = s.lessonRun;
  if (run?.isBuiltIn) {
    // The layout too: a reload in presenter mode stays on the projector, at the lesson's step.
    return [lessonLink(run.lesson.id, Math.min(run.step, run.lesson.steps.length - 1), s.locale), serializeLayout(layoutOf(s))].filter(Boolean).join('&');
  }
  const session = currentSession(s.timeline);
  return serializeLink(s.config, { iteration: session.iteration, phase: session.phase }, s.locale, layoutOf(s));
}

/**
 * Opens what a link names, as if the page had loaded with it: a lesson's step (which pins its own
 * state; only the language comes from the link), or a state recipe.
 */
export function openHash(state: AppState, hash: string): void {
  const { init, errors } = parseLink(hash);
  const lesson = readLessonLink(hash);
  if (lesson) {
    if (init.locale) state.setLocale(init.locale);
    if (init.layout) state.setLayout(init.layout);
    if (lesson.lesson) state.startLesson(lesson.lesson, lesson.step);
    if (lesson.notice) state.notify(lesson.notice);
    return;
  }
  state.leaveLesson();
  state.applyRecipe(init, errors);
}

export function useUrlSync(): void {
  const store = useStoreApi();
  useEffect(() => {
    let written = window.location.hash.replace(/^#/, '');
    let timer: ReturnType<typeof setTimeout> | null = null;
    const write = () => {
      timer = null;
      const state = store.getState();
      // An uploaded file cannot travel in a link: the address goes bare (a reload then resumes the stored work).
      const link = state.config.data.kind === 'csv' && !state.lessonRun?.isBuiltIn ? '' : linkOf(state);
      if (link !== written) {
        written = link;
        window.history.replaceState(null, '', link ? `#${link}` : window.location.pathname + window.location.search);
      }
    };
    timer = setTimeout(write, WRITE_AFTER_QUIET_MS); // a page resumed at stored work shows its link too
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.timeline === prev.timeline && s.config === prev.config && s.locale === prev.locale
        && s.training === prev.training && s.isPlaying === prev.isPlaying && s.lessonRun === prev.lessonRun
        && s.mode === prev.mode && s.presentPanels === prev.presentPanels && s.embedParts === prev.embedParts) return;
      // While training or playing the cursor moves many times a second (and each history write
      // costs milliseconds); the link is written once they stop.
      if (s.training || s.isPlaying) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(write, WRITE_AFTER_QUIET_MS);
    });
    const onHashChange = (e: HashChangeEvent) => {
      // The link navigated to, not the address now: a write due for the last state may have run
      // between the paste and this event, putting that state's link back in the address bar.
      const hash = new URL(e.newURL).hash.replace(/^#/, '');
      if (hash === written || !isStateLink(hash)) return; // the header's links to sections of the page
      // What the address shows now, the link or the last state's again: the next write goes by it,
      // so the address ends at the opened state's link either way.
      written = window.location.hash.replace(/^#/, '');
      openHash(store.getState(), hash);
    };
    window.addEventListener('hashchange', onHashChange);
    return () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
      window.removeEventListener('hashchange', onHashChange);
    };
  }, [store]);
}
