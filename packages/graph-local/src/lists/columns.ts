import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { ColumnDefinition } from '@microsoft/microsoft-graph-types';
import { badRequest, GraphError } from '../http/graphError.js';
import { prepared } from '../db/prepared.js';

/** The column kinds the server stores, named after the facet of Graph's `columnDefinition` that declares them. */
export const columnTypes = ['text', 'number', 'dateTime', 'boolean', 'choice', 'lookup', 'personOrGroup'] as const;
/** One of `columnTypes`. */
export type ColumnType = (typeof columnTypes)[number];

/** A column of a list as the server keeps it. */
export interface ListColumn {
  id: string;
  name: string;
  type: ColumnType;
  indexed: boolean;
  definition: ColumnDefinition;
}

interface ColumnRow {
  id: string;
  name: string;
  type: ColumnType;
  indexed: number;
  definition: string;
}

/** The Title column every generic list has. */
export function titleColumn(): ColumnDefinition {
  return {
    name: 'Title',
    displayName: 'Title',
    text: { allowMultipleLines: false, appendChangesToExistingText: false, linesForEditing: 0, maxLength: 255 },
    required: false,
    indexed: false,
  };
}

/** Validates a column definition from a request body and fills in Graph's defaults. */
export function normalizeColumn(input: unknown, where: string): { definition: ColumnDefinition; type: ColumnType } {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    throw badRequest(`${where} must be an object.`);
  const def = input as Record<string, unknown>;
  if (typeof def.name !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(def.name)) {
    throw badRequest(`${where}.name must be a column name of letters, digits and underscores.`);
  }
  const facets = columnTypes.filter((t) => def[t] !== undefined);
  if (facets.length !== 1) {
    throw badRequest(
      `${where} must have exactly one type facet of ${columnTypes.join(', ')}; it has ${facets.length}.`,
    );
  }
  const type = facets[0]!;
  const facet = def[type];
  if (typeof facet !== 'object' || facet === null) throw badRequest(`${where}.${type} must be an object.`);
  for (const flag of ['indexed', 'required', 'hidden', 'enforceUniqueValues', 'readOnly'] as const) {
    if (def[flag] !== undefined && typeof def[flag] !== 'boolean')
      throw badRequest(`${where}.${flag} must be a boolean.`);
  }
  if (type === 'choice') {
    const choices = (facet as { choices?: unknown }).choices;
    if (!Array.isArray(choices) || choices.some((c) => typeof c !== 'string')) {
      throw badRequest(`${where}.choice.choices must be an array of strings.`);
    }
  }
  if (type === 'lookup') {
    const lookup = facet as { listId?: unknown; columnName?: unknown };
    if (typeof lookup.listId !== 'string') throw badRequest(`${where}.lookup.listId must be the id of a list.`);
    lookup.columnName ??= 'Title';
  }
  const definition: ColumnDefinition = {
    columnGroup: 'Custom Columns',
    description: typeof def.description === 'string' ? def.description : '',
    displayName: typeof def.displayName === 'string' ? def.displayName : def.name,
    enforceUniqueValues: def.enforceUniqueValues === true,
    hidden: def.hidden === true,
    indexed: def.indexed === true,
    name: def.name,
    readOnly: def.readOnly === true,
    required: def.required === true,
    [type]: facet,
  };
  return { definition, type };
}

/** Adds a column to a list; 409 if the list has one of that name. */
export function insertColumn(db: Database, listId: string, definition: ColumnDefinition, type: ColumnType): ListColumn {
  const name = definition.name!;
  if (prepared(db, 'SELECT 1 FROM columns WHERE list_id = ? AND name = ? COLLATE NOCASE').get(listId, name)) {
    throw new GraphError(409, 'nameAlreadyExists', `A duplicate field name "${name}" was found.`);
  }
  const id = randomUUID();
  const position = (prepared(db, 'SELECT COUNT(*) AS n FROM columns WHERE list_id = ?').get(listId) as { n: number }).n;
  const full = { ...definition, id };
  prepared(
    db,
    'INSERT INTO columns (id, list_id, name, type, indexed, definition, position) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(id, listId, name, type, definition.indexed ? 1 : 0, JSON.stringify(full), position);
  const column: ListColumn = { id, name, type, indexed: definition.indexed === true, definition: full };
  if (column.indexed) indexColumn(db, column);
  return column;
}

/** The name under which a column's values are stored in an item's fields (`XLookupId` for lookups and people). */
export function storedFieldName(column: Pick<ListColumn, 'name' | 'type'>): string {
  return column.type === 'lookup' || column.type === 'personOrGroup' ? `${column.name}LookupId` : column.name;
}

/** The SQL expression reading a column's value from the items table; filters and indexes must use the same text. */
export function fieldExpression(column: Pick<ListColumn, 'name' | 'type'>): string {
  return `json_extract(fields, '$."${storedFieldName(column)}"')`;
}

/**
 * Gives an indexed column a real SQLite index (on the JSON expression, shared by every list with a column of that
 * name), so that filtering on it stays fast in a large list, as an indexed SharePoint column does.
 */
export function indexColumn(db: Database, column: Pick<ListColumn, 'name' | 'type'>): void {
  const stored = storedFieldName(column);
  db.exec(`CREATE INDEX IF NOT EXISTS "items_field_${stored}" ON items (list_id, ${fieldExpression(column)})`);
}

/**
 * Changes the updatable properties of a column (indexed, displayName, description, required, hidden), and the
 * `choice` facet of a choice column (its choices, as Graph's PATCH columnDefinition does).
 */
export function updateColumn(db: Database, column: ListColumn, patch: Record<string, unknown>): ListColumn {
  const allowed = ['indexed', 'displayName', 'description', 'required', 'hidden', 'enforceUniqueValues'];
  const definition = { ...column.definition } as Record<string, unknown>;
  for (const [key, value] of Object.entries(patch)) {
    if (key === 'choice' && definition.choice !== undefined) {
      const choices = (value as { choices?: unknown } | null)?.choices;
      if (typeof value !== 'object' || !Array.isArray(choices) || choices.some((c) => typeof c !== 'string'))
        throw badRequest(`'choice.choices' must be an array of strings.`);
      definition.choice = { ...(definition.choice as object), ...(value as object) };
      continue;
    }
    if (!allowed.includes(key)) throw badRequest(`Property '${key}' of a column cannot be changed here.`);
    const expected = key === 'displayName' || key === 'description' ? 'string' : 'boolean';
    if (typeof value !== expected) throw badRequest(`'${key}' must be a ${expected}.`);
    definition[key] = value;
  }
  prepared(db, 'UPDATE columns SET indexed = ?, definition = ? WHERE id = ?').run(
    definition.indexed ? 1 : 0,
    JSON.stringify(definition),
    column.id,
  );
  const updated: ListColumn = {
    ...column,
    indexed: definition.indexed === true,
    definition: definition as ColumnDefinition,
  };
  if (updated.indexed) indexColumn(db, updated);
  return updated;
}

/** Parsed columns per list, valid while the database's `columns_version` token is the one they were read under. */
interface ParsedColumns {
  version: string;
  byList: Map<string, readonly ListColumn[]>;
}

const parsedColumns = new WeakMap<Database, ParsedColumns>();

/**
 * Every column of a list, in the order they were added (Title first). Every item write needs them, so they are parsed
 * once and kept until the columns table changes: a trigger replaces `columns_version` on each write to it. The result
 * is frozen; copy a definition to change it.
 */
export function listColumns(db: Database, listId: string): readonly ListColumn[] {
  const version = (
    prepared(db, `SELECT value FROM meta WHERE key = 'columns_version'`).get() as { value: string } | undefined
  )?.value;
  if (version === undefined) return readColumns(db, listId);
  let parsed = parsedColumns.get(db);
  if (parsed?.version !== version) {
    parsed = { version, byList: new Map() };
    parsedColumns.set(db, parsed);
  }
  let columns = parsed.byList.get(listId);
  if (!columns) {
    columns = readColumns(db, listId);
    parsed.byList.set(listId, columns);
  }
  return columns;
}

function readColumns(db: Database, listId: string): readonly ListColumn[] {
  const rows = prepared(
    db,
    'SELECT id, name, type, indexed, definition FROM columns WHERE list_id = ? ORDER BY position',
  ).all(listId) as ColumnRow[];
  return Object.freeze(
    rows.map((r) =>
      Object.freeze({
        id: r.id,
        name: r.name,
        type: r.type,
        indexed: r.indexed === 1,
        definition: Object.freeze(JSON.parse(r.definition) as ColumnDefinition),
      }),
    ),
  );
}
