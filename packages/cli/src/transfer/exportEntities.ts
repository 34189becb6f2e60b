import type { EntityKind, EntityOf } from '@tandem/core';
import { formatCsvRecord } from '../csv/csvWriter.js';
import { encodeCell } from './cellCodec.js';
import { columnsOf } from './entityRows.js';

/** The formats an export writes. */
export type ExportFormat = 'csv' | 'json';

/**
 * Writes entities of `kind` as text, chunk by chunk: CSV with every field of the kind as a header (JSON in the cells
 * of lists and people), or a JSON array, one item a line. What this writes, an import reads back to the same entities.
 */
export async function* exportEntities<K extends EntityKind>(
  kind: K,
  entities: AsyncIterable<EntityOf<K>> | Iterable<EntityOf<K>>,
  format: ExportFormat,
): AsyncGenerator<string> {
  if (format === 'csv') {
    const columns = columnsOf(kind);
    yield formatCsvRecord(columns.map((c) => c.name));
    for await (const entity of entities) {
      const value = entity as Record<string, unknown>;
      yield formatCsvRecord(columns.map((c) => encodeCell(c.type, value[c.name])));
    }
    return;
  }
  let first = true;
  yield '[';
  for await (const entity of entities) {
    yield (first ? '\n' : ',\n') + JSON.stringify(entity);
    first = false;
  }
  yield first ? ']\n' : '\n]\n';
}
