import { Client, HTTPMessageHandler } from '@microsoft/microsoft-graph-client';
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { startGraphLocal } from '../server.js';
import type { GraphLocalOptions, GraphLocalServer } from '../server.js';

/** Puts the bearer token on every request, for http and https alike (the SDK's own handler skips http). */
class BearerToken implements Middleware {
  private next: Middleware | undefined;

  constructor(private readonly token: string) {}

  async execute(context: Context): Promise<void> {
    const headers = new Headers((context.options?.headers as HeadersInit | undefined) ?? {});
    headers.set('Authorization', `Bearer ${this.token}`);
    context.options = { ...(context.options ?? {}), headers };
    await this.next!.execute(context);
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}

/** A running server and helpers to talk to it as one user would. */
export interface Harness {
  server: GraphLocalServer;
  /** A Graph SDK client signed in as `upn` (default adele@contoso.test). */
  client(upn?: string, appId?: string): Promise<Client>;
  /** A token for `upn`. */
  token(upn?: string, options?: { appId?: string; expiresIn?: number }): Promise<string>;
  /** A raw request to the server (for headers and error shapes the SDK hides). */
  raw(
    method: string,
    path: string,
    init?: { body?: unknown; headers?: Record<string, string>; rawBody?: string },
  ): Promise<Response>;
  /** POST to a local endpoint and parse the JSON answer. */
  local<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
  close(): Promise<void>;
}

/** Starts an in-memory server for one suite. */
export async function startHarness(options: GraphLocalOptions = {}): Promise<Harness> {
  const server = await startGraphLocal({ memory: true, ...options });
  const token = async (upn = 'adele@contoso.test', opts: { appId?: string; expiresIn?: number } = {}) => {
    const res = await fetch(`${server.origin}/_local/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user: upn, ...opts }),
    });
    if (!res.ok) throw new Error(`token for ${upn}: ${res.status} ${await res.text()}`);
    return ((await res.json()) as { access_token: string }).access_token;
  };
  const local = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${server.origin}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
  let defaultToken: string | undefined;
  return {
    server,
    token,
    local,
    async client(upn = 'adele@contoso.test', appId?: string) {
      const bearer = new BearerToken(await token(upn, appId ? { appId } : {}));
      bearer.setNext(new HTTPMessageHandler());
      return Client.initWithMiddleware({ middleware: bearer, baseUrl: server.origin, defaultVersion: 'v1.0' });
    },
    async raw(method, path, init = {}) {
      defaultToken ??= await token();
      return fetch(`${server.url}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${defaultToken}`,
          'content-type': 'application/json',
          ...(init.headers ?? {}),
        },
        body: init.rawBody ?? (init.body === undefined ? undefined : JSON.stringify(init.body)),
      });
    },
    close: () => server.close(),
  };
}

/** What a failed SDK request tells: status, Graph's error code and message, innerError, response headers. */
export interface SdkGraphError {
  statusCode: number;
  code: string;
  message: string;
  innerError: Record<string, string>;
  headers: Headers | undefined;
}

/** Reads the SDK's GraphError (whose `body` is the JSON of Graph's `error` object). */
export function graphErrorOf(error: unknown): SdkGraphError {
  const e = error as { statusCode?: number; code?: string; body?: unknown; message?: string; headers?: Headers };
  const body =
    typeof e.body === 'string' ? (JSON.parse(e.body) as { message?: string; innerError?: Record<string, string> }) : {};
  return {
    statusCode: e.statusCode ?? 0,
    code: e.code ?? '',
    message: body.message ?? e.message ?? '',
    innerError: body.innerError ?? {},
    headers: e.headers,
  };
}

/** Runs `action` and returns the Graph error it must fail with. */
export async function expectGraphError(action: () => Promise<unknown>): Promise<SdkGraphError> {
  try {
    await action();
  } catch (error) {
    return graphErrorOf(error);
  }
  throw new Error('expected the request to fail');
}
