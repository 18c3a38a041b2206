// @vitest-environment jsdom
/** Deferred store updates: panels out of view render after the frame that shows the ones in view. */
import { act, render, screen } from '@testing-library/react';
import { flushSync } from 'react-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DeferWhenHidden } from '../../src/app/DeferWhenHidden';
import { StoreProvider } from '../../src/app/StoreProvider';
import { DeferUpdatesContext, createAppStore, selectPhase, useAppStore, type AppState } from '../../src/store/index';

const selectStepForward = (s: AppState) => s.stepForward;

function Phase({ label }: { label: string }) {
  const phase = useAppStore(selectPhase);
  const step = useAppStore(selectStepForward);
  return <p aria-label={label} data-step={typeof step}>{phase}</p>;
}

/** Steps the store inside flushSync: what React renders synchronously is there when it returns. */
function stepUrgently(store: ReturnType<typeof createAppStore>) {
  flushSync(() => store.getState().stepForward());
}

describe('useAppStore under DeferUpdatesContext', () => {
  it('leaves a deferred view as it was in the synchronous render, and brings it up to date right after', async () => {
    const store = createAppStore();
    render(
      <StoreProvider store={store}>
        <Phase label="urgent" />
        <DeferUpdatesContext.Provider value><Phase label="deferred" /></DeferUpdatesContext.Provider>
      </StoreProvider>,
    );
    expect(screen.getByLabelText('deferred').textContent).toBe('forward-hidden');
    await act(async () => {
      stepUrgently(store);
      expect(screen.getByLabelText('urgent').textContent).toBe('forward-output');
      expect(screen.getByLabelText('deferred').textContent).toBe('forward-hidden');
    });
    expect(screen.getByLabelText('deferred').textContent).toBe('forward-output');
    // An action selected under the context is the action itself, not something wrapped.
    expect(screen.getByLabelText('deferred').dataset.step).toBe('function');
  });
});

describe('DeferWhenHidden', () => {
  let report: ((isIntersecting: boolean) => void) | null = null;
  beforeEach(() => {
    vi.stubGlobal('IntersectionObserver', class {
      constructor(callback: (entries: { isIntersecting: boolean }[]) => void) {
        report = (isIntersecting) => callback([{ isIntersecting }]);
      }
      observe() {}
      disconnect() {}
    });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    report = null;
  });

  it('defers while its panel is out of view, and renders with the urgent views once it is in view', async () => {
    const store = createAppStore();
    render(<StoreProvider store={store}><DeferWhenHidden className="panel-box"><Phase label="panel" /></DeferWhenHidden></StoreProvider>);
    const panel = screen.getByLabelText('panel');
    expect(panel.closest('.panel-box')).not.toBeNull();

    act(() => report?.(false));
    await act(async () => {
      stepUrgently(store);
      expect(panel.textContent).toBe('forward-hidden');
    });
    expect(panel.textContent).toBe('forward-output');

    act(() => report?.(true));
    await act(async () => {
      stepUrgently(store);
      expect(panel.textContent).toBe('loss');
    });
  });
});
