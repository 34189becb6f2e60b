import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { isRetryableStatus, parseRetryAfter } from './graphError.js';
import { retryDelayMs, type RetryPolicy } from './retryPolicy.js';

/**
 * Per-request options for {@link RetryMiddleware}, passed with the SDK's `middlewareOptions`.
 * A POST is not retried after a dropped connection unless `safeToRepeat` says so, because the server may have applied it.
 */
export class RetryRequestOptions {
  constructor(readonly safeToRepeat: boolean) {}
}

/** Thrown when the connection fails for a request that must not be repeated blindly. */
export class DroppedConnectionError extends Error {
  override readonly name = 'DroppedConnectionError';
}

/** One retry, for logging: the status that caused it (0 for a dropped connection) and the wait before it. */
export interface RetryEvent {
  method: string;
  url: string;
  status: number;
  attempt: number;
  waitMs: number;
}

function requestUrl(context: Context): string {
  const url = typeof context.request === 'string' ? context.request : context.request.url;
  return url.split('?')[0] ?? url;
}

const repeatableMethods = new Set(['GET', 'HEAD', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/**
 * Retries throttled and unavailable responses (429, 503, 504) after `Retry-After` or jittered exponential backoff,
 * and dropped connections for requests that are safe to repeat, up to the policy's cap. The last response
 * (or error) is passed on when the cap is reached, so the caller sees Graph's own error.
 */
export class RetryMiddleware implements Middleware {
  private next: Middleware | undefined;

  constructor(
    private readonly policy: RetryPolicy,
    private readonly onRetry: (event: RetryEvent) => void = () => undefined,
  ) {}

  /** Part of the SDK's middleware chain. */
  setNext(next: Middleware): void {
    this.next = next;
  }

  /** Sends the request through the rest of the chain, retrying as described above. */
  async execute(context: Context): Promise<void> {
    const next = this.next;
    if (!next) throw new Error('RetryMiddleware needs a next middleware');
    const method = (context.options?.method ?? 'GET').toUpperCase();
    const option = context.middlewareControl?.getMiddlewareOptions(RetryRequestOptions) as
      RetryRequestOptions | undefined;
    const repeatable = option?.safeToRepeat ?? repeatableMethods.has(method);
    for (let attempt = 0; ; attempt++) {
      try {
        await next.execute(context);
      } catch (error) {
        if (!repeatable)
          throw new DroppedConnectionError('connection failed; the request may have been applied', { cause: error });
        if (attempt >= this.policy.maxRetries) throw error;
        const wait = retryDelayMs(this.policy, attempt);
        this.onRetry({ method, url: requestUrl(context), status: 0, attempt: attempt + 1, waitMs: wait });
        await this.policy.sleep(wait);
        continue;
      }
      const response = context.response;
      if (!response || !isRetryableStatus(response.status) || attempt >= this.policy.maxRetries) return;
      // A 504 may hide an applied write: only repeat it when the request is safe to repeat.
      if (response.status === 504 && !repeatable) return;
      const wait = retryDelayMs(this.policy, attempt, parseRetryAfter(response.headers.get('retry-after')));
      // The body of a throttled answer is not needed; cancelling frees the connection (a failure to cancel changes nothing).
      await response.body?.cancel().catch(() => undefined);
      this.onRetry({ method, url: requestUrl(context), status: response.status, attempt: attempt + 1, waitMs: wait });
      await this.policy.sleep(wait);
    }
  }
}
