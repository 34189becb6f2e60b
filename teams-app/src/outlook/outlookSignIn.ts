/**
 * Sign-in for the task pane, behind core's `TokenProvider`: the local server's dev token in local mode (never MSAL,
 * so never the slow offline `ssoSilent`); otherwise the shared MSAL session ({@link msalSession}): in Outlook, nested app
 * authentication (Outlook brokers the token); standalone against a real tenant, a redirect.
 */
import type { TokenProvider } from '@tandem/core';
import { localTokenProvider } from '@tandem/graph';
import { msalSession } from '../host/msalSession.js';
import type { RuntimeConfig } from '../host/runtimeConfig.js';
import type { OutlookConnection } from './outlookHost.js';

/** The local server's origin (without `/v1.0`), where `/_local/token` lives. Not imported from the tab's sign-in, which pulls in teams-js. */
function graphOrigin(graphBaseUrl: string): string {
  return graphBaseUrl.replace(/\/v1\.0\/?$/, '');
}

/** The user the pane acts as in local mode: Outlook's profile when in Outlook, else the configured local user. */
export function localUserOf(config: RuntimeConfig, connection: OutlookConnection): string {
  const profile = connection.kind === 'outlook' ? connection.mailbox.userProfile?.emailAddress : undefined;
  return profile || config.localUser;
}

/** How the pane signs in, and out. */
export interface OutlookSignIn {
  tokenProvider: TokenProvider;
  /** Signs out of Tandem (forgets its tokens; a browser also leaves the Microsoft session). Absent in local mode. */
  signOut?: () => Promise<void>;
}

/** Sign-in of the pane for this configuration and host. */
export function outlookSignIn(config: RuntimeConfig, connection: OutlookConnection): OutlookSignIn {
  if (config.mode === 'local') {
    return { tokenProvider: localTokenProvider(graphOrigin(config.graphBaseUrl), localUserOf(config, connection)) };
  }
  const { tokenProvider, signOut } = msalSession(config, connection.kind === 'outlook' ? 'host' : 'browser');
  return { tokenProvider, signOut };
}
