/**
 * Signing in and out with MSAL, shared by the tab, the meeting panel and the Outlook pane. In a Microsoft 365 host
 * (Teams, Outlook) by nested app authentication — the host brokers the token and owns the Microsoft session, so
 * signing out only forgets Tandem's tokens; in a plain browser by redirect, where signing out leaves the Microsoft
 * session too. MSAL is loaded only here, so local mode never pays for it. No teams-js or office.js in here: each
 * host's bundle imports it.
 */
import type { TokenProvider } from '@tandem/core';
import type { RuntimeConfig } from './runtimeConfig.js';

/** Sign-in could not finish; `code` says why. */
export class SessionError extends Error {
  constructor(
    readonly code: 'redirecting' | 'signed-out',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'SessionError';
  }
}

/** A page's sign-in: its tokens, and a sign-out that ends Tandem's session only. */
export interface AppSession {
  tokenProvider: TokenProvider;
  /** Ends Tandem's session (never the host's). */
  signOut(): Promise<void>;
  /** Signs in again after {@link signOut}; when absent the page reloads to sign in. */
  signIn?(): Promise<void>;
}

/** MSAL for this configuration: brokered by the host (`'host'`, nested app authentication) or by redirect (`'browser'`). */
export function msalSession(config: RuntimeConfig, where: 'host' | 'browser'): AppSession {
  const ready = (async () => {
    const msal = await import(/* webpackChunkName: "msal" */ '@azure/msal-browser');
    const options = { auth: { clientId: config.clientId, authority: config.authority, redirectUri: location.origin } };
    const client =
      where === 'host'
        ? await msal.createNestablePublicClientApplication(options)
        : await msal.createStandardPublicClientApplication(options);
    if (where === 'browser') await client.handleRedirectPromise();
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
      if (where === 'host') return (await client.acquireTokenPopup({ scopes })).accessToken;
      await client.acquireTokenRedirect({ scopes });
      throw new SessionError('redirecting', 'signing in: the page is being redirected');
    },
  };
  const signOut = async () => {
    const { client } = await ready;
    // The host owns the Microsoft session under nested app authentication: Tandem forgets only its own tokens there.
    if (where === 'host') await client.clearCache();
    else await client.logoutRedirect();
  };
  return { tokenProvider, signOut };
}

/**
 * A session over a token provider that can be forgotten and made again (local mode's dev token): after `signOut`
 * every request fails with `signed-out` until `signIn`, which starts from a fresh provider.
 */
export function resettableSession(makeProvider: () => TokenProvider): AppSession & { signIn(): Promise<void> } {
  let provider: TokenProvider | undefined = makeProvider();
  return {
    tokenProvider: {
      getToken: (scopes) => {
        if (!provider) return Promise.reject(new SessionError('signed-out', 'signed out of Tandem: sign in again'));
        return provider.getToken(scopes);
      },
    },
    signOut: () => {
      provider = undefined;
      return Promise.resolve();
    },
    signIn: () => {
      provider ??= makeProvider();
      return Promise.resolve();
    },
  };
}
