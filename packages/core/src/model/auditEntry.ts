import { z } from 'zod';
import { isEntityKey } from '../keys/entityKey.js';
import { idSchema, personRefSchema, textSchema, timestampSchema, titleSchema } from './common.js';
import { refineWith } from './compiledSchema.js';

/**
 * The kinds whose every change is kept in the audit trail (scores are initiative fields, so they are covered; the
 * site's settings hold the governance members, so changes to who may govern are covered too).
 */
export const auditedKinds = ['objective', 'initiative', 'decision', 'idea', 'siteSettings'] as const;

/** The `targetKey` of the site settings' entries, which have no key of their own: the trail reads it as a name. */
export const SETTINGS_TARGET_KEY = 'SETTINGS';

/** A kind whose changes are audited. */
export type AuditedKind = (typeof auditedKinds)[number];

/** What happened to the item. */
export const auditActions = ['create', 'update', 'delete'] as const;

/**
 * One field of one item changed: who, when, and what (the field, its value before and after, as JSON text;
 * absent when the field had no value). A create or delete is one entry with no field.
 */
export const auditEntrySchema = z.object({
  id: idSchema,
  entityKind: z.enum(auditedKinds, { message: `must be one of ${auditedKinds.join(', ')}` }),
  /** The item's id (the client-generated UUID). */
  entityId: idSchema,
  /** The item's human key (`INI-7`; `SETTINGS` for the site's settings): the trail is read per key. */
  targetKey: refineWith(
    z.string({ invalid_type_error: 'must be a string' }),
    (v) => v === SETTINGS_TARGET_KEY || isEntityKey(v),
    `must be a key such as INI-7, or ${SETTINGS_TARGET_KEY}`,
  ),
  action: z.enum(auditActions, { message: `must be one of ${auditActions.join(', ')}` }),
  /** The field changed; absent for a create or delete. */
  field: titleSchema.optional(),
  before: textSchema.optional(),
  after: textSchema.optional(),
  changedBy: personRefSchema,
  at: timestampSchema,
});

/** One change in the audit trail. */
export type AuditEntry = z.infer<typeof auditEntrySchema>;
