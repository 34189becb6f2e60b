import { z } from 'zod';
import { KEY_PREFIXES, type KeyedKind } from '../keys/entityKey.js';
import { check, entityRuleIssues, type RuledKind } from './checks.js';
import { refineWith, refineWithIssues } from './compiledSchema.js';

/** A client-generated UUID: the client picks the id, so a retried create can never make a second item. */
export const idSchema = z
  .string({ invalid_type_error: 'must be a string' })
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'must be a UUID');

/** A calendar date, `YYYY-MM-DD` (periods, start and end of work). */
export const isoDateSchema = refineWith(
  z.string({ invalid_type_error: 'must be a date string' }),
  check('calendarDate'),
  'must be a calendar date YYYY-MM-DD',
);

/** A point in time, full ISO 8601 with a zone (`2026-03-01T09:30:00Z`). */
export const timestampSchema = z
  .string({ invalid_type_error: 'must be a timestamp string' })
  .datetime({ offset: true, message: 'must be an ISO timestamp with a time zone' });

/** Short text: SharePoint single-line columns hold 255 characters. */
export const titleSchema = z
  .string({ invalid_type_error: 'must be a string' })
  .trim()
  .min(1, 'must not be empty')
  .max(255, 'must be at most 255 characters');

/** Long text (multi-line columns). */
export const textSchema = z.string({ invalid_type_error: 'must be a string' }).max(63_999, 'is too long');

/** A web address (http or https only: these end up as links in every host). */
export const urlSchema = refineWith(
  z.string({ invalid_type_error: 'must be a string' }).url('must be a URL'),
  check('httpUrl'),
  'must be an http(s) URL',
);

/** A person, as M365 knows them. */
export const personRefSchema = z.object({
  email: z.string({ invalid_type_error: 'must be a string' }).email('must be an email address'),
  displayName: titleSchema,
});

/** A person, as M365 knows them. */
export type PersonRef = z.infer<typeof personRefSchema>;

/** Any canonical human key (`INI-7`, `OBJ-12`). */
export const anyKeySchema = refineWith(
  z.string({ invalid_type_error: 'must be a string' }),
  check('anyKey'),
  'must be a key such as INI-7',
);

/** A canonical key of one kind (`keySchema('initiative')` accepts `INI-7`, not `OBJ-7` or `ini-7`). */
export function keySchema(kind: KeyedKind) {
  const prefix = KEY_PREFIXES[kind];
  return refineWith(
    z.string({ invalid_type_error: 'must be a string' }),
    check('keyOf', kind),
    `must be a key such as ${prefix}-7`,
  );
}

/** A finite number (NaN and Infinity are refused; SharePoint number columns cannot hold them). */
export const numberSchema = z.number({ invalid_type_error: 'must be a number' }).finite('must be a finite number');

/** A percentage, 0 to 100. */
export const percentSchema = numberSchema.min(0, 'must be at least 0').max(100, 'must be at most 100');

/** `schema` refined with the rules across the fields of `kind` (see checks.ts), each issue reported on its field. */
export function withRules<T extends z.AnyZodObject>(schema: T, kind: RuledKind) {
  return refineWithIssues(schema, check('entityRules', kind), (value) => entityRuleIssues(kind, value));
}
