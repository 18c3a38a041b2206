/**
 * An error boundary per panel: a view that throws shows what failed and a "Reload this panel"
 * button in its place, while the rest of the page (and the store, so nothing is lost) keeps working.
 */
import { Component, Fragment, type ReactNode } from 'react';
import { useT, type MessageKey } from '../i18n/index';

interface BoundaryProps {
  readonly fallback: (error: Error, reload: () => void) => ReactNode;
  readonly children: ReactNode;
}
interface BoundaryState {
  readonly error: Error | null;
  /** Bumped by a reload, so the panel mounts afresh (its own state may be what broke). */
  readonly generation: number;
}

/** React reports what it caught to the console itself (its default onCaughtError). */
class Boundary extends Component<BoundaryProps, BoundaryState> {
  state: BoundaryState = { error: null, generation: 0 };

  static getDerivedStateFromError(error: unknown): Partial<BoundaryState> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  reload = () => this.setState((s) => ({ error: null, generation: s.generation + 1 }));

  render() {
    const { error, generation } = this.state;
    return error ? this.props.fallback(error, this.reload) : <Fragment key={generation}>{this.props.children}</Fragment>;
  }
}

/** Wraps one panel; `title` is its heading's message, repeated in the message that replaces it. */
export function PanelBoundary({ title, children }: { readonly title: MessageKey; readonly children: ReactNode }) {
  const t = useT();
  return (
    <Boundary
      fallback={(error, reload) => (
        <section className="panel panel-failed" aria-label={t(title)}>
          <h2>{t(title)}</h2>
          <div role="alert">
            <p>{t('app.panelFailed', { error: error.message || error.name })}</p>
            <p>{t('app.panelFailedHelp')}</p>
          </div>
          <button type="button" onClick={reload}>{t('app.reloadPanel')}</button>
        </section>
      )}
    >
      {children}
    </Boundary>
  );
}
