/** The screen shown when a page cannot start: what happened and what to try, in the host's theme. */
import type { Root } from 'react-dom/client';
import {
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
} from '@fluentui/react-components';
import type { TandemThemeName } from '@tandem/ui';

// Fluent's own themes, not @tandem/ui's helper: the host wiring stays out of the UI bundle, which loads in parallel.
const themes = { default: teamsLightTheme, dark: teamsDarkTheme, contrast: teamsHighContrastTheme };

/** Renders the failure into `root`. */
export function renderFailure(root: Root, theme: TandemThemeName, message: string): void {
  root.render(
    <FluentProvider theme={themes[theme]}>
      <main className="tandem-failure">
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Tandem could not load your data.</MessageBarTitle>
            {message} Check your connection and reload the tab; if it keeps failing, ask your administrator whether
            Tandem is set up on your site.
          </MessageBarBody>
        </MessageBar>
      </main>
    </FluentProvider>,
  );
}
