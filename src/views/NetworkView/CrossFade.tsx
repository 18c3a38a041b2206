/**
 * Fades the diagram's marks from the picture before a new phase to the new one.
 *
 * Why a still picture faded on top, not CSS transitions on each mark: a transition on an SVG
 * fill or stroke restyles and repaints the diagram on the main thread in every frame it runs,
 * so a key press during one waited a frame or two for its own. An opacity animation of one box
 * runs on the compositor: the new phase paints once, then nothing on the main thread until
 * the next step. The picture is a clone of the marks as they were, on the panel's opaque
 * background, so the blend at any moment is old·(1 − t) + new·t.
 *
 * Why a class: the picture must be read from the DOM just before React commits the new phase,
 * which only getSnapshotBeforeUpdate can do. React renders the afterimage's box empty and never
 * looks inside it (STYLE.md §6, a node handed over through a ref).
 */
import { Component, createRef, type ReactNode } from 'react';
import { HANDOUT_LAYER } from './handout';

interface CrossFadeProps {
  /** A new value (by Object.is) starts a fade: the model the picture shows. */
  readonly cue: unknown;
  /** 0 for none (reduced motion, fast play, training). */
  readonly durationMs: number;
  /** A newer picture is on its way: a running fade jumps to its end now (STYLE.md §7). */
  readonly isInterrupted: boolean;
  /** One element: the picture to fade. */
  readonly children: ReactNode;
}

/** The attributes that make a mark interactive, announced or exported; the still picture has none. */
const LIVE_ATTRIBUTES = ['tabindex', 'role', 'aria-label', 'aria-pressed', 'data-target', HANDOUT_LAYER];

/** A deep clone of `element` with nothing focusable, announced or found by the diagram's queries. */
export function stillOf(element: Element): Element {
  const still = element.cloneNode(true) as Element;
  for (const el of [still, ...still.querySelectorAll('[tabindex], [role], [data-target]')]) {
    for (const name of LIVE_ATTRIBUTES) el.removeAttribute(name);
  }
  return still;
}

export class CrossFade extends Component<CrossFadeProps> {
  private readonly live = createRef<HTMLDivElement>();
  private readonly afterimage = createRef<HTMLDivElement>();
  private fade: Animation | null = null;

  getSnapshotBeforeUpdate(previous: CrossFadeProps): Element | null {
    const picture = this.live.current?.firstElementChild;
    const canAnimate = typeof this.afterimage.current?.animate === 'function';
    if (Object.is(previous.cue, this.props.cue) || this.props.durationMs <= 0 || !picture || !canAnimate) return null;
    return stillOf(picture);
  }

  componentDidUpdate(_previous: CrossFadeProps, _state: unknown, still: Element | null) {
    const afterimage = this.afterimage.current;
    if (this.props.isInterrupted || still) this.stop();
    if (!still || !afterimage) return;
    afterimage.replaceChildren(still);
    // Held at 0 until the picture is gone: an animation ending on the compositor would otherwise
    // show the picture at full opacity for a frame before this thread hears of it.
    const fade = afterimage.animate([{ opacity: 1 }, { opacity: 0 }], { duration: this.props.durationMs, easing: 'ease-in-out', fill: 'forwards' });
    fade.onfinish = () => this.stop();
    this.fade = fade;
  }

  componentWillUnmount() {
    this.stop();
  }

  /** Ends a running fade and takes its picture away (no fade, nothing to do: interrupted renders come per press). */
  private stop() {
    if (!this.fade) return;
    this.fade.cancel();
    this.fade = null;
    this.afterimage.current?.replaceChildren();
  }

  render() {
    return (
      <div className="network-crossfade">
        <div ref={this.live}>{this.props.children}</div>
        <div ref={this.afterimage} className="network-afterimage" aria-hidden="true" inert />
      </div>
    );
  }
}
