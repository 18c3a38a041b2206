/** Selectors, declared once at module scope so their identity is stable (STYLE.md §5). */
import { fromPosition, currentSession, type Curves } from './timeline';
import type { AppState } from './store';
import type { PhaseId, Session } from '../engine/index';

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
