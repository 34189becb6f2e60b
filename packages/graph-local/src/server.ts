import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { openDatabase } from './db/open.js';
import { GraphService, headerValue, jsonContentType } from './graphService.js';
import type { ServiceResponse } from './graphService.js';
import { systemClock } from './http/clock.js';
import type { ServerClock } from './http/clock.js';
import { errorBody } from './http/errorBody.js';
import { GraphError, badRequest } from './http/graphError.js';
import { matchPattern } from './http/router.js';
import { localRoutes } from './local/localRoutes.js';
import type { LocalRoute } from './local/localRoutes.js';
import { graphRoutes, localSeedRoutes } from './routes.js';
import { handleBatch } from './batch/batch.js';
import { ensureRootSite } from './sites/siteStore.js';
import { toJsonText } from './http/rawJson.js';

/** Options of `startGraphLocal`. */
export interface GraphLocalOptions {
  /** The port to listen on; 0 (the default) picks a free one. */
  port?: number;
  /** The interface to listen on. Default 127.0.0.1. */
  host?: string;
  /** The folder holding `graph.sqlite`; the data survives restarts. */
  dataDir?: string;
  /** Keep everything in memory (the default when no dataDir is given). */
  memory?: boolean;
  /** Receives one line per request and any unexpected error. */
  log?: (line: string) => void;
  /** The domain of the local tenant's users. Default `contoso.test`. */
  tenantDomain?: string;
  /** The SharePoint host name of the local tenant. Default `contoso.sharepoint.com`. */
  sharePointHostname?: string;
  /** The clock, for tests of expiry. */
  clock?: ServerClock;
  /**
   * SharePoint's budget of resource units a minute per app (1,200–6,000 in a real tenant, by licence count);
   * beyond it SharePoint requests are throttled with 429. Unlimited by default; also set by `POST /_local/limits`.
   */
  resourceUnitsPerMinute?: number;
}

/** A running local Graph server. */
export interface GraphLocalServer {
  /** The Graph service root, `http://127.0.0.1:PORT/v1.0`. */
  url: string;
  /** `http://127.0.0.1:PORT`, where `/_local/*` lives. */
  origin: string;
  port: number;
  /** Stops listening and closes the database. */
  close(): Promise<void>;
}

/** The largest request body accepted; Graph refuses bigger bodies with 413. */
export const maxBodyBytes = 4 * 1024 * 1024;

/** Starts the local Graph-compatible server and resolves once it listens. */
export async function startGraphLocal(options: GraphLocalOptions = {}): Promise<GraphLocalServer> {
  if (options.dataDir && options.memory) throw new Error('Give either dataDir or memory, not both.');
  const db = openDatabase(options.dataDir ? { dataDir: options.dataDir } : { memory: true });
  const clock = options.clock ?? systemClock;
  const log = options.log ?? (() => undefined);
  const sharePointHostname = options.sharePointHostname ?? 'contoso.sharepoint.com';
  db.transaction(() => ensureRootSite(db, sharePointHostname, clock.now()))();
  const service = new GraphService(
    db,
    clock,
    options.tenantDomain ?? 'contoso.test',
    sharePointHostname,
    graphRoutes,
    handleBatch,
    log,
  );
  service.resourceUnitsPerMinute = options.resourceUnitsPerMinute;
  const local = [...localRoutes, ...localSeedRoutes];

  const server = createServer((req, res) => {
    const started = Date.now();
    handle(service, local, req, res)
      .catch((error: unknown) => {
        log(`unexpected error: ${(error as Error).stack ?? String(error)}`);
        if (!res.headersSent) send(res, 500, {}, { error: { code: 'generalException', message: 'Unexpected error.' } });
      })
      .finally(() => log(`${req.method} ${req.url} ${res.statusCode} ${Date.now() - started}ms`));
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const host = options.host ?? '127.0.0.1';
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  service.serviceRoot = `${origin}/v1.0`;
  let closed: Promise<void> | undefined;
  return {
    url: service.serviceRoot,
    origin,
    port,
    close: () =>
      (closed ??= new Promise<void>((resolve, reject) => {
        server.close((error) => {
          db.close();
          if (error) reject(error);
          else resolve();
        });
        server.closeAllConnections();
      })),
  };
}

async function handle(
  service: GraphService,
  local: LocalRoute[],
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const requestId = randomUUID();
  const clientRequestId = headerValue(req.headers['client-request-id']) ?? requestId;
  const fail = (error: GraphError) =>
    send(
      res,
      error.status,
      { 'request-id': requestId, 'client-request-id': clientRequestId, ...error.headers },
      errorBody(error, service.clock.now(), requestId, clientRequestId),
    );
  const rawUrl = req.url ?? '/';
  if (req.method === 'OPTIONS') {
    // A browser's CORS preflight: Graph allows any origin with a bearer token, and so does the local server.
    res.statusCode = 204;
    res.setHeader('access-control-allow-origin', '*');
    res.setHeader('access-control-allow-methods', 'GET, POST, PATCH, PUT, DELETE, OPTIONS');
    res.setHeader('access-control-allow-headers', headerValue(req.headers['access-control-request-headers']) ?? '*');
    res.setHeader('access-control-max-age', '600');
    res.end();
    return;
  }
  let body: unknown;
  try {
    body = await readJsonBody(req);
  } catch (error) {
    if (error instanceof GraphError) {
      if (error.status === 413) res.setHeader('connection', 'close');
      fail(error);
      return;
    }
    throw error;
  }
  const url = new URL(rawUrl, 'http://local');
  if (url.pathname.startsWith('/_local/')) {
    try {
      const { route, params } = findLocalRoute(local, req.method ?? 'GET', url.pathname);
      const result = route.handler(service, {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        body,
        params,
      });
      send(res, result.status, { 'request-id': requestId, 'client-request-id': clientRequestId }, result.body);
    } catch (error) {
      if (error instanceof GraphError) fail(error);
      else throw error;
    }
    return;
  }
  const versionMatch = /^\/v1\.0(\/.*)?$/i.exec(url.pathname);
  if (!versionMatch) {
    const version = url.pathname.split('/')[1] ?? '';
    fail(badRequest(`Invalid version: ${version}`));
    return;
  }
  const target = (versionMatch[1] ?? '/') + url.search;
  const serviceRoot = forwardedServiceRoot(req.headers);
  const response: ServiceResponse = await service.execute(
    { method: req.method ?? 'GET', target, headers: req.headers, body, ...(serviceRoot ? { serviceRoot } : {}) },
    false,
  );
  if (response.reset) {
    req.socket.destroy();
    return;
  }
  send(res, response.status, response.headers, response.body);
}

/**
 * The service root a proxy in front of the server forwarded the request under, from the de facto standard
 * `X-Forwarded-Proto`, `X-Forwarded-Host` and `X-Forwarded-Prefix` headers (all three, well formed), so that links
 * in answers lead back through the proxy; else undefined (the server's own root). The headers only shape the links in
 * the answer to the request that carries them.
 */
export function forwardedServiceRoot(headers: IncomingMessage['headers']): string | undefined {
  const proto = headerValue(headers['x-forwarded-proto']);
  const host = headerValue(headers['x-forwarded-host']);
  const prefix = headerValue(headers['x-forwarded-prefix']);
  if (proto === undefined || host === undefined || prefix === undefined) return undefined;
  if (!/^https?$/.test(proto)) return undefined;
  if (!/^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/.test(host)) return undefined;
  if (!/^(?:\/(?!\.\.?(?:\/|$))[A-Za-z0-9._~-]+)*$/.test(prefix)) return undefined;
  return `${proto}://${host}${prefix}/v1.0`;
}

function send(res: ServerResponse, status: number, headers: Record<string, string>, body: unknown): void {
  res.statusCode = status;
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  res.setHeader('content-type', jsonContentType);
  res.setHeader('access-control-allow-origin', '*');
  res.setHeader('access-control-expose-headers', 'request-id, client-request-id, retry-after, etag, location');
  if (body === undefined || status === 204) {
    res.end();
    return;
  }
  res.end(toJsonText(body));
}

/** Reads the request body (at most 4 MB) and parses it as JSON; empty is undefined. */
function readJsonBody(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? '0');
    if (declared > maxBodyBytes) {
      req.resume();
      reject(tooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > maxBodyBytes) {
        failed = true;
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('error', (error) => {
      if (!failed) reject(error);
    });
    req.on('end', () => {
      if (failed) return;
      const text = Buffer.concat(chunks).toString('utf8');
      if (text.trim() === '') {
        resolve(undefined);
        return;
      }
      try {
        resolve(JSON.parse(text));
      } catch (error) {
        reject(
          badRequest(
            `Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format. (${(error as Error).message})`,
          ),
        );
      }
    });
  });
}

function tooLarge(): GraphError {
  return new GraphError(413, 'RequestEntityTooLarge', `The request body exceeds the maximum of ${maxBodyBytes} bytes.`);
}

function findLocalRoute(
  routes: LocalRoute[],
  method: string,
  path: string,
): { route: LocalRoute; params: Record<string, string> } {
  let pathKnown = false;
  for (const route of routes) {
    const params = matchPattern(route.pattern, path);
    if (params) for (const key of Object.keys(params)) params[key] = decodeSegment(params[key]!);
    if (!params) continue;
    if (route.method === method) return { route, params };
    pathKnown = true;
  }
  if (pathKnown) throw new GraphError(405, 'BadRequest', `The HTTP method '${method}' is not allowed on ${path}.`);
  throw new GraphError(404, 'NotFound', `No local endpoint at ${path}.`);
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch (error) {
    throw badRequest(`The path segment '${segment}' is not valid: ${(error as Error).message}.`);
  }
}
