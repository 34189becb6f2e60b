/**
 * Sign-in for the task pane, behind core's `TokenProvider`: the local server's dev token in local mode (never MSAL,
 * so never the slow offline `ssoSilent`); in Outlook, nested app authentication (`createNestablePublicClientApplication`,
 * Outlook brokers the token); standalone against a real tenant, MSAL with a redirect.
 */
import type { TokenProvider } from '@tandem/core';
import { localTokenProvider } from '@tandem/graph';
import type { RuntimeConfig } from '../host/runtimeConfig.js';
import type { OutlookConnection } from './outlookHost.js';

/** Sign-in could not finish; `code` says why. */
export class OutlookSignInError extends Error {
  constructor(
    readonly code: 'redirecting',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'OutlookSignInError';
  }
}

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
  const ready = (async () => {
    const msal = await import(/* webpackChunkName: "msal" */ '@azure/msal-browser');
    const options = { auth: { clientId: config.clientId, authority: config.authority, redirectUri: location.origin } };
    const client =
      connection.kind === 'outlook'
        ? await msal.createNestablePublicClientApplication(options)
        : await msal.createStandardPublicClientApplication(options);
    if (connection.kind === 'standalone') await client.handleRedirectPromise();
    return { msal, client };
  })();
  const tokenProvider: TokenProvider = {
    getToken: async (scopes) => {
      const { msal, client } = await ready;
      const account = client.getActiveAccount() ?? client.getAllAccounts()[0];
      if (account) {
        try {
          return (await client.acquireTokenSilent({ scopes, account })).accessToken;
        } catch (error) {
          if (!(error instanceof msal.InteractionRequiredAuthError)) throw error;
        }
      }
      if (connection.kind === 'outlook') return (await client.acquireTokenPopup({ scopes })).accessToken;
      await client.acquireTokenRedirect({ scopes });
      throw new OutlookSignInError('redirecting', 'signing in: the page is being redirected');
    },
  };
  const signOut = async () => {
    const { client } = await ready;
    // Outlook owns the Microsoft session under nested app authentication: Tandem forgets only its own tokens there.
    if (connection.kind === 'outlook') await client.clearCache();
    else await client.logoutRedirect();
  };
  return { tokenProvider, signOut };
}
