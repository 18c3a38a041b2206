// @vitest-environment jsdom
/**
 * The diagram's motion: the marks cross-fade from a still picture of their last phase and take a
 * new phase one frame after the text does; the flow's band and dots move by opposite amounts.
 * jsdom has no Web Animations: Element.animate is stubbed here and records what was asked of it.
 */
import { act, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { StoreProvider } from '../../src/app/StoreProvider';
import { afterNextPaint, createAppStore, useAfterPaint } from '../../src/store/index';
import { NetworkView } from '../../src/views/NetworkView';
import { CrossFade, stillOf } from '../../src/views/NetworkView/CrossFade';
import { Flow } from '../../src/views/NetworkView/Flow';

interface Call {
  readonly element: Element;
  readonly keyframes: Keyframe[];
  readonly options: KeyframeAnimationOptions;
  readonly animation: { cancel: ReturnType<typeof vi.fn>; onfinish: (() => void) | null };
}
let calls: Call[] = [];

beforeEach(() => {
  calls = [];
  Element.prototype.animate = function animate(this: Element, keyframes: Keyframe[], options: KeyframeAnimationOptions) {
    const animation = { cancel: vi.fn(), onfinish: null };
    calls.push({ element: this, keyframes, options, animation });
    return animation as unknown as Animation;
  } as Element['animate'];
});
afterEach(() => {
  vi.restoreAllMocks();
  delete (Element.prototype as Partial<Element>).animate;
});

/** Lets a frame pass and the task after it run (afterNextPaint), and React render what it queued. */
const nextPaint = () => act(() => new Promise<void>((resolve) => afterNextPaint(() => setTimeout(resolve, 0))));

describe('stillOf', () => {
  test('copies the drawing without anything focusable, announced or found by data-target', () => {
    const live = document.createElement('div');
    live.innerHTML = '<svg role="group" aria-label="Network"><g role="button" tabindex="0" aria-label="x₁: 1.6" aria-pressed="false" data-target="n:0:0"><circle r="9" style="fill: red"></circle></g></svg>';
    const still = stillOf(live.firstElementChild!);
    expect(still.querySelector('[tabindex], [role], [aria-label], [aria-pressed], [data-target]')).toBeNull();
    expect(still.getAttribute('role')).toBeNull();
    expect(still.querySelector('circle')?.getAttribute('style')).toBe('fill: red');
    // The live picture keeps its attributes.
    expect(live.querySelector('[data-target="n:0:0"]')?.getAttribute('tabindex')).toBe('0');
  });
});

describe('CrossFade', () => {
  const picture = (text: string, cue: unknown, durationMs = 200, isInterrupted = false) => (
    <CrossFade cue={cue} durationMs={durationMs} isInterrupted={isInterrupted}><p>{text}</p></CrossFade>
  );

  test('fades a still picture of the old children out over the new ones when the cue changes', () => {
    const { container, rerender } = render(picture('old', 1));
    const afterimage = container.querySelector('.network-afterimage')!;
    expect(afterimage.getAttribute('aria-hidden')).toBe('true');
    rerender(picture('old', 1));
    expect(calls).toHaveLength(0);

    rerender(picture('new', 2));
    expect(afterimage.textContent).toBe('old');
    expect(container.textContent).toBe('newold');
    expect(calls).toHaveLength(1);
    expect(calls[0].element).toBe(afterimage);
    expect(calls[0].keyframes).toEqual([{ opacity: 1 }, { opacity: 0 }]);
    expect(calls[0].options.duration).toBe(200);

    // The end of the fade takes the picture away.
    act(() => calls[0].animation.onfinish?.());
    expect(afterimage.childElementCount).toBe(0);
  });

  test('jumps a running fade to its end when interrupted, and does not fade with no duration', () => {
    const { container, rerender } = render(picture('a', 1));
    const afterimage = container.querySelector('.network-afterimage')!;
    rerender(picture('b', 2));
    expect(afterimage.textContent).toBe('a');
    rerender(picture('b', 2, 200, true));
    expect(calls[0].animation.cancel).toHaveBeenCalled();
    expect(afterimage.childElementCount).toBe(0);

    rerender(picture('c', 3, 0));
    expect(calls).toHaveLength(1);
    expect(afterimage.childElementCount).toBe(0);
  });
});

describe('Flow', () => {
  /** A percentage style value as a fraction. */
  const fraction = (value: string) => Number(value.replace('%', '')) / 100;
  const translate = (k: Keyframe) => fraction(String(k.transform).replace(/translateX\((.*)\)/, '$1'));

  test.each([
    ['forward', 100, 300],
    ['backward', 300, 100],
  ])('%s: the band sweeps from one end to the other while the dots stay on their edges', (_, from, to) => {
    const width = 500;
    const { container } = render(<Flow paths={['M100,50L300,80']} from={from} to={to} width={width} height={200} sweepMs={700} cue={1} />);
    const region = container.querySelector<HTMLElement>('.network-flow')!;
    const band = container.querySelector<HTMLElement>('.network-flow-band')!;
    const dots = container.querySelector<SVGSVGElement>('.network-flow-dots')!;
    expect(region.getAttribute('aria-hidden')).toBe('true');
    // Everything in the diagram's units.
    const regionLeft = fraction(region.style.left) * width;
    const regionWidth = fraction(region.style.width) * width;
    expect([regionLeft, regionWidth]).toEqual([100, 200]);
    const bandWidth = fraction(band.style.width) * regionWidth;
    const dotsWidth = fraction(dots.style.width) * bandWidth;
    expect(dotsWidth).toBeCloseTo(width, 9);

    const [bandSweep, dotsSweep] = calls;
    expect(bandSweep.element).toBe(band);
    expect(dotsSweep.element).toBe(dots);
    expect(dotsSweep.options).toEqual(bandSweep.options);
    const bandLeft = (k: number) => regionLeft + translate(bandSweep.keyframes[k]) * bandWidth;
    const dotsLeft = (k: number) => bandLeft(k) + fraction(dots.style.left) * bandWidth + translate(dotsSweep.keyframes[k]) * dotsWidth;
    for (const k of [0, 1]) expect(dotsLeft(k)).toBeCloseTo(0, 9);
    // The band starts just outside the `from` end and leaves just past the `to` end.
    const [start, end] = from < to ? [regionLeft - bandWidth, regionLeft + regionWidth] : [regionLeft + regionWidth, regionLeft - bandWidth];
    expect(bandLeft(0)).toBeCloseTo(start, 9);
    expect(bandLeft(1)).toBeCloseTo(end, 9);
  });
});

describe('useAfterPaint', () => {
  function Shown({ value, isLagging }: { value: string; isLagging: boolean }) {
    return <p>{useAfterPaint(value, isLagging)}</p>;
  }

  test('shows a new value after the next paint while lagging, at once otherwise', async () => {
    const { container, rerender } = render(<Shown value="a" isLagging />);
    rerender(<Shown value="b" isLagging />);
    expect(container.textContent).toBe('a');
    await nextPaint();
    expect(container.textContent).toBe('b');
    rerender(<Shown value="c" isLagging={false} />);
    expect(container.textContent).toBe('c');
    // A lag starting later starts from the value shown then.
    rerender(<Shown value="c" isLagging />);
    expect(container.textContent).toBe('c');
  });
});

describe('NetworkView with motion', () => {
  beforeEach(() => {
    vi.spyOn(window, 'matchMedia').mockImplementation((query: string) => ({ matches: false, media: query } as MediaQueryList));
  });
  afterEach(() => vi.restoreAllMocks());

  test('a step shows its numbers at once and its marks after the next paint, fading from the old ones', async () => {
    const store = createAppStore();
    const { container, getByRole } = render(<StoreProvider store={store}><NetworkView /></StoreProvider>);
    const output = () => getByRole('button', { name: /^Output neuron 1/ }).getAttribute('aria-label');
    const valueTexts = () => [...container.querySelectorAll('.network-value')].map((t) => t.textContent);
    // forward-hidden's flow runs along the first layer's 8 edges.
    expect(container.querySelectorAll('.network-flow-dots path')).toHaveLength(8);
    const before = { label: output(), values: valueTexts(), calls: calls.length };
    act(() => store.getState().stepForward());
    // forward-output computes the output: its value text changes now, its mark one frame later;
    // meanwhile the old flow has stopped and nothing new has started.
    expect(valueTexts()).not.toEqual(before.values);
    expect(output()).toBe(before.label);
    expect(container.querySelector('.network-flow')).toBeNull();
    expect(calls).toHaveLength(before.calls);
    await nextPaint();
    expect(output()).not.toBe(before.label);
    const fade = calls.find((c) => c.element.classList.contains('network-afterimage'));
    expect(fade?.options.duration).toBeGreaterThan(0);
    // The flow runs along the output layer's edges, left to right.
    expect(container.querySelectorAll('.network-flow-dots path')).toHaveLength(4);
  });

  test('steps faster than a fade (a held key) show each phase at once, with no fade or flow', async () => {
    // The view's clock and its fade-length timers move only when the test says, so a slow frame
    // on a busy machine can neither space the burst's steps further apart than a fade nor end the
    // burst before its marks are painted.
    let clock = 1000;
    vi.spyOn(performance, 'now').mockImplementation(() => clock);
    const realSetTimeout = globalThis.setTimeout;
    const held: (() => void)[] = [];
    vi.spyOn(globalThis, 'setTimeout').mockImplementation(((callback: () => void, ms?: number) => {
      if (ms !== undefined && ms >= 100) return held.push(callback), 0;
      return realSetTimeout(callback, ms);
    }) as typeof setTimeout);
    const store = createAppStore();
    const { container, getByRole } = render(<StoreProvider store={store}><NetworkView /></StoreProvider>);
    const output = () => getByRole('button', { name: /^Output neuron 1/ }).getAttribute('aria-label');
    act(() => store.getState().stepForward());
    await nextPaint();
    const fades = () => calls.filter((c) => c.element.classList.contains('network-afterimage')).length;
    const before = { label: output(), fades: fades() };
    // Well within the 200 ms fade of the last step: loss, then backward-output.
    act(() => store.getState().stepForward());
    act(() => store.getState().stepForward());
    expect(output()).not.toBe(before.label);
    await nextPaint();
    expect(fades()).toBe(before.fades);
    expect(container.querySelector('.network-flow')).toBeNull();
    // Once the burst has paused for a fade's length, the next step fades again.
    clock += 250;
    act(() => held.splice(0).forEach((callback) => callback()));
    act(() => store.getState().stepForward());
    await nextPaint();
    expect(fades()).toBe(before.fades + 1);
    expect(container.querySelector('.network-flow')).not.toBeNull();
  });

  test('a network of another size shows its marks at once (no old picture to fade from), fewer neurons too', async () => {
    const store = createAppStore();
    const { container } = render(<StoreProvider store={store}><NetworkView /></StoreProvider>);
    const hiddenMarks = () => container.querySelectorAll('.network-svg [data-target^="n:1:"]').length;
    for (const hiddenSize of [6, 3]) {
      act(() => {
        store.getState().setConfig({ hiddenSize });
      });
      expect(hiddenMarks()).toBe(hiddenSize);
      await nextPaint();
      expect(hiddenMarks()).toBe(hiddenSize);
    }
  });
});
