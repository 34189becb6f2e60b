/** How the adapter waits and retries transient failures. Every part is injectable so tests need not wait. */
export interface RetryPolicy {
  /** Attempts after the first one before giving up. */
  maxRetries: number;
  /** First backoff step; doubled each attempt. */
  baseDelayMs: number;
  /** No single wait is longer than this, whatever `Retry-After` says. */
  maxDelayMs: number;
  /** Returns a number in [0, 1): the jitter source. */
  random: () => number;
  /** Waits `ms` milliseconds. */
  sleep: (ms: number) => Promise<void>;
}

/** Defaults: 6 retries, 500 ms doubling, capped at 30 s, real timers. */
export const defaultRetryPolicy: RetryPolicy = {
  maxRetries: 6,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  random: Math.random,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * The wait before retry number `attempt` (0-based): `Retry-After` when Graph gave one, else "full jitter"
 * exponential backoff (a random wait up to base·2^attempt), so that many clients do not retry in step. Always capped.
 */
export function retryDelayMs(policy: RetryPolicy, attempt: number, retryAfterSeconds?: number): number {
  if (retryAfterSeconds !== undefined) return Math.min(policy.maxDelayMs, retryAfterSeconds * 1000);
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return Math.floor(policy.random() * ceiling);
}
