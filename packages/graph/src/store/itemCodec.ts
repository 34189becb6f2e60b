import { notAccepted, ValidationError, type EntityKind, type EntityOf } from '@tandem/core';
import { listSchemaOf } from '../provisioning/listSchema.js';
import { itemReader } from './itemReaders.js';
import { loadValidation } from './validation.js';

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
 * The entity in a list item, validated by core's schema. A malformed item throws a `ValidationError` that names the
 * list item and every offending field: it is never passed on. The item's generated reader reads a valid item at once;
 * anything it does not accept is read again the general way ({@link decodeRefused}).
 */
export async function decodeItem<K extends EntityKind>(kind: K, item: GraphListItem): Promise<DecodedItem<K>> {
  return readItem(kind, item) ?? decodeRefused(kind, item);
}

/**
 * The entity in a valid list item by its kind's generated reader, without zod; undefined when the reader does not
 * accept it (then {@link decodeRefused} decides). An item with no id, fields or ETag throws a `ValidationError`. A list
 * read calls this first, and awaits only for the items it refuses.
 */
export function readItem<K extends EntityKind>(kind: K, item: GraphListItem): DecodedItem<K> | undefined {
  if (typeof item !== 'object' || item === null || typeof item.id !== 'string') {
    throw new ValidationError(subjectOf(kind, item), [{ path: 'id', message: 'the list item has no id' }]);
  }
  const fields = item.fields;
  if (typeof fields !== 'object' || fields === null) {
    throw new ValidationError(subjectOf(kind, item), [{ path: 'fields', message: 'the list item has no fields' }]);
  }
  const etag = etagOf(item);
  if (typeof etag !== 'string' || etag === '') {
    throw new ValidationError(subjectOf(kind, item), [{ path: 'eTag', message: 'the list item has no ETag' }]);
  }
  const read = itemReader(kind)(fields);
  return read === notAccepted ? undefined : { value: read, etag, itemId: item.id };
}

/**
 * An item {@link readItem} did not accept, read the general way: with zod and the entity schemas, which load on first
 * use. It is the entity when the reader merely gave up, else a `ValidationError` naming every bad cell.
 */
export async function decodeRefused<K extends EntityKind>(kind: K, item: GraphListItem): Promise<DecodedItem<K>> {
  const { validateCells } = await loadValidation();
  const value = validateCells(kind, item.fields!, subjectOf(kind, item));
  return { value, etag: etagOf(item) as string, itemId: item.id };
}

const subjectOf = (kind: EntityKind, item: GraphListItem) => `${kind} in list item ${String(item?.id)}`;

const etagOf = (item: GraphListItem): unknown => item.eTag ?? item['@odata.etag'] ?? item.fields?.['@odata.etag'];
