/** The config slice: the settings, the data set and network they build, and the notice line. */
import type { StoreApi } from 'zustand/vanilla';
import type { Dataset } from '../data/datasets';
import { DEFAULT_CONFIG, buildConfig, type Built, type StudioConfig } from './config';
import { errorText, timelineFor } from './timelineSlice';
import type { AppState, ConfigActions, ConfigState, Notice } from './types';

const FOCUS_RESET = { focusSample: 0, focusNeuron: null, focusEdge: null } as const;

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
    notify: (notice) => set({ notice }),
    applyRecipe: (recipe, errors = []) => {
      get().stopTraining();
      try {
        const nextConfig = recipe.config ?? DEFAULT_CONFIG;
        const isSameConfig = sameConfig(nextConfig, get().config);
        const nextBuilt = isSameConfig ? get().built : buildConfig(nextConfig);
        set({
          ...(isSameConfig ? {} : { config: nextConfig, built: nextBuilt, timeline: timelineFor(nextBuilt), ...FOCUS_RESET }),
          isPlaying: false, locale: recipe.locale ?? get().locale,
          notice: errors.length ? { kind: 'error', message: errors.join(' ') } : null,
        });
        // A late iteration trains in the backend (a worker in the browser) while the page answers.
        get().seek(recipe.iteration ?? 0, recipe.phase ?? 'forward-hidden');
        if (recipe.focusSample !== undefined) get().setFocusSample(recipe.focusSample);
        if (recipe.focusNeuron !== undefined) set({ focusNeuron: recipe.focusNeuron });
        if (recipe.focusEdge !== undefined) set({ focusEdge: recipe.focusEdge });
        get().setEmphasis(recipe.emphasis ?? [], recipe.highlight ?? null);
      } catch (e) {
        set({ notice: { kind: 'error', message: [...errors, errorText(e)].join(' ') } });
      }
    },
  };
}

/** Whether two configs describe the same studio (a recipe with an equal config keeps the timeline). */
function sameConfig(a: StudioConfig, b: StudioConfig): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}
