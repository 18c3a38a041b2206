// @vitest-environment jsdom
/** Deferred store updates: panels out of view render after the frame that shows the ones in view. */
import { act, render, screen } from '@testing-library/react';
import { flushSync } from 'react-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DeferWhenHidden } from '../../src/app/DeferWhenHidden';
import { StoreProvider } from '../../src/app/StoreProvider';
import { DEFERRED_INTERVAL_MS, DeferUpdatesContext, createAppStore, selectPhase, useAppStore, type AppState } from '../../src/store/index';

const selectStepForward = (s: AppState) => s.stepForward;

const renders = new Map<string, number>();

function Phase({ label }: { label: string }) {
  renders.set(label, (renders.get(label) ?? 0) + 1);
  const phase = useAppStore(selectPhase);
  const step = useAppStore(selectStepForward);
  return <p aria-label={label} data-step={typeof step}>{phase}</p>;
}

/** Lets the deferred views' catch-up timer run, and React render what it queues. */
const catchUp = () => act(() => new Promise((resolve) => setTimeout(resolve, DEFERRED_INTERVAL_MS + 30)));

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
    await catchUp();
    expect(screen.getByLabelText('deferred').textContent).toBe('forward-output');
    // An action selected under the context is the action itself, not something wrapped.
    expect(screen.getByLabelText('deferred').dataset.step).toBe('function');
  });

  it('catches up once for a burst of changes (playing), with the last state', async () => {
    const store = createAppStore();
    render(
      <StoreProvider store={store}>
        <Phase label="urgent burst" />
        <DeferUpdatesContext.Provider value><Phase label="deferred burst" /></DeferUpdatesContext.Provider>
      </StoreProvider>,
    );
    await catchUp();
    const before = { urgent: renders.get('urgent burst') ?? 0, deferred: renders.get('deferred burst') ?? 0 };
    await act(async () => {
      for (let k = 0; k < 5; k++) stepUrgently(store);
    });
    await catchUp();
    expect(screen.getByLabelText('deferred burst').textContent).toBe('update');
    expect((renders.get('urgent burst') ?? 0) - before.urgent).toBe(5);
    expect((renders.get('deferred burst') ?? 0) - before.deferred).toBe(1);
  });
});

describe('DeferWhenHidden', () => {
  let report: ((isIntersecting: boolean) => void) | null = null;
  beforeEach(() => {
    vi.stubGlobal('IntersectionObserver', class {
      constructor(callback: (entries: { isIntersecting: boolean; intersectionRect: { height: number }; boundingClientRect: { height: number } }[]) => void) {
        report = (isIntersecting) => callback([{ isIntersecting, intersectionRect: { height: isIntersecting ? 500 : 0 }, boundingClientRect: { height: 500 } }]);
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
    await catchUp();
    expect(panel.textContent).toBe('forward-output');

    act(() => report?.(true));
    await act(async () => {
      stepUrgently(store);
      expect(panel.textContent).toBe('loss');
    });
  });
});
