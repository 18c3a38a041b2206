/**
 * The content size of an element, kept current by a ResizeObserver (the fallback where there is
 * none, e.g. jsdom). Measured in a layout effect, so the first paint already has the real size
 * (but for a hydrated page's, which shows the prerender's size until a transition renders it).
 */
import { startTransition, useLayoutEffect, useState, type RefObject } from 'react';
import { isHydrating } from './useIsHydrated';

export interface ElementSize {
  readonly width: number;
  readonly height: number;
  /** The element's custom property `property` as CSS pixels (registered as a <length>), or null when unset or 0. */
  readonly lengthProperty: number | null;
  /** False until the element is measured: the size is the fallback. */
  readonly isMeasured: boolean;
}

/** Width, height and, when asked, one registered <length> custom property of `ref`'s element. */
export function useElementSize(ref: RefObject<HTMLElement | null>, fallbackWidth: number, property?: string): ElementSize {
  const [size, setSize] = useState<ElementSize>({ width: fallbackWidth, height: 0, lengthProperty: null, isMeasured: false });
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const update = () => {
      const width = Math.floor(el.clientWidth);
      const height = Math.floor(el.clientHeight);
      // A registered <length> computes to pixels ("27.2px"); unregistered, it stays as written and is not used.
      const text = property ? getComputedStyle(el).getPropertyValue(property).trim() : '';
      const px = text.endsWith('px') ? parseFloat(text) : NaN;
      const lengthProperty = px > 0 ? px : null;
      if (width > 0) {
        setSize((s) => (s.isMeasured && s.width === width && s.height === height && s.lengthProperty === lengthProperty ? s : { width, height, lengthProperty, isMeasured: true }));
      }
    };
    // Hydrating, the prerender's size is on screen already: the right one can follow in slices.
    if (isHydrating()) startTransition(update);
    else update();
    const observer = new ResizeObserver(update);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, property]);
  return size;
}

export function useElementWidth(ref: RefObject<HTMLElement | null>, fallback: number): number {
  return useElementSize(ref, fallback).width;
}
