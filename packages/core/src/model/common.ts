import { z } from 'zod';
import { isEntityKey, isKeyOf, KEY_PREFIXES, type KeyedKind } from '../keys/entityKey.js';
import { refineWith } from './compiledSchema.js';

/** A client-generated UUID: the client picks the id, so a retried create can never make a second item. */
export const idSchema = z
  .string({ invalid_type_error: 'must be a string' })
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'must be a UUID');

/** Days in each month of a common year. */
const monthDays = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * `YYYY-MM-DD` naming a day that exists (no 30 February); years before 100 are refused, as `Date.UTC` reads them as
 * 19xx. Worked out digit by digit rather than through a `Date`: a page checks two of these on every initiative it reads.
 */
function isCalendarDate(text: string): boolean {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return false;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 7);
  const day = digits(text, 8, 10);
  if (year < 100 || month < 1 || month > 12 || day < 1) return false;
  const leapDay = month === 2 && ((year % 4 === 0 && year % 100 !== 0) || year % 400 === 0) ? 1 : 0;
  return day <= monthDays[month - 1]! + leapDay;
}

/** The number `text` spells from `start` to `end`, or -1 when any of it is not an ASCII digit. */
function digits(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    n = n * 10 + digit;
  }
  return n;
}

/** A calendar date, `YYYY-MM-DD` (periods, start and end of work). */
export const isoDateSchema = refineWith(
  z.string({ invalid_type_error: 'must be a date string' }),
  isCalendarDate,
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
  (u) => /^https?:\/\//i.test(u),
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
  isEntityKey,
  'must be a key such as INI-7',
);

/** A canonical key of one kind (`keySchema('initiative')` accepts `INI-7`, not `OBJ-7` or `ini-7`). */
export function keySchema(kind: KeyedKind) {
  const prefix = KEY_PREFIXES[kind];
  return refineWith(
    z.string({ invalid_type_error: 'must be a string' }),
    (v) => isKeyOf(kind, v),
    `must be a key such as ${prefix}-7`,
  );
}

/** A finite number (NaN and Infinity are refused; SharePoint number columns cannot hold them). */
export const numberSchema = z.number({ invalid_type_error: 'must be a number' }).finite('must be a finite number');

/** A percentage, 0 to 100. */
export const percentSchema = numberSchema.min(0, 'must be at least 0').max(100, 'must be at most 100');

/** Adds an issue on `field` when `end` comes before `start` (ISO dates compare as strings). */
export function endNotBeforeStart(startField: string, endField: string) {
  return (value: Record<string, unknown>, ctx: z.RefinementCtx) => {
    const start = value[startField];
    const end = value[endField];
    if (typeof start === 'string' && typeof end === 'string' && end < start) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: [endField], message: `must not be before ${startField}` });
    }
  };
}
