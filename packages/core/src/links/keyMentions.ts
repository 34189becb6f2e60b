import { KEY_PATTERN_SOURCE } from '../keys/entityKey.js';

// A key stands alone: no letter, digit, underscore or dash glued before it (`MINI-72`, `X-INI-7`),
// no letter, digit or underscore after it (`OBJ-12a`), and no dash-digit after it (`INI-7-2` is some other number).
const before = '(?<![\\p{L}\\p{N}_-])';
const after = '(?![\\p{L}\\p{N}_]|-\\p{N})';

/** Canonical (upper-case) keys standing alone in free text, in order. */
export const MENTION_PATTERN = new RegExp(`${before}${KEY_PATTERN_SOURCE}${after}`, 'gu');

/** Keys in any case standing alone: for places people type in lower case (branch names, trailers, bracketed subjects). */
export const LOOSE_KEY_PATTERN = new RegExp(`${before}${KEY_PATTERN_SOURCE}${after}`, 'giu');

/** Keys in any case in a branch name, where a dash also separates words (`fix-ini-7`). */
export const BRANCH_KEY_PATTERN = new RegExp(`(?<![\\p{L}\\p{N}_])${KEY_PATTERN_SOURCE}${after}`, 'giu');

/** Adds each key once, keeping the first position. */
export function addUnique(into: string[], seen: Set<string>, keys: Iterable<string>): void {
  for (const key of keys) {
    if (!seen.has(key)) {
      seen.add(key);
      into.push(key);
    }
  }
}

/** All matches of `pattern` in `text` as canonical keys, in order, with repeats. */
export function scanKeys(pattern: RegExp, text: string): string[] {
  const keys: string[] = [];
  // The pattern already checked the grammar (no leading zeros), so the canonical form is just the prefix upper-cased.
  // exec with lastIndex rather than matchAll: matchAll clones the pattern on every call, which costs more than the scan.
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    keys.push(`${match[1]!.toUpperCase()}-${match[2]!}`);
  }
  return keys;
}

/**
 * Keys mentioned in free text or code comments (`see INI-7`, `// OBJ-12: keep in sync`), deduplicated, in order.
 * Only the canonical upper-case form counts in prose, and never inside a longer token (`MINI-72`, `OBJ-12a`).
 */
export function findKeyMentions(text: string): string[] {
  const keys: string[] = [];
  addUnique(keys, new Set(), scanKeys(MENTION_PATTERN, text));
  return keys;
}
