/**
 * The app store: one zustand store per mount, made by createAppStore and combined once from
 * slices. It is the one place where state changes; every action sits beside the state it changes.
 */
import { createStore } from 'zustand/vanilla';
import { DEFAULT_CONFIG, buildConfig } from './config';
import { createConfigSlice } from './configSlice';
import { createRaceSlice } from './raceSlice';
import { createLessonSlice } from './lessonSlice';
import { createTimelineSlice, timelineFor } from './timelineSlice';
import { currentSession } from './timeline';
import { inProcessBackend } from './training';
import { DEFAULT_PRESENT_PANELS, EMBED_PARTS, type PanelPair } from './recipe';
import { PREPARE_WORK_BUDGET, type AppDeps, type AppInit, type AppState } from './types';

export * from './types';

/**
 * A fresh store at what `init` describes. Throws only if init.config is invalid (parse links with
 * parseLink first). A late iteration is reached through seek: at once with the in-process
 * backend, as a job with progress with the worker's (the page paints iteration 0 meanwhile).
 */
export function createAppStore(init: AppInit = {}, deps: AppDeps = {}) {
  const backend = deps.trainingBackend ?? inProcessBackend;
  const config = init.config ?? DEFAULT_CONFIG;
  const built = buildConfig(config);
  const timeline = timelineFor(built);

  // One source of training job ids for the timeline's jobs and the race's lanes (one backend).
  let lastJobId = 0;
  const nextJobId = () => ++lastJobId;

  const store = createStore<AppState>()((set, get) => ({
    ...createConfigSlice(set, get, config, built),
    ...createTimelineSlice(set, get, backend, timeline, nextJobId, deps.prepareWorkBudget ?? PREPARE_WORK_BUDGET),
    ...createRaceSlice(set, get, backend, nextJobId),
    ...createLessonSlice(set, get),

    isPlaying: false,
    speed: 2,
    play: () => set({ isPlaying: true }),
    pause: () => set({ isPlaying: false }),
    togglePlay: () => set({ isPlaying: !get().isPlaying }),
    setSpeed: (speed) => set({ speed }),

    focusSample: 0,
    focusNeuron: null,
    focusEdge: null,
    setFocusSample: (sample) => {
      const m = currentSession(get().timeline).batch.X.cols;
      if (Number.isInteger(sample) && sample >= 0 && sample < m) set({ focusSample: sample });
    },
    setFocusNeuron: (focusNeuron) => set({ focusNeuron }),
    setFocusEdge: (focusEdge) => set({ focusEdge }),
    emphasis: [],
    highlight: null,
    setEmphasis: (emphasis, highlight) => {
      if (emphasis.length === 0 && highlight === null && get().emphasis.length === 0 && get().highlight === null) return;
      set({ emphasis, highlight });
    },

    locale: init.locale ?? 'en',
    setLocale: (locale) => set({ locale }),
    mode: init.layout?.mode ?? 'studio',
    presentPanels: init.layout?.mode === 'present' ? init.layout.panels : DEFAULT_PRESENT_PANELS,
    embedParts: init.layout?.mode === 'embed' ? init.layout.show : EMBED_PARTS,
    isBlackedOut: false,
    setMode: (mode) => set({ mode, isBlackedOut: false }),
    setLayout: (layout) => set({
      mode: layout.mode, isBlackedOut: false,
      ...(layout.mode === 'present' ? { presentPanels: layout.panels } : {}),
      ...(layout.mode === 'embed' ? { embedParts: layout.show } : {}),
    }),
    setPresentPanel: (side, panel) => {
      const panels = get().presentPanels;
      if (panels[side] === panel) return;
      const other = panels[1 - side];
      const pair: PanelPair = side === 0 ? [panel, other === panel ? panels[0] : other] : [other === panel ? panels[1] : other, panel];
      set({ presentPanels: pair });
    },
    toggleBlackout: () => set({ isBlackedOut: !get().isBlackedOut }),
    isHelpOpen: false,
    setHelpOpen: (isHelpOpen) => set({ isHelpOpen }),
    startOver: () => {
      get().clearRace();
      get().leaveLesson();
      get().applyRecipe({}, []);
      set({ csv: null, csvName: null, raceSetup: null, focusSample: 0, focusNeuron: null, focusEdge: null });
    },
  }));
  // The config and locale are in place already; the rest of the recipe (cursor, focus, emphasis) is applied as any other.
  const PINNED: readonly (keyof AppInit)[] = ['iteration', 'phase', 'focusSample', 'focusNeuron', 'focusEdge', 'emphasis', 'highlight'];
  if (PINNED.some((key) => init[key] !== undefined)) store.getState().applyRecipe({ ...init, config });
  return store;
}

export type AppStore = ReturnType<typeof createAppStore>;
