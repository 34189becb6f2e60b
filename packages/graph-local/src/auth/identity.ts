import type { Database } from 'better-sqlite3';
import type { Identity } from '@microsoft/microsoft-graph-types';
import { prepared } from '../db/prepared.js';

/** A user as Graph names one in `createdBy.user` and the like: id, display name, email. */
export function userIdentity(db: Database, userId: string): Identity & { email?: string } {
  const row = prepared(db, 'SELECT id, upn, display_name FROM users WHERE id = ?').get(userId) as
    { id: string; upn: string; display_name: string } | undefined;
  if (!row) return { id: userId, displayName: 'Unknown user' };
  return { email: row.upn, id: row.id, displayName: row.display_name };
}

/** The SharePoint site user id (an integer, as `AuthorLookupId` and person fields carry) of a user. */
export function siteUserId(db: Database, userId: string): number {
  const row = prepared(db, 'SELECT rowid AS n FROM users WHERE id = ?').get(userId) as { n: number } | undefined;
  return row?.n ?? 0;
}
