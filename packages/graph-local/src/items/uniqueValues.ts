import type { Database } from 'better-sqlite3';
import { prepared } from '../db/prepared.js';
import { GraphError } from '../http/graphError.js';
import type { ListRow } from '../lists/listStore.js';
import { listColumns } from '../lists/columns.js';
import type { ListColumn } from '../lists/columns.js';
import type { StoredFields } from './fieldValues.js';

/**
 * SharePoint's "Enforce unique values": no two items of a list hold the same value (compared without case, as
 * SharePoint does) in a column with `enforceUniqueValues`. Each such value is a row of `unique_values`, whose primary key
 * makes the check and the claim one step, so two writers creating the same key at the same instant cannot both win.
 */
export function claimUniqueValues(
  db: Database,
  list: ListRow,
  itemId: number,
  fields: StoredFields,
  columns: readonly ListColumn[] = listColumns(db, list.id),
): void {
  releaseUniqueValues(db, list.id, itemId);
  for (const column of columns) {
    if (column.definition.enforceUniqueValues !== true) continue;
    const value = fields[column.name];
    if (value === undefined || value === null || value === '') continue;
    const claimed = prepared(
      db,
      'INSERT OR IGNORE INTO unique_values (list_id, column_name, value, item_id) VALUES (?, ?, ?, ?)',
    ).run(list.id, column.name.toLowerCase(), String(value).toLowerCase(), itemId);
    if (claimed.changes === 0) {
      // Graph passes SharePoint's SPDuplicateValuesFoundException on as 409 nameAlreadyExists, with SharePoint's words.
      throw new GraphError(
        409,
        'nameAlreadyExists',
        `The list item could not be added or updated because duplicate values were found in the following field(s) in the list: [${column.definition.displayName ?? column.name}].`,
      );
    }
  }
}

/** Frees the unique values an item held (it was deleted, or is about to claim its new ones). */
export function releaseUniqueValues(db: Database, listId: string, itemId: number): void {
  prepared(db, 'DELETE FROM unique_values WHERE list_id = ? AND item_id = ?').run(listId, itemId);
}

/**
 * Applies a change of a column's "Enforce unique values" to the items already in the list, as SharePoint does when a
 * column definition is updated: uniqueness needs an index (and the index stays while uniqueness is on), and turning
 * it on is refused while two items hold the same value (without case); otherwise the values are claimed. Turning it
 * off frees them. Runs inside the request's transaction, so a refusal leaves the column as it was.
 */
export function applyUniquenessChange(db: Database, listId: string, before: ListColumn, after: ListColumn): void {
  const wasUnique = before.definition.enforceUniqueValues === true;
  const isUnique = after.definition.enforceUniqueValues === true;
  if (isUnique && !after.indexed) {
    // SharePoint's SPException when EnforceUniqueValues is set on a column that is not (or no longer) indexed.
    throw new GraphError(400, 'invalidRequest', 'The field must first be indexed to enforce unique values.');
  }
  if (wasUnique && !isUnique) {
    prepared(db, 'DELETE FROM unique_values WHERE list_id = ? AND column_name = ?').run(
      listId,
      before.name.toLowerCase(),
    );
    return;
  }
  if (wasUnique || !isUnique) return;
  const value = `lower(CAST(json_extract(fields, '$."' || ? || '"') AS TEXT))`;
  const held = `json_extract(fields, '$."' || ? || '"') IS NOT NULL AND ${value} != ''`;
  const duplicate = prepared(
    db,
    `SELECT ${value} AS value FROM items WHERE list_id = ? AND deleted = 0 AND ${held}
     GROUP BY ${value} HAVING COUNT(*) > 1 LIMIT 1`,
  ).get(after.name, listId, after.name, after.name, after.name);
  if (duplicate) {
    // SharePoint's words when uniqueness is switched on over existing duplicates (SPException, passed on as 400).
    throw new GraphError(
      400,
      'invalidRequest',
      'This field contains duplicate values. Remove all duplicate values and try the operations again.',
    );
  }
  prepared(
    db,
    `INSERT INTO unique_values (list_id, column_name, value, item_id)
     SELECT list_id, ?, ${value}, id FROM items WHERE list_id = ? AND deleted = 0 AND ${held}`,
  ).run(after.name.toLowerCase(), after.name, listId, after.name, after.name);
}
