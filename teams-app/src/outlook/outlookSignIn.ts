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

/** The token provider of the pane. */
export function outlookTokenProvider(config: RuntimeConfig, connection: OutlookConnection): TokenProvider {
  if (config.mode === 'local')
    return localTokenProvider(graphOrigin(config.graphBaseUrl), localUserOf(config, connection));
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
  return {
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
}
