/** The store's public surface. */
export * from './store';
export * from './selectors';
export * from './hooks';
export { BURST_GAP_MS, DEFERRED_MAX_LAG_MS, afterNextPaint, catchUpTiming, nextTurn, noteStoreChange } from './scheduling';
export { DEFAULT_CONFIG, MAX_HIDDEN, buildConfig, type Built, type StudioConfig } from './config';
export { KEYFRAME_INTERVAL, SCRATCH_INTERVAL, fromPosition, toPosition, currentSession, type Curves, type Timeline, type Position } from './timeline';
export type { LaneChoice, LaneDraft, LaneHyper, Race, RaceLane, RaceSetup } from './raceSlice';
export { LANE_CHOICES, LANE_HYPERS, MAX_RACE_ITERATIONS } from './raceSlice';
export type { TrainingBackend, TrainingOutcome } from './training';
export type { LessonProgress, LessonRun, StepAnswer } from './lessonSlice';
export { batchSize, stepResolver } from './lessonSlice';
export {
  DEFAULT_PRESENT_PANELS, EMBED_PARTS, PANELS, MATRIX_NAMES,
  type EmbedPart, type Highlight, type Layout, type MatrixName, type PanelId, type PanelPair, type StateRecipe,
} from './recipe';
export { handoutName, configStem, type Handout } from './fileNames';
export { SESSION_FORMAT, SESSION_VERSION, readSession, sessionText, type SessionProblem, type SessionProblemCode } from './sessionFile';
