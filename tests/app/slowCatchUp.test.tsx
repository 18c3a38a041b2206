// @vitest-environment jsdom
/**
 * Deferred views on a slow device: how long their catch-ups take is measured, and steps closer
 * together than that are a burst whose catch-up waits for a pause. Its own file: the measure is
 * the page's (module state), and this test makes it slow.
 */
import { act, render, screen, waitFor } from '@testing-library/react';
import { flushSync } from 'react-dom';
import { expect, it } from 'vitest';
import { StoreProvider } from '../../src/app/StoreProvider';
import { DeferUpdates, createAppStore, selectPhase, useAppStore } from '../../src/store/index';
import { catchUpCost, noteCatchUpCost } from '../../src/store/scheduling';

function Phase({ label }: { label: string }) {
  return <p aria-label={label}>{useAppStore(selectPhase)}</p>;
}

const wait = (ms: number) => act(() => new Promise((resolve) => setTimeout(resolve, ms)));

it('measures how long the deferred views take to catch up', async () => {
  const store = createAppStore();
  render(<StoreProvider store={store}><DeferUpdates when><Phase label="measured" /></DeferUpdates></StoreProvider>);
  await act(async () => flushSync(() => store.getState().stepForward()));
  await waitFor(() => expect(catchUpCost()).toBeGreaterThan(0));
  // jsdom paints every 16 ms: a catch-up is a frame or two there, far from a slow device's.
  expect(catchUpCost()).toBeLessThan(200);
  // A measure longer than a second is a paint that waited (a hidden tab), not the device: left out.
  const before = catchUpCost();
  noteCatchUpCost(performance.now(), performance.now() + 5000);
  expect(catchUpCost()).toBe(before);
});

it('on a device whose catch-ups take 600 ms, keeps the deferred view still through steps 250 ms apart, then catches up', async () => {
  const store = createAppStore();
  render(
    <StoreProvider store={store}>
      <Phase label="urgent" />
      <DeferUpdates when><Phase label="deferred" /></DeferUpdates>
    </StoreProvider>,
  );
  await wait(100);
  for (let k = 0; k < 20; k++) noteCatchUpCost(performance.now() + k * 1000, performance.now() + k * 1000 + 600);
  const step = () => act(async () => flushSync(() => store.getState().stepForward()));
  // The first step after a pause catches up right after its frame.
  await step();
  await waitFor(() => expect(screen.getByLabelText('deferred').textContent).toBe('forward-output'));
  await wait(250);
  await step();
  await wait(250);
  await step();
  await wait(100);
  expect(screen.getByLabelText('urgent').textContent).toBe('backward-output');
  expect(screen.getByLabelText('deferred').textContent).toBe('forward-output');
  // Quiet: it catches up with the latest.
  await waitFor(() => expect(screen.getByLabelText('deferred').textContent).toBe('backward-output'), { timeout: 3000 });
});
