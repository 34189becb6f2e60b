import { createHash, randomUUID } from 'node:crypto';
import { entitySchemas, KEYED_KINDS, toValidationIssues, type EntityKind, type EntityOf } from '@tandem/core';
import { readCsv, type CsvRecord } from '../csv/csvReader.js';
import { decodeCell } from './cellCodec.js';
import { entityColumns, type EntityColumn } from './entityColumns.js';
import type { RowIssue } from './rowIssue.js';

/** One row of an import, read and validated: the entity, or the issues that keep it out. */
export type EntityRow<K extends EntityKind = EntityKind> =
  | { row: number; entity: EntityOf<K>; issues?: undefined; fatal?: undefined }
  /** `fatal`: the file cannot be read past this point (a bad CSV header). */
  | { row: number; entity?: undefined; issues: RowIssue[]; fatal?: boolean };

/** Whether entities of `kind` carry a human key (`OBJ-12`), by which a re-import finds the item to update. */
export function isKeyedKind(kind: EntityKind): boolean {
  return (KEYED_KINDS as readonly string[]).includes(kind);
}

/** The columns of `kind`'s CSV, in field order. */
export function columnsOf(kind: EntityKind): EntityColumn[] {
  let columns = columnCache.get(kind);
  if (!columns) {
    columns = entityColumns(entitySchemas[kind]);
    columnCache.set(kind, columns);
  }
  return columns;
}

const columnCache = new Map<EntityKind, EntityColumn[]>();

/**
 * A row without an id gets one: a keyed row a fresh UUID (the write keeps the id already stored under its key), an
 * unkeyed row one derived from its content, so importing the same file twice updates instead of duplicating.
 */
export function assignId(kind: EntityKind, value: Record<string, unknown>): void {
  if (value.id !== undefined && value.id !== '') return;
  if (isKeyedKind(kind)) {
    value.id = randomUUID();
    return;
  }
  const digest = createHash('sha256')
    .update(kind + '\n' + stableJson({ ...value, id: undefined }))
    .digest('hex');
  // Shaped as a version-8 (custom) UUID so the id schema accepts it.
  value.id = `${digest.slice(0, 8)}-${digest.slice(8, 12)}-8${digest.slice(13, 16)}-a${digest.slice(17, 20)}-${digest.slice(20, 32)}`;
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * Validates one decoded value against `kind`'s schema, mapping each issue to its field (and column, when `columnOf`
 * knows it). Unknown fields are refused rather than dropped: a misspelt column must not lose data silently.
 */
export function validateRow<K extends EntityKind>(
  kind: K,
  row: number,
  value: Record<string, unknown>,
  columnOf: (field: string) => number | undefined = () => undefined,
): EntityRow<K> {
  const known = new Set(columnsOf(kind).map((c) => c.name));
  const issues: RowIssue[] = [];
  for (const field of Object.keys(value)) {
    if (!known.has(field)) issues.push({ row, field, message: `is not a field of ${kind}` });
  }
  assignId(kind, value);
  const result = entitySchemas[kind].safeParse(value);
  if (!result.success) {
    for (const issue of toValidationIssues(result.error)) {
      const field = issue.path.split('.')[0] ?? '';
      const column = columnOf(field);
      issues.push({
        row,
        ...(column !== undefined ? { column } : {}),
        field: issue.path || undefined,
        message: issue.message,
      });
    }
  }
  if (issues.length > 0) return { row, issues };
  return { row, entity: result.data as EntityOf<K> };
}

/** What a CSV header says: the column of each cell, or the issues that make the file unreadable. */
interface Header {
  columns: EntityColumn[];
  issues: RowIssue[];
}

function readHeader(kind: EntityKind, record: CsvRecord): Header {
  const all = new Map(columnsOf(kind).map((c) => [c.name, c]));
  const issues: RowIssue[] = [];
  const columns: EntityColumn[] = [];
  const seen = new Set<string>();
  record.cells.forEach((raw, index) => {
    const name = raw.trim();
    const column = all.get(name);
    if (!column) {
      issues.push({
        row: record.row,
        column: index + 1,
        field: name,
        message: `unknown column "${name}"; ${kind} has ${[...all.keys()].join(', ')}`,
      });
    } else if (seen.has(name)) {
      issues.push({ row: record.row, column: index + 1, field: name, message: `column "${name}" appears twice` });
    }
    seen.add(name);
    columns.push(column ?? { name, type: 'string', optional: true });
  });
  for (const column of all.values()) {
    // The id may be left out: rows are then given one (see assignId).
    if (!column.optional && column.name !== 'id' && !seen.has(column.name)) {
      issues.push({ row: record.row, field: column.name, message: `the required column "${column.name}" is missing` });
    }
  }
  return { columns, issues };
}

/**
 * Reads a CSV file of `kind` (headers are field names) row by row, without holding the file: each data row comes out
 * validated, or with its issues named by row and column. Header problems (unknown, repeated or missing columns) come
 * out as issues of row 1 and stop the reading; a malformed file throws a `CsvError`.
 */
export async function* readEntityCsv<K extends EntityKind>(
  kind: K,
  source: AsyncIterable<string | Uint8Array>,
): AsyncGenerator<EntityRow<K>> {
  let header: Header | undefined;
  for await (const record of readCsv(source)) {
    if (!header) {
      header = readHeader(kind, record);
      if (header.issues.length > 0) {
        yield { row: record.row, issues: header.issues, fatal: true };
        return;
      }
      continue;
    }
    const { columns } = header;
    if (record.cells.length !== columns.length) {
      yield {
        row: record.row,
        issues: [
          {
            row: record.row,
            column: Math.min(record.cells.length, columns.length) + 1,
            message: `has ${record.cells.length} cells where the header has ${columns.length}`,
          },
        ],
      };
      continue;
    }
    const value: Record<string, unknown> = {};
    const issues: RowIssue[] = [];
    const columnByField = new Map<string, number>();
    columns.forEach((column, index) => {
      columnByField.set(column.name, index + 1);
      const decoded = decodeCell(column, record.cells[index]!);
      if ('error' in decoded)
        issues.push({ row: record.row, column: index + 1, field: column.name, message: decoded.error });
      else if (decoded.value !== undefined) value[column.name] = decoded.value;
    });
    if (issues.length > 0) {
      yield { row: record.row, issues };
      continue;
    }
    yield validateRow(kind, record.row, value, (field) => columnByField.get(field));
  }
}
