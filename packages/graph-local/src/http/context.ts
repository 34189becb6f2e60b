import type { IncomingHttpHeaders } from 'node:http';
import type { Database } from 'better-sqlite3';
import type { Principal } from '../auth/tokens.js';
import type { ServerClock } from './clock.js';

/** One request as a handler sees it, whether it came over HTTP or inside a `$batch`. */
export interface RequestContext {
  method: string;
  /** The path below `/v1.0`, decoded segment by segment, e.g. `/sites/root`. */
  path: string;
  /** Path parameters captured by the route pattern. */
  params: Record<string, string>;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** The parsed JSON body, or undefined when there was none. */
  body: unknown;
  /** The signed-in user the bearer token names. */
  principal: Principal;
  db: Database;
  clock: ServerClock;
  /** `http://127.0.0.1:PORT/v1.0`, the root of every link the server writes. */
  serviceRoot: string;
  /** Tallies SharePoint resource units for the calling app. */
  chargeResourceUnits(units: number): void;
}

/** What a handler answers: a status, a JSON body (or none), extra headers. */
export interface HandlerResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** A route handler. Throws GraphError to answer with an error. */
export type Handler = (ctx: RequestContext) => HandlerResult;

/** A JSON answer with status 200 unless told otherwise. */
export function ok(body: unknown, status = 200, headers?: Record<string, string>): HandlerResult {
  return headers ? { status, body, headers } : { status, body };
}

/** 204 No Content. */
export function noContent(): HandlerResult {
  return { status: 204 };
}
