import { z } from 'zod';
import { idSchema, personRefSchema, textSchema, timestampSchema, titleSchema } from './common.js';
import { check } from './checks.js';
import { refineWith } from './compiledSchema.js';
import { auditActions, auditedKinds, SETTINGS_TARGET_KEY } from './vocabulary.js';

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
    check('auditTarget'),
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
