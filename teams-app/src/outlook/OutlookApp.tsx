/**
 * The task pane: a short title and one line on what Tandem does, then the pane for the item at hand — a message
 * read, a message being written, a meeting — or, standalone, a picker of the user's recent items.
 */
import { useState } from 'react';
import { Button, FluentProvider, MessageBar, MessageBarBody, Spinner, Text } from '@fluentui/react-components';
import type { MailboxItemSummary } from '@tandem/graph';
import { usePortfolio } from '@tandem/ui';
import type { RuntimeConfig } from '../host/runtimeConfig.js';
import { readOnlyReasonForDeniedWrite, type SiteAccess } from '../host/siteAccess.js';
import { ComposePane } from './ComposePane.js';
import { ItemPicker } from './ItemPicker.js';
import type { OutlookConnection } from './outlookHost.js';
import { outlookFluentTheme } from './outlookTheme.js';
import type { PaneItem } from './paneItem.js';
import { usePaneStyles } from './paneStyles.js';
import { TagPane } from './TagPane.js';
import type { Tagger } from './tagActions.js';

/** Props of {@link OutlookApp}. */
export interface OutlookAppProps {
  connection: OutlookConnection;
  config: RuntimeConfig;
  tagger: Tagger;
  /** Whether the user may write to the site; when not, tagging is shown disabled with the reason. Default: may write. */
  access?: SiteAccess;
  /** The item open in Outlook (standalone: `none`, the picker chooses). */
  item: PaneItem;
  /** Bumped when Outlook selects another item. */
  refresh: number;
  /** Signs out (a tenant); absent in local mode. */
  signOut?: () => Promise<void>;
}

/** The whole task pane. */
export function OutlookApp({ connection, config, tagger, access, item, refresh, signOut }: OutlookAppProps) {
  return (
    <FluentProvider theme={outlookFluentTheme(connection.theme)}>
      <PaneBody
        connection={connection}
        config={config}
        tagger={tagger}
        item={item}
        refresh={refresh}
        {...(access ? { access } : {})}
        {...(signOut ? { signOut } : {})}
      />
    </FluentProvider>
  );
}

function PaneBody({ connection, config, tagger, access, item, refresh, signOut }: OutlookAppProps) {
  const styles = usePaneStyles();
  const { snapshot } = usePortfolio(tagger.store);
  const [picked, setPicked] = useState<MailboxItemSummary>();
  const [signOutError, setSignOutError] = useState<string>();
  const standalone = connection.kind === 'standalone';

  let body;
  if (snapshot.status === 'loading') body = <Spinner size="small" label="Loading the portfolio…" />;
  else if (snapshot.status === 'error') {
    body = (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          Tandem could not load the portfolio:{' '}
          {snapshot.error instanceof Error ? snapshot.error.message : String(snapshot.error)}
        </MessageBarBody>
      </MessageBar>
    );
  } else {
    const tables = snapshot.tables;
    const tagTarget = standalone ? picked : item.kind === 'message' || item.kind === 'meeting' ? item.ref : undefined;
    if (tagTarget) {
      const ref = { type: tagTarget.type, id: tagTarget.id };
      const readOnlyReason =
        access?.canEdit === false ? (access.readOnlyReason ?? readOnlyReasonForDeniedWrite) : undefined;
      body = (
        <TagPane
          key={ref.id}
          tagger={tagger}
          tables={tables}
          itemRef={ref}
          refresh={refresh}
          {...(readOnlyReason ? { readOnlyReason } : {})}
        />
      );
    } else if (!standalone && item.kind === 'compose') {
      body = (
        <ComposePane
          office={connection.kind === 'outlook' ? connection.office : undefined}
          item={item.item}
          tables={tables}
          config={config}
          refresh={refresh}
        />
      );
    } else if (!standalone && item.kind === 'unsaved-meeting') {
      body = (
        <Text className={styles.meta}>Save the meeting once, then link it to objectives and initiatives here.</Text>
      );
    } else if (!standalone) {
      body = <Text className={styles.meta}>Select a message or meeting to tag it.</Text>;
    }
  }

  return (
    <main className={styles.root} data-testid="outlook-pane" data-pane={standalone ? 'standalone' : item.kind}>
      <header className={styles.header}>
        <h1 className={styles.title}>Tandem</h1>
        <p className={styles.intro}>
          Tag mail and meetings to the initiatives they serve, so business and IT see them side by side in Teams.
        </p>
      </header>
      {standalone && <ItemPicker client={tagger.client} selectedId={picked?.id} onPick={(next) => setPicked(next)} />}
      {body}
      <footer className={styles.footer}>
        <span>
          Signed in as {tagger.user.displayName}
          {config.mode === 'local' ? ' (local demo data)' : ''}
        </span>
        {signOutError && <span role="alert">Sign-out failed: {signOutError}</span>}
        {signOut && (
          <Button
            size="small"
            appearance="transparent"
            onClick={() => {
              signOut().then(
                () => location.reload(),
                (error: unknown) => setSignOutError(error instanceof Error ? error.message : String(error)),
              );
            }}
          >
            Sign out
          </Button>
        )}
      </footer>
    </main>
  );
}
