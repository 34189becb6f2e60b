import { KEY_PREFIXES, parseKey } from '@tandem/core';

const prefixes = new Set(Object.values(KEY_PREFIXES).map((p) => p.toLowerCase()));

/** Longest title part of a branch name: long enough to recognise, short enough for a terminal prompt. */
const MAX_SLUG = 40;

/**
 * The branch to start work on an initiative: `ini-7/short-title` (the key in lower case, then the title as a slug of
 * ASCII letters, digits and dashes, without key-like words, so the name names one key). Throws a RangeError for a key that is not a key.
 */
export function workBranchName(key: string, title: string): string {
  const parsed = parseKey(key);
  if (!parsed) throw new RangeError(`not a key: ${JSON.stringify(key)}`);
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .split('-')
    // A key-like pair in the title (`obj-3`) would make the branch name another key too: drop it.
    .filter(
      (word, i, words) =>
        !(prefixes.has(word) && /^\d+$/.test(words[i + 1] ?? '')) &&
        !(/^\d+$/.test(word) && prefixes.has(words[i - 1] ?? '')),
    )
    .join('-')
    .slice(0, MAX_SLUG)
    .replace(/-+$/, '');
  return `${parsed.key.toLowerCase()}/${slug || 'work'}`;
}
