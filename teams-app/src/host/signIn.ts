/**
 * Sign-in for each place the app runs, behind core's `TokenProvider`:
 * - local mode: the local Graph server's dev token — through Teams' `authentication.getAuthToken` when a (test) Teams host
 *   frames the page, else straight from the server. Local mode never calls MSAL, so never `ssoSilent` (which waits ~10 s offline).
 * - Teams or Outlook: nested app authentication (`createNestablePublicClientApplication`), the host brokers the token.
 * - a plain browser: MSAL with a redirect.
 * The MSAL part is the one the Outlook pane uses too (./msalSession.ts).
 */
import type { TokenProvider } from '@tandem/core';
import { localTokenProvider } from '@tandem/graph';
import { msalSession, resettableSession, type AppSession } from './msalSession.js';
import type { HostConnection, TeamsSdk } from './teamsHost.js';
import type { RuntimeConfig } from './runtimeConfig.js';

/** Sign-in failed; `code` says at which step (MSAL's own failures are a `SessionError`). */
export class SignInError extends Error {
  constructor(
    readonly code: 'host-token-failed' | 'interaction-required',
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

/**
 * The session of this page: its tokens and its sign-out (of Tandem only). In local mode signing out forgets the dev
 * token and signing in fetches a new one; in a Microsoft 365 host it forgets Tandem's tokens (the shared MSAL session
 * of {@link msalSession}, also the Outlook pane's); in a browser it leaves by redirect.
 */
export function sessionFor(config: RuntimeConfig, host: HostConnection): AppSession {
  if (config.mode === 'local') {
    return resettableSession(() =>
      host.kind === 'teams'
        ? teamsHostTokenProvider(host.sdk)
        : localTokenProvider(graphOrigin(config.graphBaseUrl), config.localUser),
    );
  }
  return msalSession(config, host.kind === 'teams' ? 'host' : 'browser');
}

/** The token provider for this page (see {@link sessionFor}). */
export function tokenProviderFor(config: RuntimeConfig, host: HostConnection): TokenProvider {
  return sessionFor(config, host).tokenProvider;
}

/** Local mode inside a Teams host: the host answers `authentication.getAuthToken` (the project's test host issues a dev token). */
function teamsHostTokenProvider({ authentication }: TeamsSdk): TokenProvider {
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
