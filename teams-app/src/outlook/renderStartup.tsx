/** The first screen: what Tandem does, in one line, while it signs in and loads; or what went wrong. */
import type { Root } from 'react-dom/client';
import { FluentProvider, Spinner } from '@fluentui/react-components';
import type { TandemThemeName } from '@tandem/ui';
import { FailureMessage } from '../host/FailureMessage.js';
import { describeFailure } from '../host/pageFailure.js';
import { outlookFluentTheme } from './outlookTheme.js';
import { usePaneStyles } from './paneStyles.js';

function Startup({ error }: { error: unknown }) {
  const styles = usePaneStyles();
  const failure = error === undefined ? undefined : describeFailure(error, { retry: 'open the pane again' });
  return (
    <main className={styles.root} data-testid="outlook-startup">
      <header className={styles.header}>
        <h1 className={styles.title}>Tandem</h1>
        <p className={styles.intro}>
          Tag mail and meetings to the initiatives they serve, so business and IT see them side by side in Teams.
        </p>
      </header>
      {failure ? <FailureMessage failure={failure} /> : <Spinner size="small" label="Signing in…" />}
    </main>
  );
}

/** Renders the first screen, or what stopped it (`error`, when defined), into `root`. */
export function renderStartup(root: Root, theme: TandemThemeName, error: unknown): void {
  root.render(
    <FluentProvider theme={outlookFluentTheme(theme)}>
      <Startup error={error} />
    </FluentProvider>,
  );
}
