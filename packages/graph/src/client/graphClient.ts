import { Client, HTTPMessageHandler, ResponseType, type GraphRequest } from '@microsoft/microsoft-graph-client';
import type { Logger, TokenProvider } from '@tandem/core';
import { AuthMiddleware } from './authMiddleware.js';
import { GraphError, graphErrorFromResponse } from './graphError.js';
import { DroppedConnectionError, RetryMiddleware, RetryRequestOptions } from './retryMiddleware.js';
import { defaultRetryPolicy, type RetryPolicy } from './retryPolicy.js';
import { defaultScopes } from './scopes.js';
import { TimeoutMiddleware } from './timeoutMiddleware.js';
import { MailboxConcurrencyMiddleware } from './mailboxConcurrencyMiddleware.js';
import { ReadBatcher } from './readBatcher.js';
import { XhrMessageHandler } from './xhrMessageHandler.js';

/** What {@link createGraphClient} needs. */
export interface GraphClientOptions {
  /** Graph's root including the version: `https://graph.microsoft.com/v1.0`, or the local server's `http://127.0.0.1:PORT/v1.0`. */
  baseUrl: string;
  /** The host's token source (MSAL, VS Code's auth provider, the local server's dev token). */
  tokenProvider: TokenProvider;
  /** Scopes asked of the token provider. Default: `Sites.ReadWrite.All`, `Mail.ReadWrite`, `Calendars.ReadWrite`, … */
  scopes?: readonly string[];
  /** Retry tuning; tests inject `sleep` and `random`. */
  retry?: Partial<RetryPolicy>;
  /** Deadline of one attempt in milliseconds. Default 60 s. */
  timeoutMs?: number;
  /** Requests at once to one mailbox (Outlook throttles beyond 4). Default 4. */
  mailboxConcurrency?: number;
  /** Where retries are reported (at debug level; never tokens or bodies). */
  logger?: Logger;
  /**
   * Sends the SharePoint reads asked for in the same task as one JSON `$batch` (see {@link ReadBatcher}): for a page,
   * whose first reads all leave at once. Default false.
   */
  batchReads?: boolean;
}

/** The HTTP methods the adapter uses. */
export type GraphMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** Options of one request. */
export interface GraphRequestOptions {
  body?: unknown;
  headers?: Record<string, string>;
  /** A POST that may be sent twice without harm (e.g. a `$batch` of reads). Default: false for POST, true otherwise. */
  safeToRepeat?: boolean;
}

/** A successful response: status, headers and the parsed JSON body (undefined for 204). */
export interface GraphResponse<T> {
  status: number;
  headers: Headers;
  body: T;
}

/**
 * Microsoft Graph, through the official SDK with Tandem's middleware chain (auth → retry → mailbox concurrency →
 * timeout → HTTP: `fetch`, or `XMLHttpRequest` in a browser page).
 * Every non-2xx answer becomes a {@link GraphError}; retryable ones have been retried first.
 */
export class GraphClient {
  /** The SDK client, for callers that need something the adapter does not wrap. */
  readonly sdk: Client;
  /** The root every path is relative to, e.g. `http://127.0.0.1:PORT/v1.0`. */
  readonly baseUrl: string;
  /** The retry policy in force (the batch helper reuses it for throttled sub-requests). */
  readonly retryPolicy: RetryPolicy;
  private readonly batcher: ReadBatcher | undefined;

  constructor(options: GraphClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    const url = new URL(this.baseUrl);
    const segments = url.pathname.split('/').filter(Boolean);
    const version = segments.pop() ?? 'v1.0';
    const host = `${url.origin}${segments.length ? '/' + segments.join('/') : ''}`;
    this.retryPolicy = { ...defaultRetryPolicy, ...options.retry };
    const chain = [
      new AuthMiddleware(options.tokenProvider, options.scopes ?? defaultScopes),
      new RetryMiddleware(this.retryPolicy, (event) => options.logger?.debug('graph: retrying', { ...event })),
      new MailboxConcurrencyMiddleware(options.mailboxConcurrency ?? 4),
      new TimeoutMiddleware(options.timeoutMs ?? 60_000),
      // A browser page sends with XMLHttpRequest, which hands a large body to the page sooner (see XhrMessageHandler).
      typeof XMLHttpRequest === 'function' ? new XhrMessageHandler() : new HTTPMessageHandler(),
    ];
    this.sdk = Client.initWithMiddleware({ baseUrl: host, defaultVersion: version, middleware: chain });
    this.batcher = options.batchReads ? new ReadBatcher(this) : undefined;
  }

  /** Sends one request. `path` is relative to {@link baseUrl} (`/sites/root`) or an absolute link Graph returned. */
  request<T = unknown>(
    method: GraphMethod,
    path: string,
    options: GraphRequestOptions = {},
  ): Promise<GraphResponse<T>> {
    const relative = this.relativePath(path);
    if (method === 'GET' && this.batcher && ReadBatcher.batches(relative)) {
      return this.batcher.get(relative, options.headers) as Promise<GraphResponse<T>>;
    }
    return this.send(method, relative, options);
  }

  /** Sends one request on its own, never in a batch. `relative` is relative to {@link baseUrl}. */
  async send<T = unknown>(
    method: GraphMethod,
    relative: string,
    options: GraphRequestOptions = {},
  ): Promise<GraphResponse<T>> {
    const label = `${method} ${relative.split('?')[0]}`;
    let request: GraphRequest = this.sdk.api(relative).responseType(ResponseType.RAW);
    if (options.headers) request = request.headers(options.headers);
    if (options.safeToRepeat !== undefined) {
      request = request.middlewareOptions([new RetryRequestOptions(options.safeToRepeat)]);
    }
    let response: Response;
    try {
      response = (await sendWith(request, method, options.body)) as Response;
    } catch (error) {
      throw toGraphError(label, error);
    }
    const body = await readBody(response, label);
    if (!response.ok) throw graphErrorFromResponse(label, response.status, response.headers, body);
    return { status: response.status, headers: response.headers, body: body as T };
  }

  /** GET and return the body. */
  async get<T = unknown>(path: string, headers?: Record<string, string>): Promise<T> {
    return (await this.request<T>('GET', path, headers ? { headers } : {})).body;
  }

  /** POST and return the body. */
  async post<T = unknown>(path: string, body: unknown, options: Omit<GraphRequestOptions, 'body'> = {}): Promise<T> {
    return (await this.request<T>('POST', path, { ...options, body })).body;
  }

  /** PATCH and return the body. */
  async patch<T = unknown>(path: string, body: unknown, headers?: Record<string, string>): Promise<T> {
    return (await this.request<T>('PATCH', path, headers ? { body, headers } : { body })).body;
  }

  /** DELETE. */
  async delete(path: string, headers?: Record<string, string>): Promise<void> {
    await this.request('DELETE', path, headers ? { headers } : {});
  }

  /** `path` relative to {@link baseUrl}: absolute links from Graph (`@odata.nextLink`) are cut back to their path. */
  relativePath(path: string): string {
    if (path.startsWith(this.baseUrl + '/')) return path.slice(this.baseUrl.length);
    if (/^https?:\/\//.test(path)) {
      const url = new URL(path);
      const base = new URL(this.baseUrl);
      if (url.origin === base.origin && url.pathname.startsWith(base.pathname)) {
        return url.pathname.slice(base.pathname.length) + url.search;
      }
      return path;
    }
    return path.startsWith('/') ? path : '/' + path;
  }
}

/** Builds the {@link GraphClient} every host hands down to the adapter. */
export function createGraphClient(options: GraphClientOptions): GraphClient {
  return new GraphClient(options);
}

function sendWith(request: GraphRequest, method: GraphMethod, body: unknown): Promise<unknown> {
  switch (method) {
    case 'GET':
      return request.get();
    case 'POST':
      return request.post(body);
    case 'PATCH':
      return request.patch(body);
    case 'PUT':
      return request.put(body);
    case 'DELETE':
      return request.delete();
  }
}

async function readBody(response: Response, label: string): Promise<unknown> {
  if (response.status === 204) return undefined;
  const text = await response.text();
  if (text === '') return undefined;
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new GraphError({
      code: 'invalidResponse',
      status: response.status,
      message: 'the response is not valid JSON',
      request: label,
      cause: error,
    });
  }
}

function toGraphError(label: string, error: unknown): GraphError {
  if (error instanceof GraphError) return error;
  // The SDK wraps middleware errors in its own GraphError, keeping the original error's name as `code`.
  const name = errorName(error);
  const timeout = name === 'TimeoutError' || name === 'AbortError';
  return new GraphError({
    code: timeout ? 'timeout' : 'connectionFailed',
    status: 0,
    message: describe(error),
    request: label,
    // A POST that lost its connection may have been applied; anything else was retried and is known not to matter.
    ambiguous: label.startsWith('POST ') || name === DroppedConnectionError.name,
    cause: error,
  });
}

function errorName(error: unknown): string {
  if (!(error instanceof Error)) return '';
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : error.name;
}

function describe(error: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = error; e instanceof Error && parts.length < 4; e = e.cause) parts.push(e.message);
  return parts.join(': ') || String(error);
}
