/** The config slice: the settings, the data set and network they build, and the notice line. */
import type { StoreApi } from 'zustand/vanilla';
import type { Dataset } from '../data/datasets';
import { DEFAULT_CONFIG, buildConfig, type Built, type StudioConfig } from './config';
import { problem, type SessionProblem } from './sessionCheck';
import { readSession } from './sessionFile';
import { fromPosition } from './timeline';
import { errorText, timelineFor } from './timelineSlice';
import { MAX_SESSION_BYTES, type AppState, type ConfigActions, type ConfigState, type Notice, type NoticeLine } from './types';

const FOCUS_RESET = { focusSample: 0, focusNeuron: null, focusEdge: null } as const;

/** The notice for a session file that could not be opened: the file, the field and what was expected. */
export function sessionNotice(name: string, p: SessionProblem): Notice {
  return {
    kind: 'error', code: `session-${p.code}`, params: { ...p.params, name, field: p.field, got: p.got },
    message: `${name} is not a session this page can open: ${p.message}. Nothing was changed.`,
  };
}

/** An error notice of several sentences (what a link got wrong). */
const noticeOf = (lines: readonly NoticeLine[]): Notice => ({ kind: 'error', message: lines.map((l) => l.message).join(' '), lines });

export function createConfigSlice(
  set: StoreApi<AppState>['setState'], get: StoreApi<AppState>['getState'], config: StudioConfig, built: Built,
): ConfigState & ConfigActions {
  /** Builds and switches to a new config (resetting the timeline), or keeps everything and says why not. */
  const apply = (nextConfig: StudioConfig, csv: Dataset | null, notice: Notice, csvName = get().csvName): boolean => {
    try {
      const nextBuilt = buildConfig(nextConfig, csv);
      get().stopTraining();
      set({ config: nextConfig, built: nextBuilt, csv, csvName, timeline: timelineFor(nextBuilt), isPlaying: false, ...FOCUS_RESET, notice });
      return true;
    } catch (e) {
      set({ notice: { kind: 'error', message: errorText(e) } });
      return false;
    }
  };

  /** Counts openSession calls: a file read that finishes after a later call started is dropped. */
  let sessionRun = 0;

  return {
    config, built, csv: null, csvName: null, notice: null,
    setConfig: (patch) =>
      apply({ ...get().config, ...patch }, get().csv, {
        kind: 'info', code: 'config-changed', message: 'Settings changed: the timeline starts again at iteration 0.',
      }),
    loadCsv: (dataset, name, patch = {}) =>
      apply({ ...get().config, ...patch, data: { kind: 'csv', name } }, dataset, {
        kind: 'info', code: 'csv-loaded', params: { name }, message: `Loaded ${name}: the timeline starts again at iteration 0.`,
      }, name),
    restoreCsv: (csv, csvName) => set({ csv, csvName }),
    notify: (notice) => set({ notice }),
    applyRecipe: (recipe, errors = []) => {
      get().stopTraining();
      // First: an embed whose settings do not build is still an embed, showing the tutorial.
      if (recipe.layout) get().setLayout(recipe.layout);
      try {
        const nextConfig = recipe.config ?? DEFAULT_CONFIG;
        const isSameConfig = sameConfig(nextConfig, get().config);
        const nextBuilt = isSameConfig ? get().built : buildConfig(nextConfig, get().csv);
        set({
          ...(isSameConfig ? {} : { config: nextConfig, built: nextBuilt, timeline: timelineFor(nextBuilt), ...FOCUS_RESET }),
          isPlaying: false, locale: recipe.locale ?? get().locale,
          notice: errors.length ? noticeOf(errors) : null,
        });
        // A late iteration trains in the backend (a worker in the browser) while the page answers.
        get().seek(recipe.iteration ?? 0, recipe.phase ?? 'forward-hidden');
        if (recipe.focusSample !== undefined) get().setFocusSample(recipe.focusSample);
        if (recipe.focusNeuron !== undefined) set({ focusNeuron: recipe.focusNeuron });
        if (recipe.focusEdge !== undefined) set({ focusEdge: recipe.focusEdge });
        get().setEmphasis(recipe.emphasis ?? [], recipe.highlight ?? null);
      } catch (e) {
        set({ notice: noticeOf([...errors, { message: errorText(e) }]) });
      }
    },
    openSession: async (file) => {
      const run = ++sessionRun;
      const refuse = (p: SessionProblem) => {
        set({ notice: sessionNotice(file.name, p) });
        return p;
      };
      if (file.size > MAX_SESSION_BYTES) return refuse(problem('too-large', '', `${(file.size / 2 ** 20).toFixed(1)} MB`, { max: MAX_SESSION_BYTES / 2 ** 20 }));
      let text: string;
      try {
        text = await file.text();
      } catch (e) {
        return run === sessionRun ? refuse(problem('unreadable', '', file.name, { reason: errorText(e) })) : null;
      }
      if (run !== sessionRun) return null;
      const read = readSession(text);
      if (!read.ok) return refuse(read.problem);
      get().stopTraining();
      const { config: nextConfig, built: nextBuilt, csv, csvName, timeline } = read.session;
      const { iteration } = fromPosition(timeline.cursor);
      set({
        config: nextConfig, built: nextBuilt, csv, csvName, timeline, isPlaying: false, ...FOCUS_RESET,
        notice: {
          kind: 'info', code: 'session-opened', params: { name: file.name, iteration },
          message: `Opened ${file.name} at iteration ${iteration}: stepping and training go on from there.`,
        },
      });
      // As a recipe without emphasis: what a lesson or presenter pointed at belongs to the old state.
      get().setEmphasis([], null);
      return null;
    },
  };
}

/** Whether two configs describe the same studio (a recipe with an equal config keeps the timeline). */
function sameConfig(a: StudioConfig, b: StudioConfig): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}
