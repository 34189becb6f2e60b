/**
 * A part of the page whose code is loaded on first use (see ../app/lazyPart.ts) can fail to
 * come: the network dropped, or the app was updated and the old chunk is gone. Without a boundary React would take the
 * whole page down with it; with one, that part says what happened and offers to reload, and the rest of the page stays.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { ErrorState } from './ErrorState.js';

/** Props of {@link LoadBoundary}. */
export interface LoadBoundaryProps {
  /** What the part shows, for the message ("the portfolio"). */
  what: string;
  children: ReactNode;
  /** Starts again (the Reload button); by default the page is loaded again. */
  onReload?: () => void;
}

/** Shows an error in place of its children when they fail to load or draw (see the module comment). */
export class LoadBoundary extends Component<LoadBoundaryProps, { error: unknown }> {
  override state: { error: unknown } = { error: undefined };

  static getDerivedStateFromError(error: unknown): { error: unknown } {
    return { error: error ?? new Error('Unknown error') };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error(`Tandem could not show ${this.props.what}`, error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (error === undefined) return this.props.children;
    return (
      <ErrorState
        title={`Could not show ${this.props.what}`}
        // The bundler's own words name a chunk number and its URL, which mean nothing to the user.
        error={isChunkLoadError(error) ? 'The app could not download its code' : error}
        hint="Check your connection, then reload."
        retryLabel="Reload"
        onRetry={this.props.onReload ?? (() => location.reload())}
      />
    );
  }
}

/** Whether `error` is the bundler's failure to download a chunk (webpack names it `ChunkLoadError`). */
function isChunkLoadError(error: unknown): boolean {
  return error instanceof Error && error.name === 'ChunkLoadError';
}
