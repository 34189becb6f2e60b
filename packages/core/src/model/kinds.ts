/**
 * The kinds of entity Tandem stores, one SharePoint list each, and the entity type of each. Apart from the schemas
 * (entities.ts), so that code which only names kinds builds no schema.
 */
import type { AuditEntry } from './auditEntry.js';
import type { CheckIn } from './checkIn.js';
import type { Decision } from './decision.js';
import type { Feedback } from './feedback.js';
import type { GlossaryTerm } from './glossaryTerm.js';
import type { Idea } from './idea.js';
import type { Initiative } from './initiative.js';
import type { KeyResult } from './keyResult.js';
import type { Kpi, KpiMeasurement } from './kpi.js';
import type { Link } from './link.js';
import type { Objective } from './objective.js';
import type { Service, SlaRecord } from './service.js';
import type { SiteSettings } from './siteSettings.js';

/** The entity of each kind. */
export interface EntityMap {
  objective: Objective;
  keyResult: KeyResult;
  initiative: Initiative;
  kpi: Kpi;
  kpiMeasurement: KpiMeasurement;
  service: Service;
  slaRecord: SlaRecord;
  decision: Decision;
  checkIn: CheckIn;
  feedback: Feedback;
  idea: Idea;
  glossaryTerm: GlossaryTerm;
  link: Link;
  auditEntry: AuditEntry;
  siteSettings: SiteSettings;
}

/** Every kind of entity Tandem stores (one SharePoint list each). */
export type EntityKind = keyof EntityMap;

/** The entity type of `K`. */
export type EntityOf<K extends EntityKind> = EntityMap[K];

/** Any entity. */
export type Entity = EntityMap[EntityKind];

/** Each kind once, in a fixed order (the lists' order wherever they are listed). */
const kinds: { [K in EntityKind]: true } = {
  objective: true,
  keyResult: true,
  initiative: true,
  kpi: true,
  kpiMeasurement: true,
  service: true,
  slaRecord: true,
  decision: true,
  checkIn: true,
  feedback: true,
  idea: true,
  glossaryTerm: true,
  link: true,
  auditEntry: true,
  siteSettings: true,
};

/** Every entity kind, in a fixed order. */
export const ENTITY_KINDS = Object.keys(kinds) as EntityKind[];

/** Whether `value` names an entity kind. */
export function isEntityKind(value: unknown): value is EntityKind {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(kinds, value);
}
