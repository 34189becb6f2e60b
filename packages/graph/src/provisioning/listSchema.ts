import { entitySchemas, ENTITY_KINDS, isoDateSchema, timestampSchema, type EntityKind } from '@tandem/core';
import { z } from 'zod';

/**
 * THE mapping between Tandem's entities and SharePoint lists: one list per kind, one column per field,
 * derived from core's zod schemas so that a field added to the model gets its column on the next provisioning.
 * Every other module (provisioning, item codec, queries) reads it from here.
 */

/** How a field is kept in SharePoint. `json` is multi-line text holding JSON (arrays and objects, which SharePoint has no type for). */
export type ColumnType = 'text' | 'note' | 'number' | 'boolean' | 'choice' | 'json';

/** One entity field ↔ one SharePoint column. */
export interface FieldColumn {
  /** The entity's field (`objectiveKey`). */
  field: string;
  /** The column's internal name (`ObjectiveKey`; `Title` and `Key` for titles and keys). */
  column: string;
  type: ColumnType;
  /** Choice columns: the allowed values. */
  choices?: readonly string[];
  /** Indexed, so that the app may filter on it past the 5,000-item view threshold. */
  indexed: boolean;
  /** Required by the model (Graph is still sent nothing for an absent optional field). */
  required: boolean;
  /** SharePoint enforces unique values (the client id and the human key): a second item with the same value is refused. */
  unique: boolean;
}

/** The list of one entity kind. */
export interface ListSchema {
  kind: EntityKind;
  /** The list's display name, e.g. `Tandem Objectives`. */
  displayName: string;
  /** Every field's column, `id` (as {@link clientIdColumn}) included. */
  fields: readonly FieldColumn[];
  /** The field shown as SharePoint's `Title`, when the entity has one; otherwise Title holds {@link ListSchema.label}. */
  titleField: string | undefined;
  /** A readable Title for entities without a title field (`KPI-3 2026-01-01`). */
  label: (value: Record<string, unknown>) => string;
}

/** The column holding the entity's client-generated id (indexed: every retried create looks it up). */
export const clientIdColumn = 'TandemId';
/** The column holding human keys (`INI-7`). */
export const keyColumn = 'Key';

/** Bump when the mapping changes in a way the fingerprint cannot see (e.g. a column's meaning). */
export const schemaVersion = 1;

/** The list that keeps the provisioned schema version in the site. */
export const settingsListName = 'Tandem Settings';

/**
 * List names by kind. A kind core adds later without a name here still gets one (`Tandem ` + its words), so a new
 * model kind provisions its list without a change to this module.
 */
const displayNames: Partial<Record<string, string>> = {
  objective: 'Tandem Objectives',
  keyResult: 'Tandem Key Results',
  initiative: 'Tandem Initiatives',
  kpi: 'Tandem KPIs',
  kpiMeasurement: 'Tandem KPI Measurements',
  service: 'Tandem Services',
  slaRecord: 'Tandem SLA Records',
  decision: 'Tandem Decisions',
  checkIn: 'Tandem Check-ins',
  feedback: 'Tandem Feedback',
  idea: 'Tandem Ideas',
  glossaryTerm: 'Tandem Glossary',
  link: 'Tandem Links',
  auditEntry: 'Tandem Audit Log',
  siteSettings: 'Tandem Site Settings',
};

function defaultDisplayName(kind: string): string {
  const words = kind.replace(/([a-z0-9])([A-Z])/g, '$1 $2');
  return `Tandem ${words.charAt(0).toUpperCase()}${words.slice(1)}s`;
}

/** Entity fields that become `Title` when the entity has no `title`. */
const titleFieldCandidates = ['title', 'name', 'businessTerm'];

/** Scalar fields the app filters on, besides keys and references (`...Key`), which are always indexed. */
const indexedFields = new Set([
  'status',
  'kind',
  'externalId',
  'measuredOn',
  'periodStart',
  'at',
  'linkedAt',
  'entityId',
]);

/** SharePoint's own column names, which an entity field must not take. */
const reservedColumns = new Set([
  'ID',
  'Title',
  'Author',
  'Editor',
  'Created',
  'Modified',
  'Attachments',
  'ContentType',
  'Edit',
  'LinkTitle',
  'DocIcon',
  'Order',
  'GUID',
  'Version',
  'Key',
]);

const labels: Partial<Record<string, (v: Record<string, unknown>) => string>> = {
  kpiMeasurement: (v) => `${String(v.kpiKey)} ${String(v.measuredOn)}`,
  slaRecord: (v) => `${String(v.serviceKey)} ${String(v.periodStart)}`,
  checkIn: (v) => `${String(v.targetKey)} ${String(v.at)}`,
  feedback: (v) => `${String(v.targetKey)} ${String(v.at)}`,
  auditEntry: (v) => `${String(v.targetKey)} ${String(v.field ?? v.action)} ${String(v.at)}`,
  siteSettings: () => 'Site settings',
};

/** The list schema of every entity kind, in core's kind order. */
export const listSchemas: Readonly<Record<EntityKind, ListSchema>> = Object.fromEntries(
  ENTITY_KINDS.map((kind) => [kind, deriveListSchema(kind)]),
) as Record<EntityKind, ListSchema>;

/** The list schema of `kind`. */
export function listSchemaOf(kind: EntityKind): ListSchema {
  return listSchemas[kind];
}

let fingerprint: string | undefined;

/** A stable fingerprint of the whole mapping: provisioning upgrades when the stored one differs. */
export function schemaFingerprint(): string {
  // The mapping is fixed once this module has loaded: worked out on first use, then remembered.
  return (fingerprint ??= fingerprintOf(listSchemas));
}

function fingerprintOf(schemas: Readonly<Record<EntityKind, ListSchema>>): string {
  const text = JSON.stringify(
    ENTITY_KINDS.map((k) => [
      schemas[k].displayName,
      schemas[k].fields.map((f) => [f.column, f.type, f.indexed, f.unique, f.choices]),
    ]),
  );
  // FNV-1a: enough to notice a change; no crypto needed (and none available without Node built-ins).
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return `${schemaVersion}.${(hash >>> 0).toString(16).padStart(8, '0')}`;
}

function deriveListSchema(kind: EntityKind): ListSchema {
  const shape = objectShape(entitySchemas[kind]);
  const titleField = titleFieldCandidates.find((f) => f in shape);
  const fields: FieldColumn[] = Object.entries(shape).map(([field, schema]) => {
    const { inner, required, dated } = unwrap(schema);
    const column =
      field === 'id'
        ? clientIdColumn
        : field === 'key'
          ? keyColumn
          : field === titleField
            ? 'Title'
            : columnName(field);
    const base = { field, column, required, unique: field === 'id' || field === 'key' };
    const indexed = field === 'id' || field === 'key' || /Key$/.test(field) || indexedFields.has(field);
    if (inner instanceof z.ZodEnum) {
      return { ...base, type: 'choice', choices: inner.options as string[], indexed };
    }
    if (inner instanceof z.ZodNumber) return { ...base, type: 'number', indexed };
    if (inner instanceof z.ZodBoolean) return { ...base, type: 'boolean', indexed };
    if (inner instanceof z.ZodString) {
      // Single-line text holds 255 characters: anything that may be longer (descriptions, URLs) is a note column,
      // which SharePoint cannot index, so notes are never filtered on. Dates and timestamps stay short and sortable.
      const short =
        column === 'Title' ||
        indexed ||
        dated ||
        inner.isDatetime ||
        (inner.maxLength !== null && inner.maxLength <= 255);
      return { ...base, type: short ? 'text' : 'note', indexed };
    }
    return { ...base, type: 'json', indexed: false };
  });
  return {
    kind,
    displayName: displayNames[kind] ?? defaultDisplayName(kind),
    fields,
    titleField,
    label: labels[kind] ?? ((v) => String(v.id)),
  };
}

function columnName(field: string): string {
  const pascal = field.charAt(0).toUpperCase() + field.slice(1);
  return reservedColumns.has(pascal) ? `Tandem${pascal}` : pascal;
}

function objectShape(schema: z.ZodTypeAny): Record<string, z.ZodTypeAny> {
  let s: z.ZodTypeAny = schema;
  while (s instanceof z.ZodEffects) s = s.innerType() as z.ZodTypeAny;
  if (!(s instanceof z.ZodObject)) throw new Error('an entity schema must be a zod object');
  return s.shape as Record<string, z.ZodTypeAny>;
}

function unwrap(schema: z.ZodTypeAny): { inner: z.ZodTypeAny; required: boolean; dated: boolean } {
  let s = schema;
  let required = true;
  let dated = false;
  for (;;) {
    if (s === isoDateSchema || s === timestampSchema) dated = true;
    if (s instanceof z.ZodOptional || s instanceof z.ZodNullable) {
      required = false;
      s = s.unwrap() as z.ZodTypeAny;
    } else if (s instanceof z.ZodDefault) {
      required = false;
      s = s.removeDefault() as z.ZodTypeAny;
    } else if (s instanceof z.ZodEffects) {
      s = s.innerType() as z.ZodTypeAny;
    } else if (s instanceof z.ZodBranded || s instanceof z.ZodReadonly) {
      s = s.unwrap() as z.ZodTypeAny;
    } else return { inner: s, required, dated };
  }
}
