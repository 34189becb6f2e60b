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

/**
 * {@link userIdentity} and {@link siteUserId} remembered for the span of one request: a page of list items names the
 * same few authors thousands of times, and each look-up is otherwise a query.
 */
export class UserLookup {
  private readonly identities = new Map<string, Identity & { email?: string }>();
  private readonly siteIds = new Map<string, number>();

  constructor(private readonly db: Database) {}

  /** The user's identity (see {@link userIdentity}); the caller must not change the object, it is shared. */
  identity(userId: string): Identity & { email?: string } {
    let found = this.identities.get(userId);
    if (!found) {
      found = userIdentity(this.db, userId);
      this.identities.set(userId, found);
    }
    return found;
  }

  /** The user's site user id (see {@link siteUserId}). */
  siteUserId(userId: string): number {
    let found = this.siteIds.get(userId);
    if (found === undefined) {
      found = siteUserId(this.db, userId);
      this.siteIds.set(userId, found);
    }
    return found;
  }
}
