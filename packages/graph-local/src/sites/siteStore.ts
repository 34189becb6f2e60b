import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { Site } from '@microsoft/microsoft-graph-types';
import { badRequest, notFound } from '../http/graphError.js';
import { prepared } from '../db/prepared.js';

/** A row of the sites table. */
export interface SiteRow {
  id: string;
  hostname: string;
  path: string;
  name: string;
  display_name: string;
  description: string;
  created: string;
  modified: string;
}

/** Creates the tenant's root site if the data folder has none. */
export function ensureRootSite(db: Database, hostname: string, now: Date): SiteRow {
  return findSiteByPath(db, hostname, '') ?? createSite(db, hostname, '', 'Communication site', now);
}

/** Creates a site at `path` (`/sites/name`) under `hostname`; 409 if one is there already. */
export function createSite(db: Database, hostname: string, path: string, displayName: string, now: Date): SiteRow {
  const normalized = normalizePath(path);
  if (normalized !== '' && !/^\/(sites|teams)\/[A-Za-z0-9_-]+$/.test(normalized)) {
    throw badRequest(`'path' must look like /sites/name, not '${path}'.`);
  }
  if (findSiteByPath(db, hostname, normalized)) throw badRequest(`A site already exists at ${normalized || '/'}.`);
  const row: SiteRow = {
    id: `${hostname},${randomUUID()},${randomUUID()}`,
    hostname,
    path: normalized,
    name: normalized === '' ? '' : normalized.split('/').pop()!,
    display_name: displayName,
    description: '',
    created: now.toISOString(),
    modified: now.toISOString(),
  };
  prepared(
    db,
    `INSERT INTO sites (id, hostname, path, name, display_name, description, created, modified)
     VALUES (@id, @hostname, @path, @name, @display_name, @description, @created, @modified)`,
  ).run(row);
  return row;
}

/** The site at `hostname` + `path`, if any. */
export function findSiteByPath(db: Database, hostname: string, path: string): SiteRow | undefined {
  return prepared(db, 'SELECT * FROM sites WHERE hostname = ? COLLATE NOCASE AND path = ? COLLATE NOCASE').get(
    hostname,
    normalizePath(path),
  ) as SiteRow | undefined;
}

/**
 * The site a path segment names: its composite id (`host,siteGuid,webGuid`), or the site collection id alone, or
 * `root`. 404 itemNotFound otherwise.
 */
export function requireSite(db: Database, ref: string): SiteRow {
  let row: SiteRow | undefined;
  if (ref.toLowerCase() === 'root')
    row = prepared(db, `SELECT * FROM sites WHERE path = ''`).get() as SiteRow | undefined;
  else {
    row = prepared(db, 'SELECT * FROM sites WHERE id = ? COLLATE NOCASE').get(ref) as SiteRow | undefined;
    row ??= prepared(db, `SELECT * FROM sites WHERE id LIKE ? ESCAPE '\\'`).get(`%,${escapeLike(ref)},%`) as
      SiteRow | undefined;
  }
  if (!row) throw notFound('Requested site could not be found');
  return row;
}

/** The Graph `site` resource for a row. */
export function toSite(row: SiteRow): Site {
  const site: Site = {
    createdDateTime: row.created,
    description: row.description,
    id: row.id,
    lastModifiedDateTime: row.modified,
    name: row.name || row.hostname,
    webUrl: `https://${row.hostname}${row.path}`,
    displayName: row.display_name,
    siteCollection: { hostname: row.hostname },
  };
  if (row.path === '') site.root = {};
  return site;
}

function normalizePath(path: string): string {
  const trimmed = path.trim().replace(/\/+$/, '');
  return trimmed === '' || trimmed === '/' ? '' : trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
