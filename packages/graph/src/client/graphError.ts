/** Codes the adapter itself gives to failures that did not come with a Graph error body. */
export type LocalGraphErrorCode = 'connectionFailed' | 'retriesExhausted' | 'invalidResponse' | 'timeout';

/**
 * A failed Graph request: Graph's own error `code` (e.g. `itemNotFound`, `preconditionFailed`, `TooManyRequests`)
 * or one of {@link LocalGraphErrorCode}, the HTTP status (0 when no response arrived) and Graph's request id.
 */
export class GraphError extends Error {
  override readonly name = 'GraphError';
  /** Graph's `error.code`, or a local code when Graph gave none. */
  readonly code: string;
  /** HTTP status; 0 when the connection failed before a response. */
  readonly status: number;
  /** Graph's `request-id` (header or `innerError`), for support tickets. */
  readonly requestId: string | undefined;
  /** The method and path that failed, without the host. */
  readonly request: string;
  /** Seconds Graph asked us to wait (`Retry-After`), when it did. */
  readonly retryAfterSeconds: number | undefined;
  /**
   * True when the request may or may not have been applied (the connection dropped or the gateway timed out
   * after the request was sent): a create must be checked before it is sent again.
   */
  readonly ambiguous: boolean;

  constructor(init: {
    code: string;
    status: number;
    message: string;
    request: string;
    requestId?: string | undefined;
    retryAfterSeconds?: number | undefined;
    ambiguous?: boolean;
    cause?: unknown;
  }) {
    super(`${init.request}: ${init.status ? init.status + ' ' : ''}${init.code}: ${init.message}`, {
      cause: init.cause,
    });
    this.code = init.code;
    this.status = init.status;
    this.requestId = init.requestId;
    this.request = init.request;
    this.retryAfterSeconds = init.retryAfterSeconds;
    this.ambiguous = init.ambiguous ?? false;
  }

  /** True for the failures worth trying again later: throttling, unavailability, timeouts and dropped connections. */
  get retryable(): boolean {
    return isRetryableStatus(this.status) || this.code === 'connectionFailed' || this.code === 'retriesExhausted';
  }
}

/** Statuses Graph documents as transient: throttled (429), unavailable (503), gateway timeout (504). */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status === 503 || status === 504;
}

/** Graph's error body: `{ error: { code, message, innerError: { 'request-id' } } }`. */
interface GraphErrorBody {
  error?: { code?: unknown; message?: unknown; innerError?: { 'request-id'?: unknown; 'client-request-id'?: unknown } };
}

/** Builds a {@link GraphError} from a non-2xx status, its headers and its (already parsed) body. */
export function graphErrorFromResponse(
  request: string,
  status: number,
  headers: { get(name: string): string | null },
  body: unknown,
): GraphError {
  const err = (body as GraphErrorBody | undefined)?.error;
  const code = typeof err?.code === 'string' ? err.code : `http${status}`;
  const message = typeof err?.message === 'string' ? err.message : 'request failed';
  const innerId = err?.innerError?.['request-id'];
  return new GraphError({
    code,
    status,
    message,
    request,
    requestId: headers.get('request-id') ?? (typeof innerId === 'string' ? innerId : undefined),
    retryAfterSeconds: parseRetryAfter(headers.get('retry-after')),
    ambiguous: status === 504,
  });
}

/** Reads `Retry-After` as seconds (Graph sends an integer; an HTTP date is accepted too). */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (value === null || value === undefined || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, (at - now) / 1000);
}
