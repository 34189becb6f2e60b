/** The screen a page shows after the user signed out of Tandem: says so, and offers to sign in again. */
import type { Root } from 'react-dom/client';
import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
} from '@fluentui/react-components';
import type { TandemThemeName } from '@tandem/ui';

// Fluent's own themes, not @tandem/ui's helper: the host wiring stays out of the UI bundle, which loads in parallel.
const themes = { default: teamsLightTheme, dark: teamsDarkTheme, contrast: teamsHighContrastTheme };

/** Renders the signed-out state into `root`; "Sign in" calls `signIn`. */
export function renderSignedOut(root: Root, theme: TandemThemeName, signIn: () => void): void {
  root.render(
    <FluentProvider theme={themes[theme]}>
      <main className="tandem-failure" data-testid="signed-out">
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
      </main>
    </FluentProvider>,
  );
}
