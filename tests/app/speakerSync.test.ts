/**
 * The presenter's window and its speaker view, each with its own store, kept on one state through
 * a channel: steps in either move both, through the store's own actions, with no echoes.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { connectSync, type StateMessage, type SyncChannel } from '../../src/app/speakerSync';
import { lessonById } from '../../src/lessons/index';
import type { Lesson } from '../../src/lessons/types';
import reference from '../fixtures/lessons.json';
import { createAppStore, selectSession, type AppStore } from '../../src/store/index';
import { parseLink } from '../../src/store/url';
import { manualBackend } from '../fixtures/manualBackend';

/** Messages posted and not yet delivered, on every channel pair. */
let inFlight = 0;

/** Two ends of a channel: what one posts, the other receives in a later task, as a structured clone (as BroadcastChannel delivers). */
function channelPair() {
  const sent: { from: 0 | 1; message: unknown }[] = [];
  const ends: SyncChannel[] = [0, 1].map((k) => ({
    onmessage: null,
    postMessage(message: unknown) {
      sent.push({ from: k as 0 | 1, message });
      const copy = structuredClone(message);
      inFlight++;
      setTimeout(() => {
        inFlight--;
        ends[1 - k].onmessage?.({ data: copy } as MessageEvent);
      }, 0);
    },
    close() {},
  }));
  return { main: ends[0], speaker: ends[1], sent };
}

/**
 * Until every message posted has been delivered, and the replies to those too. Why not a fixed
 * wait: on a busy machine a few milliseconds can end between a hello and its answer.
 */
async function settle() {
  do await new Promise((resolve) => setTimeout(resolve, 0));
  while (inFlight > 0);
}
const where = (store: AppStore) => {
  const s = selectSession(store.getState());
  return `${s.iteration} ${s.phase}`;
};

let disconnects: (() => void)[] = [];
afterEach(() => {
  disconnects.forEach((d) => d());
  disconnects = [];
});

/** A main window's store and the speaker view it opens (from the link it writes), connected. */
async function pair(mainLink = '', speakerDeps = {}) {
  const main = createAppStore(parseLink(mainLink).init);
  const speaker = createAppStore(parseLink(`${mainLink}&speaker=1`).init, speakerDeps);
  const channels = channelPair();
  /** What the speaker view last heard from the presenter (its note comes from there). */
  const heard: StateMessage[] = [];
  disconnects.push(connectSync(main, channels.main, 'main'), connectSync(speaker, channels.speaker, 'speaker', (m) => heard.push(m)));
  await settle();
  return { main, speaker, sent: channels.sent, heard };
}

describe('the speaker view in sync with the presenter', () => {
  it('opens where the presenter is', async () => {
    const { speaker } = await pair('#it=2&phase=loss');
    expect(speaker.getState().mode).toBe('speaker');
    expect(where(speaker)).toBe('2 loss');
  });

  it('a step in either window moves both', async () => {
    const { main, speaker } = await pair();
    main.getState().stepForward();
    main.getState().stepForward();
    await settle();
    expect(where(speaker)).toBe('0 loss');
    speaker.getState().stepForward();
    await settle();
    expect(where(main)).toBe('0 backward-output');
    speaker.getState().stepBack();
    speaker.getState().stepBack();
    await settle();
    expect([where(main), where(speaker)]).toEqual(['0 forward-output', '0 forward-output']);
  });

  it('posts each change once, and never echoes what it received', async () => {
    const { main, speaker, sent } = await pair();
    sent.length = 0;
    main.getState().stepForward();
    await settle();
    expect(sent.map((m) => m.from)).toEqual([0]);
    speaker.getState().stepForward();
    await settle();
    expect(sent.map((m) => m.from)).toEqual([0, 1]);
    expect(where(main)).toBe(where(speaker));
  });

  it('a main window with no speaker view posts nothing as it steps', async () => {
    const main = createAppStore();
    const { main: channel, sent } = channelPair();
    disconnects.push(connectSync(main, channel, 'main'));
    await settle();
    sent.length = 0;
    main.getState().stepForward();
    main.getState().stepForward();
    await settle();
    expect(sent).toEqual([]);
  });

  it('a main window opened after its speaker view (a reload) still moves it', async () => {
    const main = createAppStore();
    const speaker = createAppStore(parseLink('#speaker=1').init);
    const channels = channelPair();
    disconnects.push(connectSync(speaker, channels.speaker, 'speaker'));
    await settle(); // its hello reaches no one
    disconnects.push(connectSync(main, channels.main, 'main'));
    await settle();
    main.getState().stepForward();
    await settle();
    expect(where(speaker)).toBe('0 forward-output');
    expect(where(main)).toBe(where(speaker));
  });

  it('jumps (Home, a phase, Train) follow too', async () => {
    const { main, speaker } = await pair();
    main.getState().train(30);
    await settle();
    expect(where(speaker)).toBe('30 forward-hidden');
    speaker.getState().seek(0, 'forward-hidden');
    await settle();
    expect(where(main)).toBe('0 forward-hidden');
    expect(selectSession(speaker.getState()).params.W1.data).toEqual(selectSession(main.getState()).params.W1.data);
  });

  it('play and pause from the speaker view play the presenter\'s window', async () => {
    const { main, speaker } = await pair();
    speaker.getState().togglePlay();
    await settle();
    expect(main.getState().isPlaying).toBe(true);
    main.getState().stepForward(); // what the presenter's clock does while playing
    await settle();
    expect([where(speaker), speaker.getState().isPlaying]).toEqual(['0 forward-output', true]);
    main.getState().pause();
    await settle();
    expect(speaker.getState().isPlaying).toBe(false);
  });

  it('takes the presenter\'s settings and language, never the other way round', async () => {
    const { main, speaker } = await pair('#data=xor&hidden=3');
    main.getState().setConfig({ hiddenSize: 5 });
    main.getState().setLocale('zh-CN');
    await settle();
    expect([speaker.getState().config.hiddenSize, speaker.getState().config.data.kind, speaker.getState().locale]).toEqual([5, 'xor', 'zh-CN']);
    speaker.getState().stepForward();
    await settle();
    expect(where(main)).toBe('0 forward-output');
    expect(main.getState().config.hiddenSize).toBe(5);
  });

  it('a far position reached later in the speaker view (trained in its worker) is not posted back', async () => {
    const manual = manualBackend();
    const { main, sent } = await pair('', { trainingBackend: manual.backend });
    main.getState().train(40);
    await settle();
    // The speaker view trains the way there; meanwhile the presenter steps on.
    main.getState().stepForward();
    sent.length = 0;
    manual.finish();
    await settle();
    expect(sent.filter((m) => m.from === 1)).toEqual([]);
    expect(where(main)).toBe('40 forward-output');
  });

  it('while a lesson runs, the speaker view hears its step\'s prose with NumPy\'s numbers, in the presenter\'s language; after it, none', async () => {
    const { main, speaker, heard } = await pair();
    const lesson = lessonById('chain-rule') as Lesson;
    const k = lesson.steps.findIndex((s) => s.title.en === 'Start at the end: dℓ/da₂');
    main.getState().startLesson(lesson, k, true);
    await settle();
    const ref = reference.chainRule;
    const note = () => heard[heard.length - 1].lesson;
    expect(where(speaker)).toBe(`${ref.iteration} ${lesson.steps[k].phase}`);
    expect(note()?.title).toBe('Start at the end: dℓ/da₂');
    expect(note()?.text).toContain(`a₂ = ${ref.a2.toFixed(4)}`);
    expect(note()?.text).toContain(`over the ${ref.m} samples`);
    expect(note()?.text).not.toContain('{');
    main.getState().setLocale('zh-CN');
    await settle();
    expect(note()?.title).toBe('从终点开始：dℓ/da₂');
    expect(note()?.text).toContain(`输出 a₂ = ${ref.a2.toFixed(4)}`);
    main.getState().leaveLesson();
    await settle();
    expect(note()).toBeUndefined();
  });
});
