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

/** The columns of an item's row that its listItem and fields are rendered from. */
export type RenderedItemRow = Pick<
  ItemRow,
  'id' | 'unique_id' | 'version' | 'fields' | 'created' | 'modified' | 'created_by' | 'modified_by'
>;

/** Those columns in a SELECT list: a list read fetches no others. */
export const renderedItemColumns = 'id, unique_id, version, fields, created, modified, created_by, modified_by';

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
export function etagOf(row: Pick<ItemRow, 'unique_id' | 'version'>): string {
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
  return new FieldsRenderer(select, users).render(row);
}

/** How a field's value is worked out for an item: from its stored values, its row and its ETag. */
type FieldValue = (stored: StoredFields, row: RenderedItemRow, etag: string) => unknown;

/** A selected field: the name it is answered under and its value. */
type SelectedField = readonly [name: string, value: FieldValue];

/**
 * The fields of items as Graph returns them (see {@link renderFields}), for every item of one request: the `$select`
 * is resolved against an item's field names once and reused for the items that have the same names, instead of
 * building every field and a lower-case index of them for each item.
 */
export class FieldsRenderer {
  /** The fields SharePoint computes for every item, answered after the stored ones (they win over a stored value). */
  private readonly computed: ReadonlyMap<string, FieldValue>;
  /** The selected names in lower case, or undefined for every field. */
  private readonly wanted: readonly string[] | undefined;
  /** The stored names the last resolution was made for, and what it answered. */
  private resolvedFor: readonly string[] | undefined;
  private resolved: readonly SelectedField[] = [];
  /** An answer with the resolved names in answer order, copied for each item (see `render`). */
  private resolvedAnswer: Record<string, unknown> = {};
  private etagField: FieldValue = (_stored, _row, etag) => etag;

  constructor(select: string[] | undefined, users: UserLookup) {
    this.wanted = select?.map(lowerCase);
    this.computed = new Map<string, FieldValue>([
      ['id', (_stored, row) => String(row.id)],
      ['ContentType', () => 'Item'],
      ['Modified', (_stored, row) => row.modified],
      ['Created', (_stored, row) => row.created],
      ['AuthorLookupId', (_stored, row) => String(users.siteUserId(row.created_by))],
      ['EditorLookupId', (_stored, row) => String(users.siteUserId(row.modified_by))],
      ['_UIVersionString', (_stored, row) => `${row.version}.0`],
      ['Attachments', () => false],
      ['Edit', () => ''],
      ['LinkTitleNoMenu', (stored) => stored.Title ?? ''],
      ['LinkTitle', (stored) => stored.Title ?? ''],
      ['ItemChildCount', () => '0'],
      ['FolderChildCount', () => '0'],
    ]);
  }

  /** The item's fields; `etag` is the item's ETag when the caller has it already. */
  render(row: RenderedItemRow, etag = etagOf(row)): Record<string, unknown> {
    const stored = JSON.parse(row.fields) as StoredFields;
    const all: Record<string, unknown> = { '@odata.etag': etag };
    if (this.wanted === undefined) {
      for (const key of Object.keys(stored)) all[key] = storedValue(stored, key);
      for (const [name, value] of this.computed) all[name] = value(stored, row, etag);
      return all;
    }
    const selected = this.resolve(Object.keys(stored));
    // Copying an object that has the names already, then setting their values, is much quicker than adding the
    // names one by one to an empty object, and so is serialising the copies, which all share one shape.
    const out = { ...this.resolvedAnswer };
    out['@odata.etag'] = this.etagField(stored, row, etag);
    for (const [name, value] of selected) out[name] = value(stored, row, etag);
    return out;
  }

  /**
   * Resolves the selected names against an item's names as Graph does: case-insensitively, the first of the item's
   * names in answer order (`@odata.etag`, the stored fields, the computed ones) that matches. The items of a list
   * mostly store the same names in the same order, so the last resolution is kept and checked name by name.
   */
  private resolve(storedNames: readonly string[]): readonly SelectedField[] {
    if (this.resolvedFor !== undefined && sameNames(this.resolvedFor, storedNames)) return this.resolved;
    const valueOf = (name: string): FieldValue =>
      this.computed.get(name) ??
      (storedNames.includes(name) ? (stored) => storedValue(stored, name) : (_stored, _row, etag) => etag);
    const byLowerCase = new Map<string, string>([['@odata.etag', '@odata.etag']]);
    for (const name of [...storedNames, ...this.computed.keys()]) {
      const lower = lowerCase(name);
      if (!byLowerCase.has(lower)) byLowerCase.set(lower, name);
    }
    const selected: SelectedField[] = [];
    for (const wanted of this.wanted!) {
      const name = byLowerCase.get(wanted);
      if (name !== undefined) selected.push([name, valueOf(name)]);
    }
    this.etagField = valueOf('@odata.etag');
    // Made in one go: an object given this many names one by one turns into a slow dictionary, and so do its copies.
    this.resolvedAnswer = Object.fromEntries([
      ['@odata.etag', undefined],
      ...selected.map(([name]) => [name, undefined]),
    ]);
    this.resolvedFor = storedNames;
    this.resolved = selected;
    return selected;
  }
}

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** A stored value as Graph answers it: lookup ids (`XLookupId`) are strings. */
function storedValue(stored: StoredFields, name: string): unknown {
  const value = stored[name];
  return name.endsWith('LookupId') ? String(value) : value;
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
 * when `fieldsSelect` is not false. A request rendering many items uses one {@link ListItemRenderer} for all of them.
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
  return new ListItemRenderer(site, list, fieldsSelect, serviceRoot, users).render(row) as ListItem;
}

/** How a listItem property is worked out for a row with this ETag. */
type ItemProperty = (row: RenderedItemRow, etag: string) => unknown;

/**
 * Renders the listItems of one request (see {@link toListItem}), shaped by `select`, which is given the whole
 * item and answers the part of it to return (`$select` applied). What `select` keeps is the same for every item, so
 * it is asked once, and only the properties it kept are worked out for each item.
 */
export class ListItemRenderer {
  /** Every property of a listItem, in Graph's order. */
  private readonly properties: ReadonlyMap<string, ItemProperty>;
  /** What `select` keeps, worked out on first use (see {@link keptOnce}). */
  private kept: Kept | undefined;
  /** Everything besides the row and the kept properties an item's text is written from (see {@link renderText}). */
  private readonly settings: string;

  constructor(
    site: SiteRow,
    list: ListRow,
    fieldsSelect: string[] | undefined | false,
    serviceRoot: string | undefined,
    users: UserLookup,
    private readonly select: (item: ListItem) => Partial<ListItem> = (item) => item,
  ) {
    const webUrl = `https://${site.hostname}${site.path}/Lists/${list.name}/`;
    this.settings = JSON.stringify([site.id, webUrl, list.id, fieldsSelect, serviceRoot ?? null]);
    const properties = new Map<string, ItemProperty>([
      ['@odata.etag', (_row, etag) => etag],
      ['createdDateTime', (row) => row.created],
      ['eTag', (_row, etag) => etag],
      ['id', (row) => String(row.id)],
      ['lastModifiedDateTime', (row) => row.modified],
      ['webUrl', (row) => `${webUrl}${row.id}_.000`],
      ['createdBy', (row) => ({ user: { ...users.identity(row.created_by) } })],
      ['lastModifiedBy', (row) => ({ user: { ...users.identity(row.modified_by) } })],
      ['parentReference', () => ({ id: list.id, siteId: site.id })],
      ['contentType', () => ({ id: '0x0100', name: 'Item' })],
    ]);
    if (fieldsSelect !== false) {
      if (serviceRoot !== undefined) {
        const itemsPath = `${serviceRoot}/$metadata#sites('${encodeURIComponent(site.id)}')/lists('${list.id}')/items`;
        properties.set('fields@odata.context', (row) => `${itemsPath}('${row.id}')/fields/$entity`);
      }
      const fields = new FieldsRenderer(fieldsSelect, users);
      properties.set('fields', (row, etag) => fields.render(row, etag));
    }
    this.properties = properties;
  }

  /** The item for a row, as `select` shapes it. */
  render(row: RenderedItemRow): Partial<ListItem> {
    const { properties, empty } = this.keptOnce();
    const etag = etagOf(row);
    const item = { ...empty };
    for (const [name, value] of properties) item[name] = value(row, etag);
    return item as Partial<ListItem>;
  }

  /**
   * The item for a row as JSON text, kept in `texts`: a page reads the same items again and again, and an item's text
   * changes only with its row (every write gives the row a new version). A kept text is used only for the very row it
   * was written from, by a renderer with the same settings, so it is never one this request would write differently.
   */
  renderText(row: RenderedItemRow, texts: ItemTexts): string {
    const { shape } = this.keptOnce();
    const kept = texts.get(shape, row);
    if (kept !== undefined) return kept;
    const text = JSON.stringify(this.render(row));
    texts.set(shape, row, text);
    return text;
  }

  /**
   * The properties `select` keeps, found by shaping an item whose values are the names of its properties; an item with
   * their names in answer order, copied for each row (as `FieldsRenderer` does its answers); and the shape of the texts.
   */
  private keptOnce(): Kept {
    if (this.kept) return this.kept;
    const names: Record<string, string> = {};
    for (const name of this.properties.keys()) names[name] = name;
    const shaped = this.select(names as ListItem) as Record<string, string>;
    const properties = Object.keys(shaped).map((name) => [name, this.properties.get(shaped[name]!)!] as const);
    const keptNames = properties.map(([name]) => name);
    return (this.kept = {
      properties,
      empty: Object.fromEntries(keptNames.map((name) => [name, undefined])),
      shape: `${this.settings}\n${keptNames.join(',')}`,
    });
  }
}

/** What a {@link ListItemRenderer}'s `select` keeps of every item. */
interface Kept {
  properties: ReadonlyArray<readonly [name: string, value: ItemProperty]>;
  empty: Record<string, unknown>;
  /** Everything but the row an item's text is written from: the renderer's settings and the kept names. */
  shape: string;
}

/** How many item texts a database keeps (see {@link ItemTexts}): a few thousand items of a few lists. */
const keptItemTexts = 20_000;

/** A kept text and the row it was written from. */
interface KeptText {
  row: RenderedItemRow;
  text: string;
}

/** The JSON texts of items the server has written, by the renderer's shape and the item (see `renderText`). */
export class ItemTexts {
  private readonly byShape = new Map<string, Map<number, KeptText>>();
  private size = 0;

  /** The text kept for `row` in `shape`, if it was written from this very row. */
  get(shape: string, row: RenderedItemRow): string | undefined {
    const kept = this.byShape.get(shape)?.get(row.id);
    return kept && sameRow(kept.row, row) ? kept.text : undefined;
  }

  set(shape: string, row: RenderedItemRow, text: string): void {
    // All at once when full: a page that reads more items than are kept writes the rest afresh, as it did before.
    if (this.size >= keptItemTexts) {
      this.byShape.clear();
      this.size = 0;
    }
    let items = this.byShape.get(shape);
    if (!items) this.byShape.set(shape, (items = new Map()));
    if (!items.has(row.id)) this.size++;
    items.set(row.id, { row: { ...row }, text });
  }
}

/** Whether two reads of an item's row are the same in everything its text is written from. */
function sameRow(a: RenderedItemRow, b: RenderedItemRow): boolean {
  return (
    a.version === b.version &&
    a.fields === b.fields &&
    a.modified === b.modified &&
    a.created === b.created &&
    a.unique_id === b.unique_id &&
    a.created_by === b.created_by &&
    a.modified_by === b.modified_by
  );
}

/** A function that gives each database its own `T`, made the first time it is asked for. */
function perDatabase<T>(make: (db: Database) => T): (db: Database) => T {
  const made = new WeakMap<Database, T>();
  return (db) => {
    let kept = made.get(db);
    if (kept === undefined) made.set(db, (kept = make(db)));
    return kept;
  };
}

/** The item texts kept for a database. */
export const itemTextsOf = perDatabase(() => new ItemTexts());

/** How many list pages a database keeps as text (see {@link PageTexts}): the few reads a page starts with. */
const keptPageTexts = 32;

/**
 * The JSON texts of list item pages the server has answered, each with the database's state when it was written: a
 * page read again while nothing in the database has changed is answered with its text, without reading and writing
 * its thousand items again. The state is SQLite's own count of the rows this connection has inserted, updated or
 * deleted (`total_changes()`), with `data_version`, which changes when another connection commits.
 */
export class PageTexts {
  private readonly pages = new Map<string, { state: string; text: string }>();

  constructor(private readonly db: Database) {}

  /** The text kept for the read `key`, if nothing has changed since it was written. */
  get(key: string): string | undefined {
    const kept = this.pages.get(key);
    return kept && kept.state === this.state() ? kept.text : undefined;
  }

  set(key: string, text: string): void {
    if (!this.pages.has(key) && this.pages.size >= keptPageTexts) this.pages.delete(this.pages.keys().next().value!);
    this.pages.set(key, { state: this.state(), text });
  }

  private state(): string {
    const changes = prepared(this.db, 'SELECT total_changes() AS n').get() as { n: number };
    const version = prepared(this.db, 'PRAGMA data_version').pluck().get() as number;
    return `${changes.n} ${version}`;
  }
}

/** The page texts kept for a database. */
export const pageTextsOf = perDatabase((db) => new PageTexts(db));
