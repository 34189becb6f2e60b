/**
 * The page's React root: the view, or a screen in its place when the page cannot start or the user signed out. It comes
 * with the page's UI chunk (each page module re-exports it; see startApp), not in the entry bundle, so that the entry
 * runs sooner and its first requests go out sooner.
 */
import type { ReactElement, ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import { fluentThemeFor, loadTheme, themeDrawn, type TandemThemeName } from '@tandem/ui';
import { FailureMessage } from './FailureMessage.js';
import { describeFailure, type FailureOptions } from './pageFailure.js';

/** What a page draws into its root element. */
export interface PageRoot {
  /**
   * Commits `element`, drawn in `theme`, synchronously, then marks the page with the theme it is drawn in (`data-theme`,
   * which the page's own background, styles and tests key on): never ahead of the DOM, and never a theme that could not
   * be loaded.
   */
  draw(element: ReactElement, theme: TandemThemeName): void;
  /** Shows that the page could not do what it was doing (start, by default), why, and what to try. */
  showFailure(theme: TandemThemeName, error: unknown, options?: FailureOptions): void;
  /** Shows the signed-out state; its "Sign in" calls `signIn`. */
  showSignedOut(theme: TandemThemeName, signIn: () => void): void;
}

/**
 * Makes the React root of `element`, for a page first drawn in `firstTheme`: a dark or high-contrast theme starts
 * loading now, beside the page's first reads, so that the first draw does not wait for it.
 */
export function createPageRoot(element: HTMLElement, firstTheme: TandemThemeName): PageRoot {
  const root = createRoot(element);
  void loadTheme(firstTheme);
  // A screen in place of the view, in `theme` once it is loaded.
  const markTheme = (theme: TandemThemeName) => (document.documentElement.dataset.theme = themeDrawn(theme));
  const show = (theme: TandemThemeName, screen: ReactElement) =>
    void loadTheme(theme).then(() => {
      flushSync(() => root.render(screen));
      markTheme(theme);
    });
  return {
    draw: (view, theme) => {
      flushSync(() => root.render(view));
      markTheme(theme);
    },
    showFailure: (theme, error, options) =>
      show(
        theme,
        <PageScreen theme={theme}>
          <FailureMessage failure={describeFailure(error, options)} />
        </PageScreen>,
      ),
    showSignedOut: (theme, signIn) =>
      show(
        theme,
        <PageScreen theme={theme} testId="signed-out">
          <MessageBar intent="info" layout="multiline" role="status">
            <MessageBarBody>
              <MessageBarTitle>Signed out</MessageBarTitle>
              You are signed out of Tandem. Your Teams or Microsoft 365 session is unchanged.
            </MessageBarBody>
            <MessageBarActions>
              <Button appearance="primary" onClick={signIn}>
                Sign in
              </Button>
            </MessageBarActions>
          </MessageBar>
        </PageScreen>,
      ),
  };
}

/** A screen in place of the page's view, in the host's theme. */
function PageScreen(props: { theme: TandemThemeName; testId?: string; children: ReactNode }) {
  return (
    <FluentProvider theme={fluentThemeFor(props.theme)}>
      <main className="tandem-failure" data-testid={props.testId}>
        {props.children}
      </main>
    </FluentProvider>
  );
}
