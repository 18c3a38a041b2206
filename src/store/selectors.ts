/** Selectors, declared once at module scope so their identity is stable (STYLE.md §5). */
import { fromPosition, currentSession, stepForward, type Curves } from './timeline';
import type { AppState } from './store';
import type { PhaseId, Session } from '../engine/index';
import type { Layout } from './recipe';

export const selectSession = (s: AppState): Session => currentSession(s.timeline);
export const selectPhase = (s: AppState): PhaseId => currentSession(s.timeline).phase;
export const selectIteration = (s: AppState): number => currentSession(s.timeline).iteration;
export const selectCursor = (s: AppState): number => s.timeline.cursor;
export const selectFrontier = (s: AppState): number => s.timeline.frontier;
export const selectFrontierIteration = (s: AppState): number => fromPosition(s.timeline.frontier).iteration;
export const selectCurves = (s: AppState): Curves => s.timeline.curves;
export const selectNetwork = (s: AppState) => s.built.network;
export const selectDataset = (s: AppState) => s.built.dataset;
export const selectConfig = (s: AppState) => s.config;
export const selectNotice = (s: AppState) => s.notice;
export const selectIsPlaying = (s: AppState) => s.isPlaying;
export const selectSpeed = (s: AppState) => s.speed;
export const selectLocale = (s: AppState) => s.locale;
export const selectFocusSample = (s: AppState) => s.focusSample;
export const selectFocusNeuron = (s: AppState) => s.focusNeuron;
export const selectFocusEdge = (s: AppState) => s.focusEdge;
export const selectIsAtStart = (s: AppState) => s.timeline.cursor === 0;

/**
 * The session the per-phase views (equations, matrices, code) show: the cursor's, except while
 * fast training runs, when they hold the one training started from. Why: twenty new iterations
 * a second are unreadable as equations and would cost every frame; the diagram, curves and data
 * view still move live.
 */
export const selectStudioSession = (s: AppState): Session => s.training?.from ?? currentSession(s.timeline);
export const selectIsTraining = (s: AppState): boolean => s.training !== null;
/** True while a job trains the way to an iteration a link named, or such a way waits for the go-ahead. */
export const selectIsPreparing = (s: AppState): boolean => s.training?.destination != null || s.pendingSeek !== null;

/** Milliseconds between two sessions the live diagram shows while fast training runs (10 a second). */
export const TRAINING_FRAME_MS = 100;

interface HeldFrame { readonly timeline: AppState['timeline']; readonly session: Session; readonly at: number }
/** The frame each training job (keyed by the session it started from) shows now. */
const heldFrames = new WeakMap<Session, HeldFrame>();

function trainingFrame(s: AppState): HeldFrame | null {
  if (s.training === null) return null;
  const key = s.training.from;
  const held = heldFrames.get(key);
  // The same state gives the same frame, so React reads a stable snapshot.
  if (held?.timeline === s.timeline) return held;
  const now = performance.now();
  const next: HeldFrame = held && now - held.at < TRAINING_FRAME_MS
    ? { ...held, timeline: s.timeline }
    : { timeline: s.timeline, session: currentSession(s.timeline), at: now };
  heldFrames.set(key, next);
  return next;
}

/**
 * The cursor's session, except while fast training runs, when it moves on at most every
 * TRAINING_FRAME_MS. Why: reports arrive ~20 times a second and redrawing the whole diagram
 * for each costs frames; ten pictures a second still show the weights moving. Within a
 * report's interval of the end the last one shows, and when training ends the cursor's.
 */
export const selectFrameSession = (s: AppState): Session =>
  // Preparing a linked iteration, the studio holds the start: its numbers are not the ones asked for.
  (s.training?.destination ? s.training.from : trainingFrame(s)?.session ?? currentSession(s.timeline));

export const selectMode = (s: AppState) => s.mode;
export const selectPresentPanels = (s: AppState) => s.presentPanels;
export const selectEmbedParts = (s: AppState) => s.embedParts;
export const selectIsBlackedOut = (s: AppState) => s.isBlackedOut;

/** The layout the page shows, as a link or a recipe names it (a new object: not for useAppStore). */
export function layoutOf(s: AppState): Layout {
  switch (s.mode) {
    case 'present': return { mode: 'present', panels: s.presentPanels };
    case 'embed': return { mode: 'embed', show: s.embedParts };
    default: return { mode: s.mode };
  }
}

const nextTimelines = new WeakMap<AppState['timeline'], AppState['timeline']>();
const previews = new WeakMap<AppState, AppState>();

/**
 * The state one phase on, computed aside (the store does not move): what the next step will
 * show, for the speaker view's preview. The same state gives the same object, so it can be
 * selected; the phase is computed once per timeline.
 */
export function selectNextPhaseState(s: AppState): AppState {
  let preview = previews.get(s);
  if (!preview) {
    let next = nextTimelines.get(s.timeline);
    if (!next) {
      next = stepForward(s.timeline);
      nextTimelines.set(s.timeline, next);
    }
    preview = { ...s, timeline: next, training: null };
    previews.set(s, preview);
  }
  return preview;
}
