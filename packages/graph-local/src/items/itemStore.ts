import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { Database } from 'better-sqlite3';
import type { ListItem } from '@microsoft/microsoft-graph-types';
import type { Principal } from '../auth/tokens.js';
import { UserLookup } from '../auth/identity.js';
import { nextChangeSeq } from '../db/schema.js';
import { GraphError, badRequest, notFound } from '../http/graphError.js';
import type { ListRow } from '../lists/listStore.js';
import { indexColumns } from '../lists/listStore.js';
import { listColumns } from '../lists/columns.js';
import type { SiteRow } from '../sites/siteStore.js';
import { applyFieldValues, normalizeDateTime } from './fieldValues.js';
import type { StoredFields } from './fieldValues.js';
import { prepared } from '../db/prepared.js';
import { claimUniqueValues, releaseUniqueValues } from './uniqueValues.js';

/** A row of the items table. */
export interface ItemRow {
  list_id: string;
  id: number;
  unique_id: string;
  version: number;
  fields: string;
  created: string;
  modified: string;
  created_by: string;
  modified_by: string;
  change_seq: number;
  deleted: number;
}

/** The item with this id in this list (not deleted), or 404 itemNotFound. */
export function requireItem(db: Database, list: ListRow, ref: string): ItemRow {
  const row = /^\d+$/.test(ref)
    ? (prepared(db, 'SELECT * FROM items WHERE list_id = ? AND id = ? AND deleted = 0').get(list.id, Number(ref)) as
        ItemRow | undefined)
    : undefined;
  if (!row) throw notFound('The specified list item was not found.');
  return row;
}

/** The item's ETag as SharePoint writes it: `"{GUID},version"`. */
export function etagOf(row: ItemRow): string {
  return `"{${row.unique_id.toUpperCase()}},${row.version}"`;
}

/**
 * Checks `If-Match` against the item's ETag: `*` or the current ETag pass, anything else is 412 as SharePoint
 * answers a stale write. No header means an unconditional write.
 */
export function checkIfMatch(headers: IncomingHttpHeaders, row: ItemRow): void {
  const header = headers['if-match'];
  if (header === undefined) return;
  const wanted = header
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const current = normalizeEtag(etagOf(row));
  // An ETag holds a comma itself ("{GUID},N"), so compare the whole header as well as its parts.
  if (header.trim() === '*' || normalizeEtag(header) === current || wanted.some((w) => normalizeEtag(w) === current))
    return;
  throw new GraphError(412, 'preconditionFailed', 'The request ETag value does not match the object ETag value');
}

function normalizeEtag(value: string): string {
  return value
    .trim()
    .replace(/^W\//, '')
    .replace(/^"(.*)"$/, '$1')
    .replace(/\\"/g, '"')
    .replace(/^"(.*)"$/, '$1')
    .toLowerCase();
}

/** Creates an item from a `POST .../items` body (`{"fields":{...}}`) in the caller's transaction. */
export function createItem(db: Database, list: ListRow, body: unknown, principal: Principal, now: Date): ItemRow {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw badRequest('The request body must be a listItem object.');
  const input = body as Record<string, unknown>;
  // The columns are read once and serve both the validation and the unique-value check.
  const columns = listColumns(db, list.id);
  const fields = applyFieldValues(db, indexColumns(columns), input.fields ?? {}, {});
  const id = list.next_item_id;
  claimUniqueValues(db, list, id, fields, columns);
  prepared(db, 'UPDATE lists SET next_item_id = next_item_id + 1, modified = ? WHERE id = ?').run(
    now.toISOString(),
    list.id,
  );
  const stamp = normalizeDateTime(now.toISOString());
  const row: ItemRow = {
    list_id: list.id,
    id,
    unique_id: randomUUID(),
    version: 1,
    fields: JSON.stringify(fields),
    created: stamp,
    modified: stamp,
    created_by: principal.userId,
    modified_by: principal.userId,
    change_seq: nextChangeSeq(db),
    deleted: 0,
  };
  prepared(
    db,
    `INSERT INTO items (list_id, id, unique_id, version, fields, created, modified, created_by, modified_by, change_seq, deleted)
     VALUES (@list_id, @id, @unique_id, @version, @fields, @created, @modified, @created_by, @modified_by, @change_seq, @deleted)`,
  ).run(row);
  return row;
}

/** Applies `PATCH .../items/{id}/fields` in the caller's transaction, after the If-Match check. */
export function updateItemFields(
  db: Database,
  list: ListRow,
  row: ItemRow,
  body: unknown,
  principal: Principal,
  now: Date,
): ItemRow {
  const columns = listColumns(db, list.id);
  const fields = applyFieldValues(db, indexColumns(columns), body, JSON.parse(row.fields) as StoredFields);
  claimUniqueValues(db, list, row.id, fields, columns);
  const next: ItemRow = {
    ...row,
    version: row.version + 1,
    fields: JSON.stringify(fields),
    modified: normalizeDateTime(now.toISOString()),
    modified_by: principal.userId,
    change_seq: nextChangeSeq(db),
  };
  prepared(
    db,
    'UPDATE items SET version = @version, fields = @fields, modified = @modified, modified_by = @modified_by, change_seq = @change_seq WHERE list_id = @list_id AND id = @id',
  ).run(next);
  return next;
}

/** Deletes an item, keeping a tombstone so delta can report it. */
export function deleteItem(db: Database, row: ItemRow): void {
  releaseUniqueValues(db, row.list_id, row.id);
  prepared(db, 'UPDATE items SET deleted = 1, fields = ?, change_seq = ? WHERE list_id = ? AND id = ?').run(
    '{}',
    nextChangeSeq(db),
    row.list_id,
    row.id,
  );
}

/** The `fields` (fieldValueSet) of an item as Graph returns them, limited to `select` when given. */
export function renderFields(
  db: Database,
  row: ItemRow,
  select?: string[],
  users: UserLookup = new UserLookup(db),
): Record<string, unknown> {
  const stored = JSON.parse(row.fields) as StoredFields;
  const all: Record<string, unknown> = { '@odata.etag': etagOf(row) };
  for (const [key, value] of Object.entries(stored)) all[key] = key.endsWith('LookupId') ? String(value) : value;
  Object.assign(all, {
    id: String(row.id),
    ContentType: 'Item',
    Modified: row.modified,
    Created: row.created,
    AuthorLookupId: String(users.siteUserId(row.created_by)),
    EditorLookupId: String(users.siteUserId(row.modified_by)),
    _UIVersionString: `${row.version}.0`,
    Attachments: false,
    Edit: '',
    LinkTitleNoMenu: stored.Title ?? '',
    LinkTitle: stored.Title ?? '',
    ItemChildCount: '0',
    FolderChildCount: '0',
  });
  if (!select) return all;
  // Names match case-insensitively, as in Graph. One pass over the item's names, not one per selected name.
  const byLowerCase = new Map<string, string>();
  for (const key of Object.keys(all)) {
    const lower = lowerCase(key);
    if (!byLowerCase.has(lower)) byLowerCase.set(lower, key);
  }
  const out: Record<string, unknown> = { '@odata.etag': all['@odata.etag'] };
  for (const name of select) {
    const key = byLowerCase.get(lowerCase(name));
    if (key !== undefined) out[key] = all[key];
  }
  return out;
}

/** Column names are few and repeat on every item: their lower-case forms are kept. */
const lowerCaseNames = new Map<string, string>();
function lowerCase(name: string): string {
  let lower = lowerCaseNames.get(name);
  if (lower === undefined) {
    lower = name.toLowerCase();
    if (lowerCaseNames.size < 10_000) lowerCaseNames.set(name, lower);
  }
  return lower;
}

/**
 * The Graph `listItem` for a row; `fields` (with its `fields@odata.context` when `serviceRoot` is given) included
 * when `fieldsSelect` is not false. A request rendering many items passes one `users` for all of them.
 */
export function toListItem(
  db: Database,
  site: SiteRow,
  list: ListRow,
  row: ItemRow,
  fieldsSelect: string[] | undefined | false,
  serviceRoot?: string,
  users: UserLookup = new UserLookup(db),
): ListItem {
  const etag = etagOf(row);
  const item: ListItem = {
    '@odata.etag': etag,
    createdDateTime: row.created,
    eTag: etag,
    id: String(row.id),
    lastModifiedDateTime: row.modified,
    webUrl: `https://${site.hostname}${site.path}/Lists/${list.name}/${row.id}_.000`,
    createdBy: { user: { ...users.identity(row.created_by) } },
    lastModifiedBy: { user: { ...users.identity(row.modified_by) } },
    parentReference: { id: list.id, siteId: site.id },
    contentType: { id: '0x0100', name: 'Item' },
  } as ListItem;
  if (fieldsSelect !== false) {
    if (serviceRoot !== undefined) {
      (item as Record<string, unknown>)['fields@odata.context'] =
        `${serviceRoot}/$metadata#sites('${encodeURIComponent(site.id)}')/lists('${list.id}')/items('${row.id}')/fields/$entity`;
    }
    item.fields = renderFields(db, row, fieldsSelect, users) as ListItem['fields'];
  }
  return item;
}
