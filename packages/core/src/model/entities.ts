import { z } from 'zod';
import { ValidationError, type ValidationIssue } from '../errors/storeErrors.js';
import { notAccepted } from './checks.js';
import { compileSchema, type CompiledSchema } from './compiledSchema.js';
import { auditEntrySchema } from './auditEntry.js';
import { checkInSchema } from './checkIn.js';
import { decisionSchema } from './decision.js';
import { feedbackSchema } from './feedback.js';
import { glossaryTermSchema } from './glossaryTerm.js';
import { ideaSchema } from './idea.js';
import { initiativeSchema } from './initiative.js';
import { keyResultSchema } from './keyResult.js';
import { kpiMeasurementSchema, kpiSchema } from './kpi.js';
import { linkSchema } from './link.js';
import { objectiveSchema } from './objective.js';
import { serviceSchema, slaRecordSchema } from './service.js';
import { siteSettingsSchema } from './siteSettings.js';
import type { EntityKind, EntityOf } from './kinds.js';

/** The schema of each kind: the one source of both types and validation. */
export const entitySchemas: { [K in EntityKind]: z.ZodType<EntityOf<K>> } = {
  objective: objectiveSchema,
  keyResult: keyResultSchema,
  initiative: initiativeSchema,
  kpi: kpiSchema,
  kpiMeasurement: kpiMeasurementSchema,
  service: serviceSchema,
  slaRecord: slaRecordSchema,
  decision: decisionSchema,
  checkIn: checkInSchema,
  feedback: feedbackSchema,
  idea: ideaSchema,
  glossaryTerm: glossaryTermSchema,
  link: linkSchema,
  auditEntry: auditEntrySchema,
  siteSettings: siteSettingsSchema,
};

/** Turns zod's issues into `{ path, message }` with dotted paths (`votes.0.vote`). */
export function toValidationIssues(error: z.ZodError): ValidationIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.join('.'),
    message: issue.code === 'invalid_type' && issue.received === 'undefined' ? 'is required' : issue.message,
  }));
}

const compiledSchemas = new Map<EntityKind, CompiledSchema>();

/**
 * Validates `value` as an entity of `kind` and returns it typed (unknown fields are dropped).
 * Throws a `ValidationError` whose issues name every offending field.
 */
export function validateEntity<K extends EntityKind>(kind: K, value: unknown): EntityOf<K> {
  const schema = entitySchemas[kind] as z.ZodType<EntityOf<K>> | undefined;
  if (!schema) throw new ValidationError('entity kind', [{ path: '', message: `unknown entity kind ${String(kind)}` }]);
  // The compiled form accepts a valid value at a fraction of zod's cost (a page reads thousands); anything it does not
  // accept goes to zod, which decides and names the issues.
  let compiled = compiledSchemas.get(kind);
  if (!compiled) {
    compiled = compileSchema(schema);
    compiledSchemas.set(kind, compiled);
  }
  const accepted = compiled(value);
  if (accepted !== notAccepted) return accepted as EntityOf<K>;
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new ValidationError(kind, toValidationIssues(result.error));
}

/**
 * The fields of an entity kind and their schemas (refinements across fields peeled off), for adapters that map
 * entities to columns: `Object.keys(entityShape('initiative'))`.
 */
export function entityShape(kind: EntityKind): z.ZodRawShape {
  let schema: z.ZodTypeAny = entitySchemas[kind] as z.ZodTypeAny;
  while (schema instanceof z.ZodEffects) schema = schema.innerType();
  if (!(schema instanceof z.ZodObject)) throw new TypeError(`${kind} is not an object schema`);
  return schema.shape as z.ZodRawShape;
}
