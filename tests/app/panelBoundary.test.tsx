// @vitest-environment jsdom
/** One panel that throws shows what failed and a "Reload this panel" button; the rest of the page keeps working. */
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { App } from '../../src/app/App';
import { StoreProvider } from '../../src/app/StoreProvider';
import { createAppStore, currentSession } from '../../src/store/index';

/** The matrix panel, broken on purpose while `broken.isOn`. */
const broken = vi.hoisted(() => ({ isOn: true }));
vi.mock('../../src/views/MatrixPanel', () => ({
  MatrixPanel: () => {
    if (broken.isOn) throw new Error('W1 has no row 7');
    return <section className="panel">Matrices are back</section>;
  },
}));

/** The whole page renders in jsdom here: on a busy machine a panel can take seconds to appear. */
const PATIENCE = { timeout: 20_000 };

describe('a panel that throws', () => {
  it('is replaced by what failed and a reload button, while the other panels and the controls keep working', async () => {
    const user = userEvent.setup();
    const store = createAppStore();
    const report = vi.spyOn(console, 'error').mockImplementation(() => {}); // React reports the caught error
    render(<StoreProvider store={store}><App /></StoreProvider>);

    const failure = await screen.findByRole('alert', {}, PATIENCE);
    expect(failure.textContent).toContain('This panel stopped working: W1 has no row 7');
    expect(failure.closest('section')?.querySelector('h2')?.textContent).toBe('Matrices');
    expect(report).toHaveBeenCalled();

    // The rest works: the controls step, and the diagram and the chart follow.
    await user.click(screen.getByRole('button', { name: 'Step forward' }));
    expect(currentSession(store.getState().timeline).phase).toBe('forward-output');
    await waitFor(() => expect(document.querySelector('section.network')?.textContent).toContain('Forward: output layer →'), PATIENCE);
    expect(await screen.findByRole('heading', { name: 'Loss and accuracy' }, PATIENCE)).toBeTruthy();

    // Fixed (here: no longer broken), the panel comes back on request.
    broken.isOn = false;
    await user.click(screen.getByRole('button', { name: 'Reload this panel' }));
    expect(await screen.findByText('Matrices are back', {}, PATIENCE)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Reload this panel' })).toBeNull();
    act(() => store.getState().stepForward());
    expect(currentSession(store.getState().timeline).phase).toBe('loss');
    report.mockRestore();
  }, 120_000);
});
