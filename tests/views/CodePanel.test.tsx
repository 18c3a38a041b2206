// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { act, screen } from '@testing-library/react';
import { CodePanel } from '../../src/views/CodePanel';
import { selectPhase, type AppStore } from '../../src/store/index';
import type { PhaseId } from '../../src/engine/index';
import { renderWithStore } from './render';

const visiblePanel = () => screen.getByRole('tabpanel');
/** The highlighted block of the visible listing (the lines of the current phase). */
const highlighted = () => visiblePanel().querySelector('[aria-current="step"]')?.textContent ?? '';

function stepTo(store: AppStore, phase: PhaseId) {
  act(() => {
    while (selectPhase(store.getState()) !== phase) store.getState().stepForward();
  });
}

describe('CodePanel', () => {
  it('opens on the NumPy tab with the forward-hidden lines highlighted', () => {
    renderWithStore(<CodePanel />);
    const numpy = screen.getByRole('tab', { name: 'NumPy' });
    expect(numpy.getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('tab', { name: 'PyTorch' }).getAttribute('aria-selected')).toBe('false');
    expect(visiblePanel().getAttribute('aria-labelledby')).toBe(numpy.id);
    expect(highlighted()).toContain('Z1 = np.dot(W1, X) + b1');
    expect(highlighted()).toContain('A1 = np.tanh(Z1)');
    expect(highlighted()).toContain('▶');
    expect(highlighted()).not.toContain('Z2');
    expect(visiblePanel().querySelectorAll('[aria-current="step"]').length).toBe(1);
  });

  it('the highlight follows the phase in both tabs', async () => {
    const { store, user } = renderWithStore(<CodePanel />);
    stepTo(store, 'forward-output');
    expect(highlighted()).toContain('A2 = sigmoid(Z2)');
    stepTo(store, 'loss');
    expect(highlighted()).toContain('def compute_cost(A2, Y):');
    expect(screen.getByText(/run in this phase: Loss\./)).toBeTruthy();
    await user.click(screen.getByRole('tab', { name: 'PyTorch' }));
    expect(highlighted()).toContain('loss = criterion(output, Y_t)');
    expect(screen.getByText(/^Line \d+ runs in this phase: Loss\.$/)).toBeTruthy();
    stepTo(store, 'backward-output');
    expect(highlighted()).toContain('loss.backward()');
    stepTo(store, 'update');
    expect(highlighted()).toContain('optimizer.step()');
    await user.click(screen.getByRole('tab', { name: 'NumPy' }));
    expect(highlighted()).toContain('def update_parameters(parameters, grads, learning_rate=0.1):');
    stepTo(store, 'backward-hidden');
    expect(highlighted()).toContain('dZ1 = dA1 * (1 - np.power(A1, 2))');
  });

  it('writes the code for the configured network', async () => {
    const { store, user } = renderWithStore(<CodePanel />);
    expect(visiblePanel().textContent).toContain('np.tanh(Z1)');
    act(() => {
      store.getState().setConfig({ hiddenActivation: 'relu', optimizer: { kind: 'adam', lr: 0.01 } });
    });
    const numpy = visiblePanel().textContent ?? '';
    expect(numpy).toContain('A1 = np.maximum(0, Z1)');
    expect(numpy).toContain('dZ1 = dA1 * (Z1 > 0)');
    expect(numpy).not.toContain('np.tanh');
    expect(numpy).toContain('beta1=0.9');
    await user.click(screen.getByRole('tab', { name: 'PyTorch' }));
    const torch = visiblePanel().textContent ?? '';
    expect(torch).toContain('A1 = torch.relu(Z1)');
    expect(torch).toContain('optimizer = optim.Adam(model.parameters(), lr=0.01)');
    expect(torch).toContain('criterion = nn.BCELoss()');
    expect(torch).toContain('nn.Linear(2, 4)');
    expect(torch).toContain('X_train.T');
  });

  it('arrow keys, Home and End switch tabs and move focus', async () => {
    const { user } = renderWithStore(<CodePanel />);
    const numpy = screen.getByRole('tab', { name: 'NumPy' });
    const torch = screen.getByRole('tab', { name: 'PyTorch' });
    expect(numpy.tabIndex).toBe(0);
    expect(torch.tabIndex).toBe(-1);
    act(() => numpy.focus());
    await user.keyboard('{ArrowRight}');
    expect(torch.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(torch);
    expect(visiblePanel().getAttribute('aria-labelledby')).toBe(torch.id);
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(numpy);
    await user.keyboard('{ArrowLeft}');
    expect(document.activeElement).toBe(torch);
    await user.keyboard('{Home}');
    expect(numpy.getAttribute('aria-selected')).toBe('true');
    await user.keyboard('{End}');
    expect(torch.getAttribute('aria-selected')).toBe('true');
    expect(screen.getAllByRole('tabpanel', { hidden: true }).length).toBe(2);
  });

  it('Copy puts the listing on the clipboard', async () => {
    const { user } = renderWithStore(<CodePanel />);
    await user.click(screen.getByRole('button', { name: 'Copy the NumPy code' }));
    const text = await navigator.clipboard.readText();
    expect(text).toContain('def forward_propagation(X, parameters):');
    expect(text).not.toContain('▶');
    expect(screen.getByRole('status').textContent).toBe('Copied the NumPy code.');
  });

  it('Copy without a clipboard selects the code and says how to copy it', async () => {
    const { user } = renderWithStore(<CodePanel />);
    Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
    await user.click(screen.getByRole('button', { name: 'Copy the NumPy code' }));
    expect(screen.getByRole('status').textContent).toMatch(/Copying is not available here/);
    expect(document.getSelection()?.toString()).toContain('def compute_cost');
  });
});
