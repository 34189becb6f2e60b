import type { TokenProvider } from '@tandem/core';

/**
 * The dev sign-in of local mode: asks the local Graph server (`POST {origin}/_local/token`) for a token for `user`
 * and keeps it. Never used against a real tenant.
 */
export function localTokenProvider(origin: string, user: string): TokenProvider {
  let token: Promise<string> | undefined;
  const fetchToken = async (): Promise<string> => {
    const response = await fetch(`${origin.replace(/\/+$/, '')}/_local/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user }),
    });
    if (!response.ok) throw new Error(`local sign-in for ${user} failed: ${response.status}`);
    const body = (await response.json()) as { access_token?: unknown };
    if (typeof body.access_token !== 'string') throw new Error('local sign-in: no access_token in the answer');
    return body.access_token;
  };
  return {
    getToken: () => {
      token ??= fetchToken().catch((error: unknown) => {
        token = undefined; // a failed sign-in is tried again next time
        throw error;
      });
      return token;
    },
  };
}
