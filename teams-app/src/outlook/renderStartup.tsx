/** The first screen: what Tandem does, in one line, while it signs in and loads; or what went wrong. */
import type { Root } from 'react-dom/client';
import { FluentProvider, MessageBar, MessageBarBody, MessageBarTitle, Spinner } from '@fluentui/react-components';
import type { TandemThemeName } from '@tandem/ui';
import { outlookFluentTheme } from './outlookTheme.js';
import { usePaneStyles } from './paneStyles.js';

function Startup({ failure }: { failure: string | undefined }) {
  const styles = usePaneStyles();
  return (
    <main className={styles.root} data-testid="outlook-startup">
      <header className={styles.header}>
        <h1 className={styles.title}>Tandem</h1>
        <p className={styles.intro}>
          Tag mail and meetings to the initiatives they serve, so business and IT see them side by side in Teams.
        </p>
      </header>
      {failure ? (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Tandem could not start.</MessageBarTitle>
            {failure} Check your connection and open the pane again; if it keeps failing, ask your administrator whether
            Tandem is set up for your organisation.
          </MessageBarBody>
        </MessageBar>
      ) : (
        <Spinner size="small" label="Signing in…" />
      )}
    </main>
  );
}

/** Renders the first screen, or the failure, into `root`. */
export function renderStartup(root: Root, theme: TandemThemeName, failure: string | undefined): void {
  root.render(
    <FluentProvider theme={outlookFluentTheme(theme)}>
      <Startup failure={failure} />
    </FluentProvider>,
  );
}
