import { request } from 'node:http';
import { startGraphLocal, type GraphLocalServer } from '@tandem/graph-local';
import {
  createGraphClient,
  localTokenProvider,
  provision,
  resolveSite,
  type GraphClient,
  type SiteLists,
} from '@tandem/graph';

/** Retries as a host would make them, with waits short enough for a matrix of runs. */
export const suiteRetry = { baseDelayMs: 5, maxDelayMs: 50, maxRetries: 10 };

/** A local Graph server for one suite, signed in as anyone of the local tenant, with its `/_local` endpoints. */
export interface SuiteServer {
  server: GraphLocalServer;
  origin: string;
  url: string;
  /** A client signed in as `user` (Adele by default), retrying as a host does but with short waits. */
  client(user?: string): GraphClient;
  /** `POST /_local/{path}`, failing on any error answer. */
  local(method: string, path: string, body?: unknown): Promise<unknown>;
  /** Provisions the root site's lists (idempotent). */
  site(): Promise<SiteLists>;
  close(): Promise<void>;
}

/**
 * Calls a local endpoint of the server at `origin`, on a fresh connection each time: a pooled keep-alive socket may be
 * one the server is closing (or one to an earlier server on the same port), which would fail the call for no reason.
 */
export function callLocal(origin: string, method: string, path: string, body?: unknown): Promise<unknown> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      `${origin}/_local/${path}`,
      {
        method,
        agent: false,
        headers:
          payload === undefined
            ? {}
            : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (d: string) => (text += d));
        res.on('end', () => {
          if ((res.statusCode ?? 500) >= 400) reject(new Error(`${method} /_local/${path}: ${res.statusCode} ${text}`));
          else resolve(text ? (JSON.parse(text) as unknown) : undefined);
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** Starts an in-memory (or folder-backed) local Graph server in this process. */
export async function startSuiteServer(options: { dataDir?: string; port?: number } = {}): Promise<SuiteServer> {
  const server = await startGraphLocal(
    options.dataDir ? { port: options.port ?? 0, dataDir: options.dataDir } : { port: options.port ?? 0, memory: true },
  );
  return suiteServerAt(server.origin, server.url, () => server.close(), server);
}

/** The suite helpers for a server already listening at `origin` (e.g. a child process). */
export function suiteServerAt(
  origin: string,
  url: string,
  close: () => Promise<void>,
  server?: GraphLocalServer,
): SuiteServer {
  let lists: Promise<SiteLists> | undefined;
  const client = (user = 'adele@contoso.test') =>
    createGraphClient({ baseUrl: url, tokenProvider: localTokenProvider(origin, user), retry: suiteRetry });
  return {
    server: server as GraphLocalServer,
    origin,
    url,
    client,
    local: (method, path, body) => callLocal(origin, method, path, body),
    site: () => {
      lists ??= (async () => {
        const c = client();
        const site = await resolveSite(c, 'root');
        const result = await provision(c, site.id);
        return { siteId: site.id, listIds: result.listIds };
      })();
      return lists;
    },
    close,
  };
}
