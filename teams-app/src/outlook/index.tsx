/**
 * The Outlook task pane's entry: connect to Outlook (or run standalone in a browser), sign in, open the store, and
 * render the pane for the selected item — again whenever Outlook selects another item while the pane is pinned.
 */
import { createRoot } from 'react-dom/client';
import { createGraphClient } from '@tandem/graph';
import { readRuntimeConfig } from '../host/runtimeConfig.js';
import { openSite } from '../host/openStore.js';
import { loopStore } from '../host/loopStore.js';
import { probeSiteWriteAccess } from '../host/siteAccess.js';
import { connectToOutlook, onItemChanged } from './outlookHost.js';
import { outlookSignIn } from './outlookSignIn.js';
import { currentPaneItem, type PaneItem } from './paneItem.js';
import { renderStartup } from './renderStartup.js';
import type { Tagger } from './tagActions.js';

// The pane's views (with @tandem/ui) load while office.js connects and the user signs in; the first screen needs only Fluent.
const paneModule = import(/* webpackChunkName: "outlook-pane" */ './OutlookApp.js');

async function start(): Promise<void> {
  const root = createRoot(document.getElementById('root')!);
  const config = readRuntimeConfig();
  const connection = await connectToOutlook();
  document.documentElement.dataset.host = connection.kind;
  document.documentElement.dataset.theme = connection.theme;
  renderStartup(root, connection.theme, undefined);
  try {
    const { tokenProvider, signOut } = outlookSignIn(config, connection);
    const site = new URL(location.href).searchParams.get('site') || 'root';
    const client = createGraphClient({ baseUrl: config.graphBaseUrl, tokenProvider });
    const profile = connection.kind === 'outlook' ? connection.mailbox.userProfile : undefined;
    const email = profile?.emailAddress || config.localUser;
    const user = { email, displayName: profile?.displayName || email };
    const opened = await openSite(config.graphBaseUrl, tokenProvider, site);
    // Tagging writes to the site and to the mailbox: a read-only user is told before pressing anything.
    const access = await probeSiteWriteAccess(client, opened.lists);
    // Tagging an email or meeting tells its author (someone linked your email), and is audited like any change.
    const store = loopStore(opened.store, client, user);
    const { OutlookApp } = await paneModule;
    let refresh = 0;
    const draw = async () => {
      // A meeting being organised is saved to get its id only when the pane opens on it, never behind the user's back later.
      const item: PaneItem = await currentPaneItem(connection, refresh === 0);
      const tagger: Tagger = {
        client,
        store,
        user,
        ...(connection.kind === 'outlook' && connection.mailbox.item && 'ref' in item
          ? { openItem: { ref: item.ref, item: connection.mailbox.item } }
          : {}),
      };
      root.render(
        <OutlookApp
          connection={connection}
          config={config}
          tagger={tagger}
          access={access}
          item={item}
          refresh={refresh}
          {...(signOut ? { signOut } : {})}
        />,
      );
    };
    onItemChanged(connection, () => {
      refresh++;
      void draw();
    });
    await draw();
    document.documentElement.dataset.ready = 'true';
  } catch (error) {
    renderStartup(root, connection.theme, error);
  }
}

void start();
