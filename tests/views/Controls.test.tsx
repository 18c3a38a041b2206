// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { act, screen, within } from '@testing-library/react';
import { Controls, Shortcuts, type PageCommands } from '../../src/views/Controls';
import { selectCursor, selectIteration, selectPhase, selectSession } from '../../src/store/index';
import { renderWithStore } from './render';

const announcer = () => screen.getByTestId('phase-announcer');

/** The page's side of the keys (full screen, the speaker's window): not used by the studio's keys. */
const PAGE: PageCommands = { isFullscreen: () => false, setFullscreen: () => undefined, openSpeakerView: () => undefined };
/** The studio's bar with the page's keyboard, as the app mounts them. */
const controlsWithKeys = () => renderWithStore(<><Controls /><Shortcuts page={PAGE} /></>);

describe('Controls', () => {
  it('shows the iteration and phase, and Step back is disabled at the very start', () => {
    renderWithStore(<Controls />);
    expect(screen.getByText('Iteration 0')).toBeTruthy();
    expect(screen.getByText('Forward: hidden layer')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Step back' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('Step forward and Step back move the store one phase, and the live region says where we are', async () => {
    const { store, user } = renderWithStore(<Controls />);
    await user.click(screen.getByRole('button', { name: 'Step forward' }));
    expect(selectPhase(store.getState())).toBe('forward-output');
    expect(announcer().textContent).toBe('Iteration 0, Forward: output layer.');
    expect(announcer().getAttribute('aria-live')).toBe('polite');
    for (let k = 0; k < 6; k++) await user.click(screen.getByRole('button', { name: 'Step forward' }));
    expect(selectIteration(store.getState())).toBe(1);
    expect(selectPhase(store.getState())).toBe('forward-output');
    await user.click(screen.getByRole('button', { name: 'Step back' }));
    expect(selectCursor(store.getState())).toBe(6);
    expect(announcer().textContent).toBe('Iteration 1, Forward: hidden layer.');
    expect(screen.getByText('Iteration 1')).toBeTruthy();
  });

  it('Play becomes Pause and back; Reset returns to iteration 0', async () => {
    const { store, user } = renderWithStore(<Controls />);
    await user.click(screen.getByRole('button', { name: 'Play' }));
    expect(store.getState().isPlaying).toBe(true);
    expect(screen.queryByRole('button', { name: 'Play' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Pause' }));
    expect(store.getState().isPlaying).toBe(false);
    act(() => store.getState().train(5));
    expect(selectIteration(store.getState())).toBe(5);
    await user.click(screen.getByRole('button', { name: 'Reset' }));
    expect(selectCursor(store.getState())).toBe(0);
  });

  it('the phase strip marks the current phase and seeks within the iteration', async () => {
    const { store, user } = renderWithStore(<Controls />);
    const strip = screen.getByRole('list', { name: 'Phases of this iteration' });
    expect(within(strip).getByRole('button', { name: 'Forward: hidden layer' }).getAttribute('aria-current')).toBe('step');
    await user.click(within(strip).getByRole('button', { name: 'Backward: hidden layer' }));
    expect(selectIteration(store.getState())).toBe(0);
    expect(selectPhase(store.getState())).toBe('backward-hidden');
    expect(within(strip).getByRole('button', { name: 'Backward: hidden layer' }).getAttribute('aria-current')).toBe('step');
    expect(within(strip).getByRole('button', { name: 'Forward: hidden layer' }).getAttribute('aria-current')).toBeNull();
  });

  it('the speed select sets the store speed', async () => {
    const { store, user } = renderWithStore(<Controls />);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Speed (phases per second)' }), '8');
    expect(store.getState().speed).toBe(8);
  });

  describe('keyboard shortcuts', () => {
    it('→ and ← step, R resets', async () => {
      const { store, user } = controlsWithKeys();
      await user.keyboard('{ArrowRight}{ArrowRight}{ArrowRight}');
      expect(selectPhase(store.getState())).toBe('backward-output');
      expect(announcer().textContent).toBe('Iteration 0, Backward: output layer.');
      await user.keyboard('{ArrowLeft}');
      expect(selectPhase(store.getState())).toBe('loss');
      await user.keyboard('r');
      expect(selectCursor(store.getState())).toBe(0);
    });

    it('Space toggles play once on the page, and once (natively) on a focused button', async () => {
      const { store, user } = controlsWithKeys();
      await user.keyboard(' ');
      expect(store.getState().isPlaying).toBe(true);
      await user.keyboard(' ');
      expect(store.getState().isPlaying).toBe(false);
      screen.getByRole('button', { name: 'Play' }).focus();
      await user.keyboard(' ');
      expect(store.getState().isPlaying).toBe(true);
      screen.getByRole('button', { name: 'Step forward' }).focus();
      await user.keyboard(' ');
      expect(store.getState().isPlaying).toBe(true);
      expect(selectPhase(store.getState())).toBe('forward-output');
    });

    it('keys typed into a field are left alone', async () => {
      const { store, user } = controlsWithKeys();
      const input = screen.getByRole('spinbutton', { name: 'Iterations' });
      await user.click(input);
      await user.keyboard('{ArrowRight} r');
      expect(selectCursor(store.getState())).toBe(0);
      expect(store.getState().isPlaying).toBe(false);
    });

    it('Ctrl+R is the browser\'s, not Reset', async () => {
      const { store, user } = controlsWithKeys();
      await user.keyboard('{ArrowRight}{Control>}r{/Control}');
      expect(selectCursor(store.getState())).toBe(1);
    });

    it('? opens the help dialog; Escape closes it and focus returns', async () => {
      const { user } = controlsWithKeys();
      const stepForward = screen.getByRole('button', { name: 'Step forward' });
      stepForward.focus();
      await user.keyboard('?');
      const dialog = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
      expect(dialog.getAttribute('aria-modal')).toBe('true');
      expect(within(dialog).getByText('Play or pause')).toBeTruthy();
      expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Close' }));
      await user.keyboard('{Escape}');
      expect(screen.queryByRole('dialog')).toBeNull();
      expect(document.activeElement).toBe(stepForward);
    });

    it('the help button opens the dialog, Tab stays inside, Close returns focus, and shortcuts wait while it is open', async () => {
      const { store, user } = controlsWithKeys();
      const help = screen.getByRole('button', { name: 'Keyboard shortcuts' });
      await user.click(help);
      const close = screen.getByRole('button', { name: 'Close' });
      await user.tab();
      expect(document.activeElement).toBe(close);
      await user.keyboard('{ArrowRight}');
      expect(selectCursor(store.getState())).toBe(0);
      await user.click(close);
      expect(screen.queryByRole('dialog')).toBeNull();
      expect(document.activeElement).toBe(help);
    });
  });

  describe('Train N', () => {
    it('trains the typed number of iterations', async () => {
      const { store, user } = renderWithStore(<Controls />);
      const input = screen.getByRole('spinbutton', { name: 'Iterations' });
      expect((input as HTMLInputElement).value).toBe('100');
      await user.clear(input);
      await user.type(input, '25');
      await user.click(screen.getByRole('button', { name: 'Train' }));
      expect(selectIteration(store.getState())).toBe(25);
      expect(store.getState().timeline.curves.length).toBe(25);
      expect(screen.getByText('Iteration 25')).toBeTruthy();
    });

    it('quick buttons train at once', async () => {
      const { store, user } = renderWithStore(<Controls />);
      await user.click(screen.getByRole('button', { name: 'Train 10 iterations' }));
      expect(selectIteration(store.getState())).toBe(10);
    });

    it.each([
      ['', 'Enter how many iterations to train, e.g. 100.'],
      ['0', 'Train at least 1 iteration (got 0).'],
      ['-5', 'Train at least 1 iteration (got -5).'],
      ['2.5', 'Iterations must be a whole number (got 2.5).'],
      ['2000000', 'At most 1,000,000 iterations at a time (got 2000000).'],
    ])('refuses %j with a specific message and does nothing else', async (text, message) => {
      const { store, user } = renderWithStore(<Controls />);
      const input = screen.getByRole('spinbutton', { name: 'Iterations' });
      await user.clear(input);
      if (text) await user.type(input, text);
      await user.keyboard('{Enter}');
      expect(screen.getByRole('alert').textContent).toBe(message);
      expect(input.getAttribute('aria-invalid')).toBe('true');
      expect(selectCursor(store.getState())).toBe(0);
      expect(store.getState().notice).toBeNull();
      await user.type(input, '1');
      expect(screen.queryByRole('alert')).toBeNull();
    });
  });

  it('shows a running training job and stops it', async () => {
    const { store, user } = renderWithStore(<Controls />);
    act(() => store.setState({ training: { jobId: 1, target: 100_000, done: 30_000, from: selectSession(store.getState()), destination: null, elapsedMs: 0 } }));
    expect(screen.getByRole('status').textContent).toBe('Training… 30,000 of 100,000 iterations');
    await user.click(screen.getByRole('button', { name: 'Stop' }));
    expect(store.getState().training).toBeNull();
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('speaks 简体中文 when the locale is zh-CN', () => {
    renderWithStore(<Controls />, { locale: 'zh-CN' });
    expect(screen.getByRole('button', { name: '前进一步' })).toBeTruthy();
    expect(screen.getByText('第 0 次迭代')).toBeTruthy();
  });
});
