// @vitest-environment jsdom
/** Deferred store updates: panels out of view (or while playing) render after the frame that shows the others. */
import { act, render, screen, waitFor } from '@testing-library/react';
import { flushSync } from 'react-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DeferWhenHidden } from '../../src/app/DeferWhenHidden';
import { StoreProvider } from '../../src/app/StoreProvider';
import {
  BURST_GAP_MS, DEFERRED_MAX_LAG_MS, DeferUpdates, PAUSED_QUIET_MS, catchUpPlan, catchUpTiming, createAppStore, selectIteration, selectPhase, useAppStore, type AppState,
} from '../../src/store/index';

const selectStepForward = (s: AppState) => s.stepForward;
const renders = new Map<string, number>();

function Phase({ label }: { label: string }) {
  renders.set(label, (renders.get(label) ?? 0) + 1);
  const phase = useAppStore(selectPhase);
  const step = useAppStore(selectStepForward);
  return <p aria-label={label} data-step={typeof step}>{phase}</p>;
}

/** Lets the deferred views' catch-up timer run, and React render what it queues. */
const catchUp = () => act(() => new Promise((resolve) => setTimeout(resolve, BURST_GAP_MS + 30)));

/** Steps the store inside flushSync: what React renders synchronously is there when it returns. */
function stepUrgently(store: ReturnType<typeof createAppStore>) {
  flushSync(() => store.getState().stepForward());
}

/** A fresh store with two views of its phase, `${prefix}urgent` and `${prefix}deferred`, caught up. */
async function renderPair(prefix = '') {
  const store = createAppStore();
  render(
    <StoreProvider store={store}>
      <Phase label={`${prefix}urgent`} />
      <DeferUpdates when><Phase label={`${prefix}deferred`} /></DeferUpdates>
    </StoreProvider>,
  );
  await catchUp();
  return store;
}

describe('catchUpPlan', () => {
  /**
   * The plans for changes at these times, the views catching up whenever a plan says so and it
   * comes due, each catch-up taking `costMs` (0: as fast as the tests below assume of a laptop).
   */
  function plans(times: number[], costMs = 0) {
    let changedAt = -Infinity;
    let caughtUpAt = -Infinity;
    let quietAt: number | null = null;
    return times.map((now) => {
      if (quietAt !== null && quietAt <= now) caughtUpAt = quietAt;
      const plan = catchUpPlan(now, changedAt, caughtUpAt, costMs);
      changedAt = now;
      quietAt = plan === 'when-quiet' ? now + catchUpTiming(costMs).burstGapMs : null;
      if (plan === 'after-paint') caughtUpAt = now + 17;
      return plan;
    });
  }
  const every = (gap: number, count = 12) => Array.from({ length: count }, (_, k) => k * gap);

  it('catches up right after the frame of each change that comes at a tapping pace or slower', () => {
    for (const gap of [BURST_GAP_MS, 100, 120, 250, 1000]) {
      expect(plans(every(gap)), `every ${gap} ms`).toEqual(Array(12).fill('after-paint'));
    }
  });

  it('in a burst, catches up after the frame of a change every DEFERRED_MAX_LAG_MS, and waits for quiet in between', () => {
    const held = Array.from({ length: 30 }, (_, k) => k * 33);
    const got = plans(held);
    expect(got[0]).toBe('after-paint');
    const afterPaint = got.flatMap((plan, k) => (plan === 'after-paint' ? [held[k]] : []));
    for (let k = 1; k < afterPaint.length; k++) {
      expect(afterPaint[k] - afterPaint[k - 1]).toBeGreaterThanOrEqual(DEFERRED_MAX_LAG_MS);
      expect(afterPaint[k] - afterPaint[k - 1]).toBeLessThan(DEFERRED_MAX_LAG_MS + 33 + 17);
    }
    expect(got.filter((plan) => plan === 'when-quiet').length).toBeGreaterThan(20);
  });

  it('on a device where a catch-up takes longer than the gap between steps, waits for the steps to pause', () => {
    // A laptop: a catch-up takes ~50 ms, and a presenter's four steps a second each catch up.
    expect(plans(every(250), 50)).toEqual(Array(12).fill('after-paint'));
    // A CPU 4× slower: a catch-up takes ~300 ms, longer than the 250 ms to the next step.
    const steps = every(250, 30);
    const slow = plans(steps, 300);
    expect(slow[0]).toBe('after-paint');
    const afterPaint = slow.flatMap((plan, k) => (plan === 'after-paint' ? [steps[k]] : []));
    // Only the first step and, in a burst this long, one every maxLagMs (8 catch-ups' time).
    expect(afterPaint).toEqual([0, 2500, 5000]);
    // A step after a pause longer than 1.5 catch-ups catches up at once again.
    expect(catchUpPlan(10_000, 10_000 - 450, 9_000, 300)).toBe('after-paint');
    expect(catchUpPlan(10_000, 10_000 - 449, 9_000, 300)).toBe('when-quiet');
  });

  it('treats the first change after a pause as no burst', () => {
    expect(catchUpPlan(1000, 1000 - BURST_GAP_MS, 990)).toBe('after-paint');
    expect(catchUpPlan(1000, 1000 - BURST_GAP_MS + 1, 990)).toBe('when-quiet');
    expect(catchUpPlan(1000, 990, 1000 - DEFERRED_MAX_LAG_MS)).toBe('after-paint');
  });
});

describe('DeferUpdates', () => {
  it('leaves a deferred view as it was in the synchronous render, and brings it up to date right after', async () => {
    const store = await renderPair();
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
    const store = await renderPair('burst ');
    const before = { urgent: renders.get('burst urgent') ?? 0, deferred: renders.get('burst deferred') ?? 0 };
    await act(async () => {
      for (let k = 0; k < 5; k++) stepUrgently(store);
    });
    await catchUp();
    expect(screen.getByLabelText('burst deferred').textContent).toBe('update');
    expect((renders.get('burst urgent') ?? 0) - before.urgent).toBe(5);
    expect((renders.get('burst deferred') ?? 0) - before.deferred).toBe(1);
  });

  it('shows a view mounted while the snapshot lags the same state as its parent', async () => {
    /** A parent that shows the iteration and, from iteration 1 on, mounts a child reading the phase itself. */
    function Parent() {
      const iteration = useAppStore(selectIteration);
      const phase = useAppStore(selectPhase);
      return <div aria-label="parent" data-phase={phase}>{iteration > 0 && <Phase label="child" />}</div>;
    }
    const store = createAppStore();
    render(<StoreProvider store={store}><DeferUpdates when><Parent /></DeferUpdates></StoreProvider>);
    await catchUp();
    // Six steps reach iteration 1, a seventh moves on to forward-output before the snapshot catches up.
    act(() => {
      for (let k = 0; k < 6; k++) store.getState().stepForward();
    });
    await catchUp();
    expect(screen.getByLabelText('child').textContent).toBe('forward-hidden');
    await act(async () => {
      stepUrgently(store);
      // The parent re-renders urgently for its own reason while the snapshot lags: both agree.
      flushSync(() => store.setState({ notice: { kind: 'info', message: 'unrelated' } }));
      expect(screen.getByLabelText('parent').dataset.phase).toBe(screen.getByLabelText('child').textContent);
    });
    await catchUp();
    expect(screen.getByLabelText('child').textContent).toBe('forward-output');
  });
});

describe('DeferWhenHidden', () => {
  /** Reports to every panel's observer: in view or not, or several reports delivered in one callback. */
  let report: ((isIntersecting: boolean | boolean[]) => void) | null = null;
  beforeEach(() => {
    vi.stubGlobal('IntersectionObserver', class {
      constructor(callback: (entries: { isIntersecting: boolean; intersectionRect: { height: number }; boundingClientRect: { height: number } }[]) => void) {
        const previous = report;
        // Every panel's observer hears the same report (all panels scroll in or out together).
        report = (isIntersecting) => {
          previous?.(isIntersecting);
          callback([isIntersecting].flat().map((is) => ({ isIntersecting: is, intersectionRect: { height: is ? 500 : 0 }, boundingClientRect: { height: 500 } })));
        };
      }
      observe() {}
      disconnect() {}
    });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    report = null;
  });

  it('renders a panel after the frame unless it leads, and a leading panel with the others only while it is in view', async () => {
    const store = createAppStore();
    render(
      <StoreProvider store={store}>
        <DeferWhenHidden className="panel-box" leads><Phase label="leading panel" /></DeferWhenHidden>
        <DeferWhenHidden className="panel-box"><Phase label="other panel" /></DeferWhenHidden>
      </StoreProvider>,
    );
    const leading = screen.getByLabelText('leading panel');
    const other = screen.getByLabelText('other panel');
    expect(leading.closest('.panel-box')).not.toBeNull();

    act(() => report?.(true));
    await catchUp();
    await act(async () => {
      stepUrgently(store);
      expect(leading.textContent).toBe('forward-output');
      expect(other.textContent).toBe('forward-hidden');
    });
    await catchUp();
    expect(other.textContent).toBe('forward-output');

    // Out of view, neither renders a step while steps keep coming, nor right after them...
    act(() => report?.(false));
    await catchUp();
    await act(async () => {
      stepUrgently(store);
      await new Promise((resolve) => setTimeout(resolve, PAUSED_QUIET_MS / 2));
      stepUrgently(store);
    });
    await catchUp();
    expect(selectPhase(store.getState())).toBe('backward-output');
    expect(leading.textContent).toBe('forward-output');
    expect(other.textContent).toBe('forward-output');
    // ...but once the studio has been quiet a while, each in its turn,
    await act(() => new Promise((resolve) => setTimeout(resolve, PAUSED_QUIET_MS)));
    await waitFor(() => expect(leading.textContent).toBe('backward-output'));
    await waitFor(() => expect(other.textContent).toBe('backward-output'));
    // or at once when back in view.
    await act(async () => stepUrgently(store));
    await catchUp();
    expect(other.textContent).toBe('backward-output');
    act(() => report?.(true));
    await catchUp();
    expect(leading.textContent).toBe('backward-hidden');
    expect(other.textContent).toBe('backward-hidden');
  });

  it('catches up the panels out of view one at a time, each once the last one has painted and the browser is idle, not all in one frame', async () => {
    const idle: (() => void)[] = [];
    vi.stubGlobal('requestIdleCallback', (callback: () => void) => idle.push(callback));
    const store = createAppStore();
    render(
      <StoreProvider store={store}>
        <DeferWhenHidden className="panel-box"><Phase label="first panel" /></DeferWhenHidden>
        <DeferWhenHidden className="panel-box"><Phase label="second panel" /></DeferWhenHidden>
      </StoreProvider>,
    );
    act(() => report?.(false));
    await catchUp();
    await act(async () => stepUrgently(store));
    await act(() => new Promise((resolve) => setTimeout(resolve, PAUSED_QUIET_MS + 50)));
    const shown = () => ['first panel', 'second panel'].map((label) => screen.getByLabelText(label).textContent);
    expect(shown()).toEqual(['forward-hidden', 'forward-hidden']);
    // One turn is due at a time: the next is asked for once the one before has committed and painted.
    expect(idle).toHaveLength(1);
    await act(async () => idle.shift()?.());
    expect(shown().filter((phase) => phase === 'forward-output')).toHaveLength(1);
    await waitFor(() => expect(idle).toHaveLength(1));
    expect(shown().filter((phase) => phase === 'forward-output')).toHaveLength(1);
    await act(async () => idle.shift()?.());
    expect(shown()).toEqual(['forward-output', 'forward-output']);
    await act(() => new Promise((resolve) => setTimeout(resolve, 100)));
    expect(idle).toHaveLength(0);
  });

  it('follows the latest of several reports that arrive together', async () => {
    const store = createAppStore();
    render(<StoreProvider store={store}><DeferWhenHidden className="panel-box" leads><Phase label="panel" /></DeferWhenHidden></StoreProvider>);
    const panel = screen.getByLabelText('panel');
    // Out and straight back in (a full-page screenshot resizes the window to a sliver and back).
    act(() => report?.([false, true]));
    await catchUp();
    await act(async () => {
      stepUrgently(store);
      expect(panel.textContent).toBe('forward-output');
    });
  });

  it('shows every panel up to date when the page is printed, even one out of view', async () => {
    const store = createAppStore();
    render(<StoreProvider store={store}><DeferWhenHidden className="panel-box"><Phase label="far panel" /></DeferWhenHidden></StoreProvider>);
    const panel = screen.getByLabelText('far panel');
    act(() => report?.(false));
    await catchUp();
    await act(async () => {
      stepUrgently(store);
    });
    await catchUp();
    expect(panel.textContent).toBe('forward-hidden');
    // beforeprint renders synchronously: the print is taken right after the event.
    act(() => {
      window.dispatchEvent(new Event('beforeprint'));
      expect(panel.textContent).toBe('forward-output');
    });
    act(() => window.dispatchEvent(new Event('afterprint')));
  });

  it('is never deferred while it holds the keyboard focus', async () => {
    const store = createAppStore();
    render(
      <StoreProvider store={store}>
        <DeferWhenHidden className="panel-box"><Phase label="focused panel" /><input aria-label="field" /></DeferWhenHidden>
        <button type="button">elsewhere</button>
      </StoreProvider>,
    );
    const panel = screen.getByLabelText('focused panel');
    act(() => screen.getByLabelText('field').focus());
    await act(async () => {
      stepUrgently(store);
      expect(panel.textContent).toBe('forward-output');
    });
    act(() => screen.getByRole('button', { name: 'elsewhere' }).focus());
    await catchUp();
    await act(async () => {
      stepUrgently(store);
      expect(panel.textContent).toBe('forward-output');
    });
    await catchUp();
    expect(panel.textContent).toBe('loss');
  });
});
