import type { CellType, EntityColumn } from './entityColumns.js';

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** The result of reading one cell: a value (undefined = leave the field out) or a message saying why it cannot be read. */
export type DecodedCell = { value: unknown } | { error: string };

/**
 * Reads one CSV cell as the field's type. An empty cell leaves an optional field out; a text that is not a number is
 * kept as text, so the entity schema reports it in its own words ("must be a number").
 */
export function decodeCell(column: EntityColumn, cell: string): DecodedCell {
  if (cell === '') return { value: column.optional || column.type !== 'string' ? undefined : '' };
  switch (column.type) {
    case 'string':
      return { value: cell };
    case 'number': {
      const trimmed = cell.trim();
      return { value: NUMBER.test(trimmed) ? Number(trimmed) : cell };
    }
    case 'boolean':
      return { value: cell === 'true' ? true : cell === 'false' ? false : cell };
    case 'json':
      try {
        return { value: JSON.parse(cell) as unknown };
      } catch (error) {
        return {
          error: `must be JSON, such as ["OBJ-1"] or {"email":"ada@contoso.com","displayName":"Ada"} (${(error as Error).message})`,
        };
      }
  }
}

/** Writes one field's value into a cell: the inverse of {@link decodeCell}. */
export function encodeCell(type: CellType, value: unknown): string {
  if (value === undefined || value === null) return '';
  switch (type) {
    case 'string':
      return String(value);
    case 'number':
    case 'boolean':
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
    case 'json':
      return JSON.stringify(value);
  }
}
