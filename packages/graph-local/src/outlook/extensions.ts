import type { Database } from 'better-sqlite3';
import type { OpenTypeExtension } from '@microsoft/microsoft-graph-types';
import { GraphError, badRequest } from '../http/graphError.js';
import type { MailboxItemKind } from './mailboxItems.js';
import { prepared } from '../db/prepared.js';

/** Outlook's prefix of an open extension's id. */
const idPrefix = 'Microsoft.OutlookServices.OpenTypeExtension.';

/** The name an extension id or name refers to (`Microsoft.OutlookServices.OpenTypeExtension.Com.X` → `Com.X`). */
export function extensionNameOf(ref: string): string {
  return ref.startsWith(idPrefix) ? ref.slice(idPrefix.length) : ref;
}

/** An open extension as Graph returns it. */
export function renderExtension(name: string, data: Record<string, unknown>): OpenTypeExtension {
  return {
    '@odata.type': '#microsoft.graph.openTypeExtension',
    id: `${idPrefix}${name}`,
    extensionName: name,
    ...data,
  } as OpenTypeExtension;
}

/** The extensions of one item. */
export function extensionsOf(db: Database, kind: MailboxItemKind, ownerId: string): OpenTypeExtension[] {
  const rows = db
    .prepare('SELECT name, data FROM extensions WHERE owner_kind = ? AND owner_id = ? ORDER BY name')
    .all(kind, ownerId) as { name: string; data: string }[];
  return rows.map((r) => renderExtension(r.name, JSON.parse(r.data) as Record<string, unknown>));
}

/** One extension of an item, or 404 ErrorItemNotFound. */
export function requireExtension(db: Database, kind: MailboxItemKind, ownerId: string, ref: string): OpenTypeExtension {
  const name = extensionNameOf(ref);
  const row = db
    .prepare('SELECT data FROM extensions WHERE owner_kind = ? AND owner_id = ? AND name = ?')
    .get(kind, ownerId, name) as { data: string } | undefined;
  if (!row) throw new GraphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
  return renderExtension(name, JSON.parse(row.data) as Record<string, unknown>);
}

/**
 * The custom properties of an extension body: everything but `@odata.type`, `extensionName` and `id`.
 * Values must be JSON scalars, arrays or objects; the body must name the open extension type on create.
 */
function customProperties(body: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    if (key === '@odata.type' || key === 'extensionName' || key === 'id') continue;
    if (key.startsWith('@')) throw badRequest(`Annotation '${key}' is not allowed in an open extension.`);
    out[key] = value;
  }
  return out;
}

function objectBody(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw badRequest('The request body must be an object.');
  return body as Record<string, unknown>;
}

/** `POST .../extensions`: creates an open extension; 409 if the item has one of that name. */
export function createExtension(
  db: Database,
  kind: MailboxItemKind,
  ownerId: string,
  userId: string,
  body: unknown,
): OpenTypeExtension {
  const b = objectBody(body);
  const type = String(b['@odata.type'] ?? '').replace(/^#/, '');
  if (type.toLowerCase() !== 'microsoft.graph.opentypeextension') {
    throw badRequest(`'@odata.type' must be 'microsoft.graph.openTypeExtension'.`);
  }
  if (typeof b.extensionName !== 'string' || !/^[A-Za-z0-9_.-]+$/.test(b.extensionName)) {
    throw badRequest(`'extensionName' must be a reverse-DNS name such as Com.Contoso.Tandem.`);
  }
  const existing = db
    .prepare('SELECT 1 FROM extensions WHERE owner_kind = ? AND owner_id = ? AND name = ?')
    .get(kind, ownerId, b.extensionName);
  if (existing)
    throw new GraphError(409, 'conflict', `An extension named '${b.extensionName}' already exists on this item.`);
  const data = customProperties(b);
  prepared(db, 'INSERT INTO extensions (owner_kind, owner_id, user_id, name, data) VALUES (?, ?, ?, ?, ?)').run(
    kind,
    ownerId,
    userId,
    b.extensionName,
    JSON.stringify(data),
  );
  return renderExtension(b.extensionName, data);
}

/** `PATCH .../extensions/{id}`: replaces every custom property (properties not in the body are removed). */
export function replaceExtension(
  db: Database,
  kind: MailboxItemKind,
  ownerId: string,
  ref: string,
  body: unknown,
): OpenTypeExtension {
  const current = requireExtension(db, kind, ownerId, ref);
  const data = customProperties(objectBody(body));
  prepared(db, 'UPDATE extensions SET data = ? WHERE owner_kind = ? AND owner_id = ? AND name = ?').run(
    JSON.stringify(data),
    kind,
    ownerId,
    current.extensionName,
  );
  return renderExtension(current.extensionName!, data);
}

/** `DELETE .../extensions/{id}`. */
export function deleteExtension(db: Database, kind: MailboxItemKind, ownerId: string, ref: string): void {
  const current = requireExtension(db, kind, ownerId, ref);
  prepared(db, 'DELETE FROM extensions WHERE owner_kind = ? AND owner_id = ? AND name = ?').run(
    kind,
    ownerId,
    current.extensionName,
  );
}
