import type { Database } from 'better-sqlite3';
import { GraphError } from '../http/graphError.js';
import type { ListColumn } from '../lists/columns.js';
import { prepared } from '../db/prepared.js';

/** Field values as stored: canonical column names (`XLookupId` for lookups and people) to JSON values. */
export type StoredFields = Record<string, string | number | boolean>;

/** Fields SharePoint computes and never accepts in a write. */
export const readOnlyFields = [
  'id',
  'ID',
  'ContentType',
  'Created',
  'Modified',
  'AuthorLookupId',
  'EditorLookupId',
  '_UIVersionString',
  'Attachments',
  'Edit',
  'LinkTitle',
  'LinkTitleNoMenu',
  'ItemChildCount',
  'FolderChildCount',
  '_ComplianceFlags',
  '_ComplianceTag',
  '_ComplianceTagWrittenTime',
  '_ComplianceTagUserId',
  'AppAuthorLookupId',
  'AppEditorLookupId',
];

/**
 * Validates and normalises field values from a request body against the list's columns, merging them over
 * `current`. An unknown field, a read-only one, or a value of the wrong type is 400 invalidRequest naming it.
 */
export function applyFieldValues(
  db: Database,
  columns: Map<string, ListColumn>,
  input: unknown,
  current: StoredFields,
): StoredFields {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw invalid('The fields of a list item must be an object of column names to values.');
  }
  const next: StoredFields = { ...current };
  for (const [key, value] of Object.entries(input as Record<string, unknown>)) {
    if (key.startsWith('@odata.')) continue;
    if (readOnlyFields.some((f) => f.toLowerCase() === key.toLowerCase())) {
      throw invalid(`Field '${key}' is read-only.`);
    }
    const column = columns.get(key.toLowerCase());
    if (!column) throw invalid(`Field '${key}' is not recognized`);
    const isLookupKey = key.toLowerCase() === `${column.name.toLowerCase()}lookupid`;
    const storedName = isLookupKey ? `${column.name}LookupId` : column.name;
    if ((column.type === 'lookup' || column.type === 'personOrGroup') && !isLookupKey) {
      throw invalid(`Field '${key}' is a ${column.type} column: set '${column.name}LookupId' to the id it points to.`);
    }
    if (value === null) {
      delete next[storedName];
      continue;
    }
    next[storedName] = normalizeValue(db, column, key, value);
  }
  for (const column of columns.values()) {
    const storedName =
      column.type === 'lookup' || column.type === 'personOrGroup' ? `${column.name}LookupId` : column.name;
    if (column.definition.required && next[storedName] === undefined) {
      throw invalid(`Field '${column.name}' is required.`);
    }
  }
  return next;
}

function normalizeValue(db: Database, column: ListColumn, key: string, value: unknown): string | number | boolean {
  const def = column.definition;
  switch (column.type) {
    case 'text': {
      if (typeof value !== 'string') throw wrongType(key, 'a string', value);
      const max = def.text?.maxLength ?? 255;
      if (!def.text?.allowMultipleLines && value.length > max) {
        throw invalid(`Field '${key}' is longer than its maximum length of ${max} characters.`);
      }
      return value;
    }
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) throw wrongType(key, 'a number', value);
      if (def.number?.minimum != null && value < def.number.minimum)
        throw invalid(`Field '${key}' is below its minimum.`);
      if (def.number?.maximum != null && value > def.number.maximum)
        throw invalid(`Field '${key}' is above its maximum.`);
      return value;
    }
    case 'boolean':
      if (typeof value !== 'boolean') throw wrongType(key, 'a boolean', value);
      return value;
    case 'dateTime': {
      if (typeof value !== 'string' || Number.isNaN(Date.parse(value)))
        throw wrongType(key, 'an ISO 8601 date-time', value);
      return normalizeDateTime(value);
    }
    case 'choice': {
      if (typeof value !== 'string') throw wrongType(key, 'a string', value);
      const choices = def.choice?.choices ?? [];
      if (!def.choice?.allowTextEntry && !choices.includes(value)) {
        throw invalid(`Field '${key}' must be one of the choices ${choices.map((c) => `'${c}'`).join(', ')}.`);
      }
      return value;
    }
    case 'lookup':
    case 'personOrGroup': {
      const id = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
      if (typeof id !== 'number' || !Number.isInteger(id) || id < 1)
        throw wrongType(key, 'a positive integer id', value);
      if (column.type === 'personOrGroup' && !prepared(db, 'SELECT 1 FROM users WHERE rowid = ?').get(id)) {
        throw invalid(`Field '${key}': no user has the site user id ${id}.`);
      }
      if (column.type === 'lookup') {
        const listId = def.lookup?.listId ?? '';
        if (!prepared(db, 'SELECT 1 FROM items WHERE list_id = ? AND id = ? AND deleted = 0').get(listId, id)) {
          throw invalid(`Field '${key}': the lookup list has no item ${id}.`);
        }
      }
      return id;
    }
  }
}

/** Date-times as SharePoint returns them: UTC, whole seconds, `Z`. */
export function normalizeDateTime(value: string): string {
  return new Date(value).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function invalid(message: string): GraphError {
  return new GraphError(400, 'invalidRequest', message);
}

function wrongType(key: string, expected: string, value: unknown): GraphError {
  return invalid(`Field '${key}' must be ${expected}, not ${JSON.stringify(value)}.`);
}
