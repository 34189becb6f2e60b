import {
  notAccepted,
  ValidationError,
  validateEntity,
  type EntityKind,
  type EntityOf,
  type ValidationIssue,
} from '@tandem/core';
import { listSchemaOf, type FieldColumn } from '../provisioning/listSchema.js';
import { itemReader } from './itemReaders.js';

/** A SharePoint list item as Graph returns it (with `fields` expanded). */
export interface GraphListItem {
  id: string;
  eTag?: string;
  '@odata.etag'?: string;
  fields?: Record<string, unknown>;
  deleted?: { state?: string };
}

/** An entity read from a list item: the entity, its ETag and the SharePoint item id it lives in. */
export interface DecodedItem<K extends EntityKind> {
  value: EntityOf<K>;
  etag: string;
  itemId: string;
}

/**
 * Graph `fields` for writing `value` (a whole entity, or a patch when `partial`). An absent optional field
 * is cleared on update (null) and left out on create. Arrays and objects go in as JSON text.
 */
export function encodeFields(
  kind: EntityKind,
  value: Record<string, unknown>,
  partial = false,
): Record<string, unknown> {
  const schema = listSchemaOf(kind);
  const fields: Record<string, unknown> = {};
  for (const field of schema.fields) {
    if (!(field.field in value)) continue;
    const v = value[field.field];
    if (v === undefined || v === null) {
      if (partial) fields[field.column] = null;
      continue;
    }
    fields[field.column] = field.type === 'json' ? JSON.stringify(v) : v;
  }
  if (!partial && !schema.titleField) fields.Title = schema.label(value);
  return fields;
}

/** The columns to `$select` when reading items of `kind`. */
export function selectedColumns(kind: EntityKind): string[] {
  return [...new Set(listSchemaOf(kind).fields.map((f) => f.column))];
}

/**
 * The entity in a list item, validated by core's schema. A malformed item throws a `ValidationError`
 * that names the list item and every offending field — it is never passed on.
 */
export function decodeItem<K extends EntityKind>(kind: K, item: GraphListItem): DecodedItem<K> {
  const subject = `${kind} in list item ${String(item?.id)}`;
  if (typeof item !== 'object' || item === null || typeof item.id !== 'string') {
    throw new ValidationError(subject, [{ path: 'id', message: 'the list item has no id' }]);
  }
  const fields = item.fields;
  if (typeof fields !== 'object' || fields === null) {
    throw new ValidationError(subject, [{ path: 'fields', message: 'the list item has no fields' }]);
  }
  const etag = item.eTag ?? item['@odata.etag'] ?? (fields['@odata.etag'] as string | undefined);
  if (typeof etag !== 'string' || etag === '') {
    throw new ValidationError(subject, [{ path: 'eTag', message: 'the list item has no ETag' }]);
  }
  // The kind's generated reader takes a valid item; anything it does not accept is read again the general way below,
  // which decides and names the issues.
  const read = itemReader(kind)?.(fields) ?? notAccepted;
  if (read !== notAccepted) return { value: read, etag, itemId: item.id };
  return { value: validateCells(kind, fields, subject), etag, itemId: item.id };
}

/** The entity in an item's cells, or a `ValidationError` naming every bad cell by its field and column. */
function validateCells<K extends EntityKind>(kind: K, fields: Record<string, unknown>, subject: string): EntityOf<K> {
  const issues: ValidationIssue[] = [];
  const raw: Record<string, unknown> = {};
  for (const field of listSchemaOf(kind).fields) {
    const cell = fields[field.column];
    if (cell === undefined || cell === null || cell === '') continue;
    raw[field.field] = decodeCell(field, cell, issues);
  }
  if (issues.length) throw new ValidationError(subject, issues);
  try {
    return validateEntity(kind, raw);
  } catch (error) {
    if (error instanceof ValidationError) {
      throw new ValidationError(
        subject,
        error.issues.map((i) => ({ path: columnPath(kind, i.path), message: i.message })),
        { cause: error },
      );
    }
    throw error;
  }
}

function decodeCell(field: FieldColumn, cell: unknown, issues: ValidationIssue[]): unknown {
  if (field.type !== 'json') return cell;
  if (typeof cell !== 'string') {
    issues.push({ path: `${field.field} (column ${field.column})`, message: 'must be JSON text' });
    return undefined;
  }
  try {
    return JSON.parse(cell) as unknown;
  } catch {
    issues.push({ path: `${field.field} (column ${field.column})`, message: 'is not valid JSON' });
    return undefined;
  }
}

/** `owner.email` → `owner.email (column Owner)`, so an admin can find the bad cell in SharePoint. */
function columnPath(kind: EntityKind, path: string): string {
  const top = path.split('.')[0] ?? '';
  const column = listSchemaOf(kind).fields.find((f) => f.field === top)?.column;
  return column ? `${path} (column ${column})` : path;
}
