/**
 * The general way of checking entities and list items: core's zod schemas. It is loaded on first use
 * ({@link loadValidation}), not with the store: a page reads its first items with the generated readers, and needs
 * zod only when it writes, or meets an item those readers do not accept.
 */
import { ValidationError, validateEntity, type EntityKind, type EntityOf, type ValidationIssue } from '@tandem/core';
import { listSchemaOf, type FieldColumn } from '../provisioning/listSchema.js';

export { validateEntity };

/** The entity in an item's cells, or a `ValidationError` naming every bad cell by its field and column. */
export function validateCells<K extends EntityKind>(
  kind: K,
  fields: Record<string, unknown>,
  subject: string,
): EntityOf<K> {
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
