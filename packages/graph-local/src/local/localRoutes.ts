import type { GraphService } from '../graphService.js';
import { badRequest } from '../http/graphError.js';
import { createSite, toSite } from '../sites/siteStore.js';
import { defaultAppId, siteRoles, type SiteRole } from '../auth/tokens.js';
import { currentChangeSeq } from '../db/schema.js';
import { prepared } from '../db/prepared.js';

/** A request to a local-only endpoint (no bearer token needed). */
export interface LocalRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
  params: Record<string, string>;
}

/** One local endpoint. */
export interface LocalRoute {
  method: 'GET' | 'POST' | 'DELETE';
  pattern: string;
  handler: (service: GraphService, request: LocalRequest) => { status: number; body?: unknown };
}

function objectBody(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw badRequest('The request body must be a JSON object.');
  return body as Record<string, unknown>;
}

/** The endpoints outside `/v1.0`: tokens, faults, usage stats, sites, delta expiry. Seeding routes are added by their modules. */
export const localRoutes: LocalRoute[] = [
  {
    method: 'POST',
    pattern: '/_local/token',
    handler: (service, req) => {
      const body = objectBody(req.body);
      if (typeof body.user !== 'string') throw badRequest(`'user' must be a user principal name.`);
      const appId = body.appId ?? defaultAppId;
      if (typeof appId !== 'string' || appId === '') throw badRequest(`'appId' must be a non-empty string.`);
      const expiresIn = body.expiresIn ?? 3600;
      if (typeof expiresIn !== 'number' || !Number.isInteger(expiresIn) || expiresIn < 0 || expiresIn > 86400) {
        throw badRequest(`'expiresIn' must be a whole number of seconds from 0 to 86400.`);
      }
      if (body.role !== undefined && !siteRoles.includes(body.role as SiteRole))
        throw badRequest(`'role' must be one of ${siteRoles.join(', ')}.`);
      const { token, user } = service.tokens.issue(body.user, appId, expiresIn, service.clock.now());
      if (body.role !== undefined) service.tokens.setSiteRole(user.id, body.role as SiteRole);
      return {
        status: 200,
        body: {
          token_type: 'Bearer',
          access_token: token,
          expires_in: expiresIn,
          user: { id: user.id, userPrincipalName: user.upn, displayName: user.displayName, mail: user.upn },
        },
      };
    },
  },
  {
    method: 'POST',
    pattern: '/_local/faults',
    handler: (service, req) => ({ status: 201, body: service.faults.add(req.body) }),
  },
  {
    method: 'GET',
    pattern: '/_local/faults',
    handler: (service) => ({ status: 200, body: { value: service.faults.list() } }),
  },
  {
    method: 'DELETE',
    pattern: '/_local/faults',
    handler: (service) => {
      service.faults.clear();
      return { status: 204 };
    },
  },
  { method: 'GET', pattern: '/_local/stats', handler: (service) => ({ status: 200, body: service.stats.snapshot() }) },
  {
    method: 'DELETE',
    pattern: '/_local/stats',
    handler: (service) => {
      service.stats.reset(service.clock.now());
      return { status: 204 };
    },
  },
  {
    method: 'GET',
    pattern: '/_local/limits',
    handler: (service) => ({ status: 200, body: { resourceUnitsPerMinute: service.resourceUnitsPerMinute ?? null } }),
  },
  {
    method: 'POST',
    pattern: '/_local/limits',
    handler: (service, req) => {
      const body = objectBody(req.body);
      const budget = body.resourceUnitsPerMinute;
      if (budget !== null && (typeof budget !== 'number' || !Number.isInteger(budget) || budget < 1)) {
        throw badRequest(`'resourceUnitsPerMinute' must be a positive whole number, or null for no limit.`);
      }
      service.resourceUnitsPerMinute = budget ?? undefined;
      return { status: 200, body: { resourceUnitsPerMinute: budget } };
    },
  },
  {
    method: 'POST',
    pattern: '/_local/sites',
    handler: (service, req) => {
      const body = objectBody(req.body);
      if (typeof body.path !== 'string') throw badRequest(`'path' must be a server-relative path like /sites/name.`);
      const displayName = typeof body.displayName === 'string' ? body.displayName : body.path.split('/').pop()!;
      const row = service.db.transaction(() =>
        createSite(service.db, service.sharePointHostname, body.path as string, displayName, service.clock.now()),
      )();
      return { status: 201, body: toSite(row) };
    },
  },
  {
    method: 'POST',
    pattern: '/_local/delta/expire',
    handler: (service) => {
      // Every delta token issued so far becomes too old, as when SharePoint's change log has moved on.
      const horizon = currentChangeSeq(service.db) + 1;
      prepared(service.db, 'UPDATE lists SET delta_horizon = ?').run(horizon);
      return { status: 204 };
    },
  },
];
