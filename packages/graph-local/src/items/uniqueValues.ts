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
