import type { Handler } from './context.js';
import { GraphError, badRequest } from './graphError.js';

/** One row of the route table: a method, a pattern of `/literal/:param` segments, a handler. */
export interface Route {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT';
  pattern: string;
  handler: Handler;
}

interface CompiledRoute extends Route {
  segments: string[];
}

/** A match: the handler and the parameters captured from the path. */
export interface RouteMatch {
  handler: Handler;
  params: Record<string, string>;
}

/**
 * Matches request paths against a table of routes. Literal segments compare case-insensitively, as Graph's
 * segments do; a path no route knows is Graph's 400 "Resource not found for the segment", a known path with
 * another method is 405.
 */
export class Router {
  private readonly routes: CompiledRoute[];

  constructor(routes: Route[]) {
    this.routes = routes.map((r) => ({ ...r, segments: split(r.pattern) }));
  }

  /** Finds the route for `method` and `path` (already below `/v1.0`), or throws the error Graph would answer. */
  match(method: string, path: string): RouteMatch {
    const parts = split(path);
    let pathKnown = false;
    let deepest = 0;
    for (const route of this.routes) {
      const { params, matched } = matchSegments(route.segments, parts);
      deepest = Math.max(deepest, matched);
      if (!params) continue;
      pathKnown = true;
      if (route.method === method) return { handler: route.handler, params };
    }
    if (pathKnown)
      throw new GraphError(405, 'BadRequest', `The HTTP method '${method}' is not allowed on this resource.`);
    const segment = parts[deepest] ?? parts[parts.length - 1] ?? '';
    throw badRequest(`Resource not found for the segment '${segment}'.`);
  }
}

function split(path: string): string[] {
  return path.split('/').filter((s) => s.length > 0);
}

function matchSegments(pattern: string[], parts: string[]): { params?: Record<string, string>; matched: number } {
  const params: Record<string, string> = {};
  let i = 0;
  for (; i < pattern.length && i < parts.length; i++) {
    const p = pattern[i]!;
    const part = parts[i]!;
    if (p.startsWith(':')) params[p.slice(1)] = part;
    else if (p.toLowerCase() !== part.toLowerCase()) return { matched: i };
  }
  if (pattern.length !== parts.length) return { matched: i };
  return { params, matched: i };
}

/** Matches one `/literal/:param` pattern against a path; the captured parameters, or undefined. */
export function matchPattern(pattern: string, path: string): Record<string, string> | undefined {
  return matchSegments(split(pattern), split(path)).params;
}
