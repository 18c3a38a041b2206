// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { act, screen, within } from '@testing-library/react';
import { Shortcuts, type PageCommands } from '../../src/views/Controls';
import { selectIteration, selectPhase, type AppStore } from '../../src/store/index';
import { lessonById } from '../../src/lessons/index';
import { renderWithStore } from './render';

/** The page's side, recorded: whether it is in full screen, and what the keys asked of it. */
function fakePage(isFullscreen = false) {
  const calls: string[] = [];
  const page: PageCommands = {
    isFullscreen: () => isFullscreen,
    setFullscreen: (on) => {
      calls.push(`fullscreen ${on}`);
      isFullscreen = on;
    },
    openSpeakerView: () => calls.push('speaker'),
  };
  return { page, calls };
}

function presenting(page: PageCommands) {
  const view = renderWithStore(<><input aria-label="Note" /><Shortcuts page={page} /></>);
  act(() => view.store.getState().setMode('present'));
  return view;
}

const where = (store: AppStore) => `${selectIteration(store.getState())} ${selectPhase(store.getState())}`;

describe('keys in presenter mode', () => {
  it('PageDown and PageUp step like a clicker, Home goes to iteration 0', async () => {
    const { store, user } = presenting(fakePage().page);
    await user.keyboard('{PageDown}{PageDown}{PageDown}');
    expect(where(store)).toBe('0 backward-output');
    await user.keyboard('{PageUp}');
    expect(where(store)).toBe('0 loss');
    for (let k = 0; k < 6; k++) await user.keyboard('{ArrowRight}');
    expect(where(store)).toBe('1 loss');
    await user.keyboard('{Home}');
    expect(where(store)).toBe('0 forward-hidden');
  });

  it('while a lesson runs, PageDown and PageUp turn its steps, each step moving the studio where it points', async () => {
    const { store, user } = presenting(fakePage().page);
    const lesson = lessonById('one-iteration')!;
    act(() => store.getState().startLesson(lesson));
    await user.keyboard('{PageDown}{PageDown}');
    expect(store.getState().lessonRun?.step).toBe(2);
    await user.keyboard('{PageUp}');
    expect(store.getState().lessonRun?.step).toBe(1);
    // Out of the lesson, the clicker steps phases again.
    act(() => store.getState().leaveLesson());
    const before = where(store);
    await user.keyboard('{PageDown}');
    expect(where(store)).not.toBe(before);
    expect(store.getState().lessonRun).toBeNull();
  });

  it('B and . black the screen out and bring it back', async () => {
    const { store, user } = presenting(fakePage().page);
    await user.keyboard('b');
    expect(store.getState().isBlackedOut).toBe(true);
    await user.keyboard('b');
    expect(store.getState().isBlackedOut).toBe(false);
    await user.keyboard('.');
    expect(store.getState().isBlackedOut).toBe(true);
    await user.keyboard('.');
    expect(store.getState().isBlackedOut).toBe(false);
  });

  it('Esc leaves full screen first, then presenter mode', async () => {
    const { page, calls } = fakePage(true);
    const { store, user } = presenting(page);
    await user.keyboard('{Escape}');
    expect(calls).toEqual(['fullscreen false']);
    expect(store.getState().mode).toBe('present');
    await user.keyboard('{Escape}');
    expect(store.getState().mode).toBe('studio');
  });

  it('F toggles full screen and S opens the speaker view', async () => {
    const { page, calls } = fakePage(false);
    const { user } = presenting(page);
    await user.keyboard('f');
    await user.keyboard('f');
    await user.keyboard('s');
    expect(calls).toEqual(['fullscreen true', 'fullscreen false', 'speaker']);
  });

  it('none of them fire while typing in a field', async () => {
    const { page, calls } = fakePage(true);
    const { store, user } = presenting(page);
    await user.click(screen.getByRole('textbox', { name: 'Note' }));
    await user.keyboard('{PageDown}b.fs{Escape}{Home}');
    expect(where(store)).toBe('0 forward-hidden');
    expect(store.getState().isBlackedOut).toBe(false);
    expect(store.getState().mode).toBe('present');
    expect(calls).toEqual([]);
  });

  it('the help overlay lists exactly the keys that apply: presenter keys on the projector, not in the studio', async () => {
    const { store, user } = presenting(fakePage().page);
    await user.keyboard('?');
    const keysOf = () => within(screen.getByRole('dialog', { name: 'Keyboard shortcuts' })).getAllByRole('term').map((dt) => dt.textContent);
    expect(keysOf()).toEqual(['→', '←', 'Page Down', 'Page Up', 'Space', 'Home', 'B.', 'F', 'S', 'Esc', '?', 'Esc']);
    // Esc in the overlay closes the overlay only: presenter mode stays.
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(store.getState().mode).toBe('present');
    act(() => store.getState().setMode('studio'));
    await user.keyboard('?');
    expect(keysOf()).toEqual(['→', '←', 'Space', 'R', 'F', '?', 'Esc']);
  });
});

describe('keys in the studio and in an embed', () => {
  it('F in the studio enters presenter mode in full screen; PageDown there is the page\'s (it scrolls)', async () => {
    const { page, calls } = fakePage(false);
    const { store, user } = renderWithStore(<Shortcuts page={page} />);
    await user.keyboard('{PageDown}');
    expect(where(store)).toBe('0 forward-hidden');
    await user.keyboard('f');
    expect(store.getState().mode).toBe('present');
    expect(calls).toEqual(['fullscreen true']);
  });

  it('an embed steps with → and ←, and has no presenter keys', async () => {
    const { page, calls } = fakePage(false);
    const { store, user } = renderWithStore(<Shortcuts page={page} />, { layout: { mode: 'embed', show: ['network'] } });
    await user.keyboard('{ArrowRight}{ArrowRight}{ArrowLeft}bfs{PageDown}');
    expect(where(store)).toBe('0 forward-output');
    expect(store.getState().isBlackedOut).toBe(false);
    expect(store.getState().mode).toBe('embed');
    expect(calls).toEqual([]);
  });
});
