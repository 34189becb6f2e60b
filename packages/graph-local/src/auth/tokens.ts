import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { readMeta } from '../db/schema.js';
import { GraphError, badRequest } from '../http/graphError.js';
import { prepared } from '../db/prepared.js';

/**
 * A user's permission level on the sites: `member` edits list items (SharePoint's Members group), `reader` only reads
 * them (Visitors); writes of a reader are refused with 403 accessDenied.
 */
export type SiteRole = 'member' | 'reader';

/** The permission levels `POST /_local/token` accepts. */
export const siteRoles: readonly SiteRole[] = ['member', 'reader'];

/** Who is calling: the user `/me` means, the app the calls are billed to, and the user's permission on the sites. */
export interface Principal {
  userId: string;
  upn: string;
  displayName: string;
  appId: string;
  siteRole: SiteRole;
}

/** A user of the local tenant. */
export interface LocalUser {
  id: string;
  upn: string;
  displayName: string;
}

interface TokenPayload {
  sub: string;
  upn: string;
  app: string;
  iat: number;
  exp: number;
}

/** The app id a token is issued to when the caller names none. */
export const defaultAppId = 'tandem-local';

/** Issues and checks the local server's bearer tokens: HMAC-SHA256 with a secret kept in the data folder. */
export class TokenIssuer {
  private readonly secret: Buffer;

  constructor(
    private readonly db: Database,
    private readonly tenantDomain: string,
  ) {
    const hex = readMeta(db, 'token_secret');
    if (!hex) throw new Error('The database has no token secret; was it migrated?');
    this.secret = Buffer.from(hex, 'hex');
  }

  /** Signs a token for `upn` (created in the local tenant if new), valid `expiresIn` seconds from `now`. */
  issue(upn: string, appId: string, expiresIn: number, now: Date): { token: string; user: LocalUser } {
    const user = this.ensureUser(upn, now);
    const iat = Math.floor(now.getTime() / 1000);
    const payload: TokenPayload = { sub: user.id, upn: user.upn, app: appId, iat, exp: iat + expiresIn };
    const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
    return { token: `${body}.${this.sign(body)}`, user };
  }

  /** Checks an `Authorization` header value; throws 401 InvalidAuthenticationToken as Graph does. */
  verify(authorization: string | undefined, now: Date): Principal {
    if (!authorization) throw unauthorized('Access token is empty.');
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match) throw unauthorized('Access token validation failure. Invalid audience.');
    const [body, signature] = match[1]!.split('.');
    if (!body || !signature) throw unauthorized('IDX14100: JWT is not well formed.');
    const expected = Buffer.from(this.sign(body));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
      throw unauthorized('Access token validation failure. Invalid signature.');
    }
    let payload: TokenPayload;
    try {
      payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as TokenPayload;
    } catch (error) {
      throw unauthorized(`Access token is malformed: ${(error as Error).message}`);
    }
    if (payload.exp <= Math.floor(now.getTime() / 1000)) {
      throw unauthorized('Lifetime validation failed, the token is expired.');
    }
    const user = prepared(this.db, 'SELECT id, upn, display_name FROM users WHERE id = ?').get(payload.sub) as
      { id: string; upn: string; display_name: string } | undefined;
    if (!user) throw unauthorized('The user of this token no longer exists.');
    return {
      userId: user.id,
      upn: user.upn,
      displayName: user.display_name,
      appId: payload.app,
      siteRole: siteRoleOf(this.db, user.id),
    };
  }

  /** Sets a user's permission level on the sites; it applies to every token of that user from the next request. */
  setSiteRole(userId: string, role: SiteRole): void {
    if (role === 'member') prepared(this.db, 'DELETE FROM site_roles WHERE user_id = ?').run(userId);
    else prepared(this.db, 'INSERT OR REPLACE INTO site_roles (user_id, role) VALUES (?, ?)').run(userId, role);
  }

  /** The user with this UPN, created if the local tenant does not have it yet. */
  ensureUser(upn: string, now: Date): LocalUser {
    const normalized = upn.trim().toLowerCase();
    if (!/^[^@\s]+@[^@\s]+$/.test(normalized))
      throw badRequest(`'user' must be a user principal name like name@${this.tenantDomain}.`);
    if (!normalized.endsWith(`@${this.tenantDomain}`)) {
      throw badRequest(`'user' ${normalized} is not in the local tenant ${this.tenantDomain}.`);
    }
    const existing = findUser(this.db, normalized);
    if (existing) return existing;
    const user: LocalUser = { id: randomUUID(), upn: normalized, displayName: displayNameOf(normalized) };
    this.db
      .prepare('INSERT INTO users (id, upn, display_name, created) VALUES (?, ?, ?, ?)')
      .run(user.id, user.upn, user.displayName, now.toISOString());
    return user;
  }

  private sign(body: string): string {
    return createHmac('sha256', this.secret).update(body).digest('base64url');
  }
}

/** A user's permission level on the sites (member unless made a reader). */
export function siteRoleOf(db: Database, userId: string): SiteRole {
  const row = prepared(db, 'SELECT role FROM site_roles WHERE user_id = ?').get(userId) as
    { role: SiteRole } | undefined;
  return row?.role ?? 'member';
}

/** Finds a user by id or UPN. */
export function findUser(db: Database, idOrUpn: string): LocalUser | undefined {
  const row = prepared(db, 'SELECT id, upn, display_name FROM users WHERE id = ? OR upn = ?').get(idOrUpn, idOrUpn) as
    { id: string; upn: string; display_name: string } | undefined;
  return row ? { id: row.id, upn: row.upn, displayName: row.display_name } : undefined;
}

function unauthorized(message: string): GraphError {
  return new GraphError(401, 'InvalidAuthenticationToken', message);
}

/** `adele.vance@contoso.test` → `Adele Vance`. */
function displayNameOf(upn: string): string {
  return upn
    .split('@')[0]!
    .split(/[._-]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join(' ');
}
