/**
 * Keeps the presenter's window and its speaker view on one state through a BroadcastChannel.
 * Each window runs its own store; a step in either is posted (cursor, playing, and from the main
 * window its settings) and the other follows through its own store actions: stepForward or
 * stepBack for a neighbouring phase, seek otherwise. Only the main window's clock plays; the
 * speaker view mirrors `isPlaying` and asks the main window to play. A lesson runs in the main
 * window only: it sends the step's prose, which the speaker view shows as its note.
 *
 * Why each window ignores its own echoes: a change applied from a message is not posted back, and
 * neither is the late arrival of a position a message asked for (a far seek trains in the worker
 * and lands later); otherwise two windows could bounce one position between them forever.
 */
import { useEffect, useState } from 'react';
import { DEFAULT_CONFIG, currentSession, toPosition, useStoreApi, type AppState, type AppStore } from '../store/index';
import { parseLink, serializeLink } from '../store/url';
import type { PhaseId } from '../engine/index';
import { lessonNote, type LessonNote } from '../views/SpeakerNotes';

export type SyncRole = 'main' | 'speaker';

/** A channel as the sync needs one (BroadcastChannel, or a test's pair). */
export interface SyncChannel {
  postMessage(message: unknown): void;
  onmessage: ((event: MessageEvent) => void) | null;
  close(): void;
}

export interface StateMessage {
  readonly kind: 'state';
  readonly from: SyncRole;
  readonly iteration: number;
  readonly phase: PhaseId;
  readonly isPlaying: boolean;
  /** The main window's settings and language as a link (cursor left out); absent from the speaker view, and for an uploaded CSV. */
  readonly settings?: string;
  /** The running lesson's step, as the speaker's note (from the main window, while a lesson runs). */
  readonly lesson?: LessonNote;
}
type SyncMessage = StateMessage | { readonly kind: 'hello' };

const START = { iteration: 0, phase: 'forward-hidden' } as const;

/** The settings and language of a state as a link, or undefined when they cannot travel in one (an uploaded CSV). */
function settingsOf(s: AppState): string | undefined {
  return s.config.data.kind === 'csv' ? undefined : serializeLink(s.config, START, s.locale);
}

function stateMessage(s: AppState, from: SyncRole): StateMessage {
  const { iteration, phase } = currentSession(s.timeline);
  const settings = from === 'main' ? settingsOf(s) : undefined;
  const lesson = from === 'main' ? lessonNote(s, s.locale) : null;
  return {
    kind: 'state', from, iteration, phase, isPlaying: s.isPlaying, ...(settings === undefined ? {} : { settings }), ...(lesson ? { lesson } : {}),
  };
}

function isStateMessage(m: unknown): m is StateMessage {
  return typeof m === 'object' && m !== null && (m as StateMessage).kind === 'state';
}

/**
 * Connects a store to a channel in a role. `onPeer` is called with every message from the other
 * side (the speaker view says whether a main window answers, and shows its lesson). Returns the disconnect.
 */
export function connectSync(store: AppStore, channel: SyncChannel, role: SyncRole, onPeer?: (m: StateMessage) => void): () => void {
  let isApplying = false;
  /**
   * Whether the other side has spoken. The main window posts its changes only once a speaker view
   * has: most pages never open one, and every step would otherwise post to nobody.
   */
  let hasPeer = false;
  /** A cursor a message asked for that is still on its way (trained in the backend): not a change of ours. */
  let awaited: number | null = null;

  const post = () => channel.postMessage(stateMessage(store.getState(), role));

  const apply = (m: StateMessage) => {
    const s = store.getState();
    if (m.settings !== undefined && m.settings !== settingsOf(s)) {
      const { init } = parseLink(m.settings);
      s.applyRecipe({ config: init.config ?? DEFAULT_CONFIG, locale: init.locale ?? 'en', iteration: m.iteration, phase: m.phase });
    } else {
      const here = s.timeline.cursor;
      const there = positionOf(m);
      if (there === here + 1) s.stepForward();
      else if (there === here - 1) s.stepBack();
      else if (there !== here) s.seek(m.iteration, m.phase);
    }
    const now = store.getState();
    if (m.isPlaying !== now.isPlaying) (m.isPlaying ? now.play : now.pause)();
    const reached = store.getState().timeline.cursor;
    awaited = reached === positionOf(m) ? null : positionOf(m);
  };

  const unsubscribe = store.subscribe((s, prev) => {
    if (isApplying) return;
    const isSettled = s.training === null;
    const changed = s.timeline.cursor !== prev.timeline.cursor || s.isPlaying !== prev.isPlaying || s.config !== prev.config
      || s.locale !== prev.locale || (isSettled && prev.training !== null) || s.lessonRun !== prev.lessonRun;
    // While a job trains, the cursor stands for progress; the result is posted when it ends.
    if (!changed || !isSettled || !hasPeer) return;
    if (awaited !== null) {
      const arrived = s.timeline.cursor === awaited;
      awaited = null;
      if (arrived) return;
    }
    post();
  });

  channel.onmessage = (e: MessageEvent) => {
    const m = e.data as SyncMessage;
    if (m?.kind === 'hello') {
      if (role === 'main') {
        hasPeer = true;
        post();
      }
      return;
    }
    // Another main window, or another speaker view, is not our peer.
    if (!isStateMessage(m) || m.from === role) return;
    // A main window that opened after this speaker view learns here that it has one.
    if (!hasPeer && role === 'speaker') channel.postMessage({ kind: 'hello' });
    hasPeer = true;
    onPeer?.(m);
    isApplying = true;
    try {
      apply(m);
    } finally {
      isApplying = false;
    }
  };
  if (role === 'main') post();
  else channel.postMessage({ kind: 'hello' });

  return () => {
    unsubscribe();
    channel.onmessage = null;
  };
}

const positionOf = (m: StateMessage) => toPosition(m.iteration, m.phase);

const CHANNEL_PREFIX = 'backprop-studio:';
const WINDOW_PREFIX = 'backprop-speaker:';

/** A fresh pairing id for a main window (several presenter tabs each get their own speaker view). */
export function newPairing(): string {
  return Math.random().toString(36).slice(2, 10);
}

/** The speaker view's window name for a pairing (window.open's target: pressing S again focuses the same window). */
export function speakerWindowName(pairing: string): string {
  return `${WINDOW_PREFIX}${pairing}`;
}

/** The channel name of a pairing; a speaker view finds its pairing in its window's name. */
function channelName(role: SyncRole, pairing: string): string {
  const fromWindow = role === 'speaker' && window.name.startsWith(WINDOW_PREFIX) ? window.name.slice(WINDOW_PREFIX.length) : null;
  return `${CHANNEL_PREFIX}${fromWindow ?? pairing}`;
}

export interface PeerState {
  /** Whether a peer has answered (the speaker view says so when none does). */
  readonly hasPeer: boolean;
  /** The main window's running lesson step, for the speaker view's note. */
  readonly lesson: LessonNote | null;
}

/** Syncs this window's store with its peer while `role` is set (null: an embed, which has none). */
export function useSpeakerSync(role: SyncRole | null, pairing: string): PeerState {
  const store = useStoreApi();
  const [peer, setPeer] = useState<PeerState>({ hasPeer: false, lesson: null });
  useEffect(() => {
    if (role === null || typeof BroadcastChannel === 'undefined') return;
    const channel = new BroadcastChannel(channelName(role, pairing));
    const disconnect = connectSync(store, channel, role, (m) => setPeer((p) => (
      p.hasPeer && sameNote(p.lesson, m.lesson ?? null) ? p : { hasPeer: true, lesson: m.lesson ?? null })));
    return () => {
      disconnect();
      channel.close();
    };
  }, [store, role, pairing]);
  return peer;
}

const sameNote = (a: LessonNote | null, b: LessonNote | null) => a === b || (a !== null && b !== null && a.title === b.title && a.text === b.text);
