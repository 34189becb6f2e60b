/**
 * The checks behind the refinements of core's schemas, by name. A schema refines with a named check
 * (`refineWith(schema, check('keyOf', 'initiative'), message)`), and code generated from the schema at build time
 * (graph's item readers) makes the same check by the same call, `check('keyOf', 'initiative')`: so a page reads its
 * first list items without building any zod schema, and without loading zod at all.
 *
 * No zod here. Each check says whether a value passes; the rules across an entity's fields also say which field is
 * wrong ({@link entityRuleIssues}), which the schema reports through zod.
 */
import { isEntityKey, isKeyOf, type KeyedKind } from '../keys/entityKey.js';
import { riceImpacts, SETTINGS_TARGET_KEY } from './vocabulary.js';

/** What a compiled check returns for a value it does not accept (zod then decides, and says why). */
export const notAccepted: unique symbol = Symbol('notAccepted');

/** An object made by a literal or JSON.parse (not an array, a class instance or null). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** Days in each month of a common year. */
const monthDays = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * `YYYY-MM-DD` naming a day that exists (no 30 February); years before 100 are refused, as `Date.UTC` reads them as
 * 19xx. Worked out digit by digit rather than through a `Date`: a page checks two of these on every initiative it reads.
 */
export function isCalendarDate(text: string): boolean {
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

/** An issue a rule across an entity's fields finds: the field (and index) it is about, and what is wrong. */
export interface RuleIssue {
  path: (string | number)[];
  message: string;
}

type Fields = Record<string, unknown>;

/** `end` must not come before `start` (ISO dates compare as strings). */
function endNotBeforeStart(value: Fields, start: string, end: string): RuleIssue[] {
  const from = value[start];
  const to = value[end];
  return typeof from === 'string' && typeof to === 'string' && to < from
    ? [{ path: [end], message: `must not be before ${start}` }]
    : [];
}

/** The entries of `list` whose email (by `emailOf`, case aside) came earlier in it. */
function repeatedEmails(list: unknown, field: string, emailOf: (entry: never) => string, message: string): RuleIssue[] {
  if (!Array.isArray(list)) return [];
  const seen = new Set<string>();
  const issues: RuleIssue[] = [];
  list.forEach((entry, i) => {
    const email = emailOf(entry as never).toLowerCase();
    if (seen.has(email)) issues.push({ path: [field, i], message });
    seen.add(email);
  });
  return issues;
}

/** The rules across the fields of an entity of each kind that has some, given a value whose fields are each valid. */
const entityRules = {
  objective: (v: Fields): RuleIssue[] => [
    ...endNotBeforeStart(v, 'periodStart', 'periodEnd'),
    ...(v.parentKey !== undefined && v.parentKey === v.key
      ? [{ path: ['parentKey'], message: 'must not be the objective itself' }]
      : []),
  ],
  initiative: (v: Fields): RuleIssue[] => [
    ...endNotBeforeStart(v, 'start', 'end'),
    ...(Array.isArray(v.dependsOn) && v.dependsOn.includes(v.key)
      ? [{ path: ['dependsOn'], message: 'must not include the initiative itself' }]
      : []),
  ],
  slaRecord: (v: Fields): RuleIssue[] => endNotBeforeStart(v, 'periodStart', 'periodEnd'),
  idea: (v: Fields): RuleIssue[] => [
    ...repeatedEmails(v.voterEmails, 'voterEmails', (email: string) => email, 'votes twice'),
    ...(v.status === 'promoted' && v.promotedInitiativeKey === undefined
      ? [{ path: ['promotedInitiativeKey'], message: 'is required once promoted' }]
      : []),
  ],
  siteSettings: (v: Fields): RuleIssue[] => [
    ...repeatedEmails(
      v.governanceMembers,
      'governanceMembers',
      (member: { person: { email: string } }) => member.person.email,
      'is listed twice',
    ),
    ...((v.digestTeamId === undefined) !== (v.digestChannelId === undefined)
      ? [
          {
            path: [v.digestTeamId === undefined ? 'digestTeamId' : 'digestChannelId'],
            message: 'is required with the digest channel',
          },
        ]
      : []),
  ],
};

/** A kind with rules across its fields. */
export type RuledKind = keyof typeof entityRules;

/** What the rules of `kind` find wrong in `value` (whose fields are each valid); empty when nothing is. */
export function entityRuleIssues(kind: RuledKind, value: Fields): RuleIssue[] {
  return entityRules[kind](value);
}

/** Whether `text` is a URL as zod's `url()` check takes it: anything the platform's URL parser reads. */
function isParsableUrl(text: string): boolean {
  try {
    new URL(text);
    return true;
  } catch {
    return false;
  }
}

/** Each named check: its arguments give the function that says whether a value passes. */
const catalogue = {
  calendarDate: () => isCalendarDate,
  anyKey: () => isEntityKey,
  keyOf: (kind: KeyedKind) => (value: string) => isKeyOf(kind, value),
  auditTarget: () => (value: string) => value === SETTINGS_TARGET_KEY || isEntityKey(value),
  httpUrl: () => (value: string) => /^https?:\/\//i.test(value),
  parsableUrl: () => isParsableUrl,
  riceImpact: () => (value: number) => (riceImpacts as readonly number[]).includes(value),
  entityRules: (kind: RuledKind) => (value: Fields) => entityRules[kind](value).length === 0,
};

/** The name of a check in the catalogue. */
export type CheckName = keyof typeof catalogue;

/** A check's name and the arguments it was made with: how generated code makes it again. */
export interface CheckCall {
  name: CheckName;
  args: readonly unknown[];
}

const calls = new WeakMap<(value: never) => boolean, CheckCall>();

/** The check `name` made with `args`: a function of the value, remembered with its name and arguments. */
export function check<N extends CheckName>(
  name: N,
  ...args: Parameters<(typeof catalogue)[N]>
): ReturnType<(typeof catalogue)[N]> {
  const make = catalogue[name] as (...a: unknown[]) => ReturnType<(typeof catalogue)[N]>;
  const made = make(...args);
  calls.set(made as (value: never) => boolean, { name, args });
  return made;
}

/** How `fn` was made by {@link check}, or undefined when it was not. */
export function checkCallOf(fn: (value: never) => boolean): CheckCall | undefined {
  return calls.get(fn);
}
