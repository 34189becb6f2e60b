/** The entity kinds that carry a human key, and the prefix of each key (`INI-7`). */
export const KEY_PREFIXES = {
  objective: 'OBJ',
  keyResult: 'KR',
  initiative: 'INI',
  kpi: 'KPI',
  service: 'SVC',
  decision: 'DEC',
  idea: 'IDEA',
} as const;

/** An entity kind that carries a human key. */
export type KeyedKind = keyof typeof KEY_PREFIXES;

/** A key prefix such as `INI`. */
export type KeyPrefix = (typeof KEY_PREFIXES)[KeyedKind];

/** The keyed kinds, in a fixed order. */
export const KEYED_KINDS = Object.keys(KEY_PREFIXES) as KeyedKind[];

const kindByPrefix = new Map<string, KeyedKind>(KEYED_KINDS.map((kind) => [KEY_PREFIXES[kind], kind]));

/** Key numbers stop at nine digits: far beyond any list, and always a safe integer. */
export const MAX_KEY_NUMBER = 999_999_999;

/**
 * The key grammar as a regular-expression source: a prefix, a dash and a number without leading zeros.
 * Longer prefixes come first so that alternation never stops at a shorter one.
 */
export const KEY_PATTERN_SOURCE = `(${[...kindByPrefix.keys()].sort((a, b) => b.length - a.length).join('|')})-([1-9][0-9]{0,8})`;

const canonicalKey = new RegExp(`^${KEY_PATTERN_SOURCE}$`);
const looseKey = new RegExp(`^${KEY_PATTERN_SOURCE}$`, 'i');

/** A key taken apart. */
export interface ParsedKey {
  kind: KeyedKind;
  prefix: KeyPrefix;
  number: number;
  /** The canonical form, upper case: `INI-7`. */
  key: string;
}

/** Formats the key of entity number `n` of `kind`: `formatKey('initiative', 7)` is `INI-7`. Throws a RangeError on a bad number. */
export function formatKey(kind: KeyedKind, n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > MAX_KEY_NUMBER) {
    throw new RangeError(`key number must be an integer from 1 to ${MAX_KEY_NUMBER}, got ${n}`);
  }
  const prefix = KEY_PREFIXES[kind];
  if (prefix === undefined) throw new RangeError(`${String(kind)} has no key`);
  return `${prefix}-${n}`;
}

/**
 * Parses a key, ignoring case and surrounding white space (`' ini-7 '` is `INI-7`, as people type it in branch names).
 * Returns undefined for anything that is not exactly one key.
 */
export function parseKey(text: string): ParsedKey | undefined {
  const match = looseKey.exec(text.trim());
  if (!match) return undefined;
  const prefix = match[1]!.toUpperCase() as KeyPrefix;
  const number = Number(match[2]);
  return { kind: kindByPrefix.get(prefix)!, prefix, number, key: `${prefix}-${number}` };
}

/** Whether `value` is a key in canonical form, such as `INI-7` (not `ini-7`, `INI-07` or `MINI-7`). */
export function isEntityKey(value: string): boolean {
  return canonicalKey.test(value);
}

/** `INI-`, `OBJ-`…: what a canonical key of each kind starts with. */
const keyStarts = new Map<string, string>(KEYED_KINDS.map((kind) => [kind, `${KEY_PREFIXES[kind]}-`]));

/** Whether `value` is a canonical key of `kind` (checked on every key of every item a page reads). */
export function isKeyOf(kind: KeyedKind, value: string): boolean {
  const start = keyStarts.get(kind);
  return start !== undefined && isEntityKey(value) && value.startsWith(start);
}

/** The key for a new entity of `kind`: one past the highest number among `existingKeys` of that kind (others are ignored). */
export function nextKey(kind: KeyedKind, existingKeys: Iterable<string>): string {
  let highest = 0;
  for (const existing of existingKeys) {
    const parsed = parseKey(existing);
    if (parsed && parsed.kind === kind && parsed.number > highest) highest = parsed.number;
  }
  return formatKey(kind, highest + 1);
}
