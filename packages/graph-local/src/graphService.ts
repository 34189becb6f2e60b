import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { Database, Transaction } from 'better-sqlite3';
import { TokenIssuer } from './auth/tokens.js';
import type { Principal } from './auth/tokens.js';
import type { HandlerResult, RequestContext } from './http/context.js';
import type { ServerClock } from './http/clock.js';
import { errorBody } from './http/errorBody.js';
import { GraphError, notFound } from './http/graphError.js';
import { Router } from './http/router.js';
import type { Route } from './http/router.js';
import { FaultInjector } from './local/faults.js';
import { UsageStats } from './local/usageStats.js';
import { findSiteByPath } from './sites/siteStore.js';

/** A request to answer, from the wire or from inside a `$batch`. */
export interface ServiceRequest {
  method: string;
  /** The path and query below `/v1.0`, e.g. `/sites/root?$select=id`. */
  target: string;
  headers: IncomingHttpHeaders;
  body: unknown;
  /**
   * The service root that links in the answer name (`@odata.nextLink`, `@odata.context`…): the server's own unless a
   * proxy in front of it forwarded the request (see `forwardedServiceRoot`).
   */
  serviceRoot?: string;
}

/** An answer: status, headers (lower-case names), JSON body or none; `reset` drops the connection instead. */
export interface ServiceResponse {
  status: number;
  headers: Record<string, string>;
  body?: unknown;
  reset?: boolean;
}

/** Handles `$batch`, given the service to run each sub-request through. */
export type BatchHandler = (
  service: GraphService,
  request: ServiceRequest,
  principal: Principal,
) => Promise<{ status: number; body: unknown }>;

/** Graph's JSON content type, which the Graph SDK looks for before parsing a body. */
export const jsonContentType =
  'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

/**
 * The Graph service behind the HTTP server: authenticates, injects faults, counts usage, routes, and runs
 * every request in one SQLite transaction, so a failed write leaves nothing behind.
 */
export class GraphService {
  readonly tokens: TokenIssuer;
  readonly faults = new FaultInjector();
  readonly stats = new UsageStats();
  private readonly router: Router;
  /** One transaction wrapper for every request: better-sqlite3 prepares BEGIN/COMMIT each time one is made. */
  private readonly inTransaction: Transaction<(work: () => HandlerResult) => HandlerResult>;
  serviceRoot = '';
  /** SharePoint's per-app budget of resource units a minute; undefined means unlimited. */
  resourceUnitsPerMinute: number | undefined;

  constructor(
    readonly db: Database,
    readonly clock: ServerClock,
    readonly tenantDomain: string,
    readonly sharePointHostname: string,
    routes: Route[],
    private readonly batch: BatchHandler,
    private readonly log: (line: string) => void,
  ) {
    this.tokens = new TokenIssuer(db, tenantDomain);
    this.router = new Router(routes);
    this.inTransaction = db.transaction((work: () => HandlerResult) => work());
  }

  /** Answers one request; never throws. `batched` marks a sub-request of a `$batch`. */
  async execute(request: ServiceRequest, batched: boolean, principalOfBatch?: Principal): Promise<ServiceResponse> {
    const requestId = randomUUID();
    const clientRequestId = headerValue(request.headers['client-request-id']) ?? requestId;
    const ids = { 'request-id': requestId, 'client-request-id': clientRequestId };
    let principal: Principal | undefined;
    try {
      principal = principalOfBatch ?? this.tokens.verify(headerValue(request.headers.authorization), this.clock.now());
      this.stats.countRequest(principal.appId, batched);
      const fault = this.faults.decide(request.method, `/v1.0${request.target}`, !batched);
      if (fault.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
      if (fault.before.reset) return { status: 0, headers: {}, reset: true };
      if (fault.before.status !== undefined) throw injectedFault(fault.before.status, fault.before.retryAfter);
      const url = new URL(request.target, 'http://local');
      const path = decodePath(url.pathname);
      this.checkResourceBudget(principal.appId, path);
      let response: ServiceResponse;
      if (!batched && path.toLowerCase() === '/$batch' && request.method === 'POST') {
        const result = await this.batch(this, request, principal);
        response = { status: result.status, headers: ids, body: result.body };
      } else {
        const result = this.run(request, principal, path, url.searchParams);
        response = { status: result.status, headers: { ...ids, ...(result.headers ?? {}) }, body: result.body };
      }
      // The request is applied and committed by now: an "after" fault loses its answer, not its effect.
      if (fault.after.reset) return { status: 0, headers: {}, reset: true };
      if (fault.after.status !== undefined) throw injectedFault(fault.after.status, fault.after.retryAfter);
      return response;
    } catch (error) {
      const graphError = toGraphError(error, this.log);
      if (principal && (graphError.status === 429 || graphError.status === 503))
        this.stats.countThrottled(principal.appId);
      return {
        status: graphError.status,
        headers: { ...ids, ...graphError.headers },
        body: errorBody(graphError, this.clock.now(), requestId, clientRequestId),
      };
    }
  }

  private run(request: ServiceRequest, principal: Principal, rawPath: string, query: URLSearchParams) {
    const path = this.resolveSitePath(rawPath);
    const { handler, params } = this.router.match(request.method, path);
    // SharePoint's permission levels: a site reader (Visitors) reads lists and items but changes nothing.
    if (principal.siteRole === 'reader' && request.method !== 'GET' && /^\/sites\//i.test(path)) {
      throw new GraphError(
        403,
        'accessDenied',
        'Access denied. You do not have permission to perform this action or access this resource.',
      );
    }
    const ctx: RequestContext = {
      method: request.method,
      path: rawPath,
      params,
      query,
      headers: request.headers,
      body: request.body,
      principal,
      db: this.db,
      clock: this.clock,
      serviceRoot: request.serviceRoot ?? this.serviceRoot,
      chargeResourceUnits: (units) => this.stats.charge(principal.appId, units, this.clock.now()),
    };
    // Writes take the write lock up front so concurrent writers queue on busy_timeout instead of failing.
    const work = () => handler(ctx);
    return request.method === 'GET' ? this.inTransaction.deferred(work) : this.inTransaction.immediate(work);
  }

  /** Throttles a SharePoint request (429 with Retry-After) once the app has spent its resource units for the minute. */
  private checkResourceBudget(appId: string, path: string): void {
    if (this.resourceUnitsPerMinute === undefined || !/^\/sites\//i.test(path)) return;
    const { units, secondsUntilRelief } = this.stats.lastMinute(appId, this.clock.now());
    if (units < this.resourceUnitsPerMinute) return;
    throw new GraphError(
      429,
      'TooManyRequests',
      `The app has used its ${this.resourceUnitsPerMinute} SharePoint resource units for this minute.`,
      { 'retry-after': String(secondsUntilRelief) },
    );
  }

  /** Turns `/sites/{hostname}:/{server-relative path}[:/rest]` into `/sites/{id}[/rest]`. */
  private resolveSitePath(path: string): string {
    const m = /^\/sites\/([^/:]+):(\/[^:]*)?(?::(\/.*)?)?$/i.exec(path);
    if (!m) return path;
    const hostname = m[1]!;
    const site =
      hostname.toLowerCase() === this.sharePointHostname.toLowerCase()
        ? findSiteByPath(this.db, hostname, m[2] ?? '')
        : undefined;
    if (!site) throw notFound('Requested site could not be found');
    return `/sites/${site.id}${m[3] ?? ''}`;
  }
}

function injectedFault(status: number, retryAfter: number | undefined): GraphError {
  const headers: Record<string, string> = {};
  // Graph always tells a throttled client when to come back; one second unless the rule says otherwise.
  if (retryAfter !== undefined || status === 429 || status === 503) headers['retry-after'] = String(retryAfter ?? 1);
  if (status === 429)
    return new GraphError(
      429,
      'TooManyRequests',
      'Too many requests. Retry after the time in the Retry-After header.',
      headers,
    );
  if (status === 503)
    return new GraphError(
      503,
      'serviceNotAvailable',
      'The service is temporarily unavailable. Retry after the time in the Retry-After header.',
      headers,
    );
  return new GraphError(
    status,
    status >= 500 ? 'generalException' : 'BadRequest',
    `Injected fault with status ${status}.`,
    headers,
  );
}

function toGraphError(error: unknown, log: (line: string) => void): GraphError {
  if (error instanceof GraphError) return error;
  const code = (error as { code?: unknown }).code;
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return new GraphError(503, 'serviceNotAvailable', 'The store is busy; retry shortly.', { 'retry-after': '1' });
  }
  log(`unexpected error: ${(error as Error).stack ?? String(error)}`);
  return new GraphError(500, 'generalException', 'An unexpected error occurred while processing the request.');
}

function decodePath(pathname: string): string {
  try {
    return pathname
      .split('/')
      .map((s) => decodeURIComponent(s))
      .join('/');
  } catch (error) {
    throw new GraphError(400, 'BadRequest', `The request path is not valid: ${(error as Error).message}.`);
  }
}

/** The first value of a header. */
export function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
