import type { Clock, TokenProvider } from '@tandem/core';

const systemClock: Clock = { now: () => new Date() };

/**
 * The dev sign-in of local mode: asks the local Graph server (`POST {origin}/_local/token`) for a token for `user`
 * and keeps it until a minute before it expires. Never used against a real tenant.
 */
export function localTokenProvider(origin: string, user: string, clock: Clock = systemClock): TokenProvider {
  let cached: Promise<{ token: string; expiresAt: number }> | undefined;
  const fetchToken = async () => {
    const response = await fetch(`${origin.replace(/\/+$/, '')}/_local/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user }),
    });
    if (!response.ok) throw new Error(`local sign-in for ${user} failed: ${response.status}`);
    const body = (await response.json()) as { access_token?: unknown; expires_in?: unknown };
    if (typeof body.access_token !== 'string') throw new Error('local sign-in: no access_token in the answer');
    const lifetime = typeof body.expires_in === 'number' ? body.expires_in : 3600;
    return { token: body.access_token, expiresAt: clock.now().getTime() + Math.max(0, lifetime - 60) * 1000 };
  };
  return {
    getToken: async () => {
      if (cached) {
        const current = await cached.catch(() => undefined);
        if (!current || current.expiresAt <= clock.now().getTime()) cached = undefined;
      }
      cached ??= fetchToken().catch((error: unknown) => {
        cached = undefined; // a failed sign-in is tried again next time
        throw error;
      });
      return (await cached).token;
    },
  };
}
