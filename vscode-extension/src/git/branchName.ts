import { parseKey } from '@tandem/core';

/** Longest title part of a branch name: long enough to recognise, short enough for a terminal prompt. */
const MAX_SLUG = 40;

/**
 * The branch to start work on an initiative: `ini-7/short-title` (the key in lower case, then the title as a slug of
 * ASCII letters, digits and dashes). Throws a RangeError for a key that is not a key.
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
    .slice(0, MAX_SLUG)
    .replace(/-+$/, '');
  return `${parsed.key.toLowerCase()}/${slug || 'work'}`;
}
