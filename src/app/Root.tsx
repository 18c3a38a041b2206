import { useState } from 'react';
import { createAppStore } from '../store/index';
import { parseLink } from '../store/url';
import { readLessonLink } from '../lessons/link';
import { App } from './App';
import { StoreProvider } from './StoreProvider';
import { useUrlSync } from './useUrlSync';
import { createWorkerBackend } from './workerBackend';

/** Opens the store at what the link describes; anything not understood becomes a notice, never a blank page. */
function createFromLocation() {
  const { init, errors } = parseLink(window.location.hash);
  const deps = { trainingBackend: createWorkerBackend() };
  const lessonLink = readLessonLink(window.location.hash);
  if (lessonLink) {
    // A lesson step's link: the step pins its own state; only the language comes from the link.
    const store = createAppStore({ locale: init.locale }, deps);
    if (lessonLink.lesson) store.getState().startLesson(lessonLink.lesson, lessonLink.step);
    if (lessonLink.notice) store.getState().notify(lessonLink.notice);
    return store;
  }
  let store;
  try {
    store = createAppStore(init, deps);
  } catch (e) {
    store = createAppStore({}, deps);
    errors.push(`The link could not be opened (${e instanceof Error ? e.message : String(e)}); showing the tutorial example.`);
  }
  if (errors.length) store.getState().notify({ kind: 'error', message: errors.join(' ') });
  return store;
}

function Synced() {
  useUrlSync();
  return <App />;
}

/** The app with its store, opened from the address bar. */
export function Root() {
  const [store] = useState(createFromLocation);
  return (
    <StoreProvider store={store}>
      <Synced />
    </StoreProvider>
  );
}
