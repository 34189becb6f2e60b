import { createReadStream } from 'node:fs';
import { extname } from 'node:path';
import type { EntityKind } from '@tandem/core';
import { readEntityCsv, validateRow, type EntityRow } from './entityRows.js';
import { readJsonItems } from './jsonItems.js';

/** The formats an import reads, chosen by the file's extension. */
export type ImportFormat = 'csv' | 'json';

/** `csv` for `.csv`, `json` for `.json`, `.jsonl` and `.ndjson`; undefined for anything else. */
export function importFormatOf(path: string): ImportFormat | undefined {
  const ext = extname(path).toLowerCase();
  if (ext === '.csv') return 'csv';
  if (ext === '.json' || ext === '.jsonl' || ext === '.ndjson') return 'json';
  return undefined;
}

/** Reads JSON items of `kind` (an array of objects whose properties are field names, or JSON Lines), validated one by one. */
export async function* readEntityJson<K extends EntityKind>(
  kind: K,
  source: AsyncIterable<string | Uint8Array>,
): AsyncGenerator<EntityRow<K>> {
  for await (const { row, value } of readJsonItems(source)) {
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      yield { row, issues: [{ row, message: `must be an object with the fields of ${kind}` }] };
      continue;
    }
    yield validateRow(kind, row, { ...(value as Record<string, unknown>) });
  }
}

/** Reads the rows of an import file, streaming from disk: one pass of this generator reads the file once. */
export function readEntityFile<K extends EntityKind>(
  kind: K,
  path: string,
  format: ImportFormat,
): AsyncGenerator<EntityRow<K>> {
  const stream = createReadStream(path, { highWaterMark: 256 * 1024 });
  return format === 'csv' ? readEntityCsv(kind, stream) : readEntityJson(kind, stream);
}
