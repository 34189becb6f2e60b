/**
 * THE mapping between Tandem's entities and SharePoint lists: one list per kind, one column per field, derived from
 * core's zod schemas so that a field added to the model gets its column on the next provisioning. The columns are
 * derived at build time (`listColumns.generated.ts`, written by `npm run generate -w @tandem/graph` from
 * `listSchemaSource.ts`; a test keeps it current), so a page reads its lists without building a schema.
 * Every other module (provisioning, item codec, queries) reads the mapping from here.
 */
import { ENTITY_KINDS, type EntityKind } from '@tandem/core';
import { listColumns, listFingerprint } from './listColumns.generated.js';

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

/** A kind's columns, and the field that is SharePoint's `Title` (when the entity has one), as generated. */
export interface ListColumns {
  fields: readonly FieldColumn[];
  titleField?: string;
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
  ENTITY_KINDS.map((kind) => [
    kind,
    {
      kind,
      displayName: displayNames[kind] ?? defaultDisplayName(kind),
      fields: listColumns[kind].fields,
      titleField: listColumns[kind].titleField,
      label: labels[kind] ?? ((v: Record<string, unknown>) => String(v.id)),
    },
  ]),
) as Record<EntityKind, ListSchema>;

/** The list schema of `kind`. */
export function listSchemaOf(kind: EntityKind): ListSchema {
  return listSchemas[kind];
}

/** A stable fingerprint of the whole mapping: provisioning upgrades when the stored one differs. */
export function schemaFingerprint(): string {
  return listFingerprint;
}

/** The fingerprint of `schemas` (worked out as the columns are generated; see {@link schemaFingerprint}). */
export function fingerprintOf(schemas: Readonly<Record<EntityKind, ListSchema>>): string {
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
