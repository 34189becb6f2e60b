import type { AuditEntry } from '../model/auditEntry.js';
import type { AuditedKind } from '../model/vocabulary.js';
import { auditedKinds, SETTINGS_TARGET_KEY } from '../model/vocabulary.js';
import type { PersonRef } from '../model/common.js';

/** Whether changes to `kind` are kept in the audit trail. */
export function isAuditedKind(kind: string): kind is AuditedKind {
  return (auditedKinds as readonly string[]).includes(kind);
}

/** A value as the trail keeps it: JSON text, undefined for no value. */
function asText(value: unknown): string | undefined {
  return value === undefined ? undefined : JSON.stringify(value);
}

/** The fields that differ between `before` and `after` (compared as JSON), in a stable order. */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const fields = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...fields].filter((f) => f !== 'id' && asText(before[f]) !== asText(after[f])).sort();
}

/**
 * The audit entries of one change to an item of an audited kind: one per changed field for an update,
 * a single entry for a create or delete. `newId` gives each entry its id.
 */
export function auditEntriesFor(input: {
  kind: AuditedKind;
  before: Record<string, unknown> | undefined;
  after: Record<string, unknown> | undefined;
  by: PersonRef;
  at: Date;
  newId: () => string;
}): AuditEntry[] {
  const { kind, before, after, by, at, newId } = input;
  const item = (after ?? before)!;
  const base = {
    entityKind: kind,
    entityId: String(item.id),
    targetKey: item.key === undefined ? SETTINGS_TARGET_KEY : String(item.key),
    changedBy: by,
    at: at.toISOString(),
  };
  if (!before) return [{ id: newId(), ...base, action: 'create', after: asText(after) }];
  if (!after) return [{ id: newId(), ...base, action: 'delete', before: asText(before) }];
  return changedFields(before, after).map((field) => {
    const was = asText(before[field]);
    const now = asText(after[field]);
    return {
      id: newId(),
      ...base,
      action: 'update' as const,
      field,
      ...(was !== undefined ? { before: was } : {}),
      ...(now !== undefined ? { after: now } : {}),
    };
  });
}
