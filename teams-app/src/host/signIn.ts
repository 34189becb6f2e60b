/**
 * Sign-in for each place the app runs, behind core's `TokenProvider`:
 * - local mode: the local Graph server's dev token — through Teams' `authentication.getAuthToken` when a (test) Teams host
 *   frames the page, else straight from the server. Local mode never calls MSAL, so never `ssoSilent` (which waits ~10 s offline).
 * - Teams or Outlook: nested app authentication (`createNestablePublicClientApplication`), the host brokers the token.
 * - a plain browser: MSAL with a redirect.
 */
import { authentication } from '@microsoft/teams-js';
import type { TokenProvider } from '@tandem/core';
import { localTokenProvider } from '@tandem/graph';
import type { HostConnection } from './teamsHost.js';
import type { RuntimeConfig } from './runtimeConfig.js';

/** Sign-in failed; `code` says at which step. */
export class SignInError extends Error {
  constructor(
    readonly code: 'host-token-failed' | 'interaction-required' | 'redirecting',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'SignInError';
  }
}

/** The Graph origin (without `/v1.0`) the local server's `/_local/token` endpoint lives under. */
export function graphOrigin(graphBaseUrl: string): string {
  return graphBaseUrl.replace(/\/v1\.0\/?$/, '');
}

/** The signed-in user's principal name for local mode: the Teams context's, else the configured one. */
export function localUser(config: RuntimeConfig, host: HostConnection): string {
  return host.kind === 'teams' ? (host.context.user?.userPrincipalName ?? config.localUser) : config.localUser;
}

/** Picks the token provider for this page. */
export function tokenProviderFor(config: RuntimeConfig, host: HostConnection): TokenProvider {
  if (config.mode === 'local') {
    if (host.kind === 'teams') return teamsHostTokenProvider();
    return localTokenProvider(graphOrigin(config.graphBaseUrl), config.localUser);
  }
  return msalTokenProvider(config, host);
}

/** Local mode inside a Teams host: the host answers `authentication.getAuthToken` (the project's test host issues a dev token). */
function teamsHostTokenProvider(): TokenProvider {
  let token: Promise<string> | undefined;
  return {
    getToken: () => {
      token ??= authentication.getAuthToken().catch((error: unknown) => {
        token = undefined;
        throw new SignInError('host-token-failed', `Teams did not give a token: ${String(error)}`, { cause: error });
      });
      return token;
    },
  };
}

/** NAA in a Microsoft 365 host, MSAL redirect in a browser. MSAL is loaded only here, so local mode never pays for it. */
function msalTokenProvider(config: RuntimeConfig, host: HostConnection): TokenProvider {
  const ready = (async () => {
    const msal = await import(/* webpackChunkName: "msal" */ '@azure/msal-browser');
    const options = { auth: { clientId: config.clientId, authority: config.authority, redirectUri: location.origin } };
    const client =
      host.kind === 'teams'
        ? await msal.createNestablePublicClientApplication(options)
        : await msal.createStandardPublicClientApplication(options);
    if (host.kind === 'browser') await client.handleRedirectPromise();
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
      if (host.kind === 'teams') return (await client.acquireTokenPopup({ scopes })).accessToken;
      await client.acquireTokenRedirect({ scopes });
      throw new SignInError('redirecting', 'signing in: the page is being redirected');
    },
  };
}
