/**
 * The page's React root: the view, the failure screen and the signed-out screen. React and Fluent load with the UI
 * (see startApp), not in the page's entry bundle, so that the entry runs sooner and its first requests go out sooner.
 */
import type { ReactElement } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import type { TandemThemeName } from '@tandem/ui';
import { renderFailure } from './renderFailure.js';
import { renderSignedOut } from './renderSignedOut.js';

/** What a page draws into its root element. */
export interface PageRoot {
  /** Commits `element` synchronously, so that what the caller sets next (data-theme) never runs ahead of the DOM. */
  draw(element: ReactElement): void;
  /** Shows that the page could not start, and why. */
  showFailure(theme: TandemThemeName, message: string): void;
  /** Shows the signed-out state; its "Sign in" calls `signIn`. */
  showSignedOut(theme: TandemThemeName, signIn: () => void): void;
}

/** Makes the React root of `element`. */
export function createPageRoot(element: HTMLElement): PageRoot {
  const root = createRoot(element);
  return {
    draw: (view) => flushSync(() => root.render(view)),
    showFailure: (theme, message) => renderFailure(root, theme, message),
    showSignedOut: (theme, signIn) => renderSignedOut(root, theme, signIn),
  };
}
