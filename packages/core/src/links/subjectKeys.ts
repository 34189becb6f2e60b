import { parseKey } from '../keys/entityKey.js';
import { addUnique } from './keyMentions.js';

// Used with exec and lastIndex: matchAll would clone it on every call.
const bracketed = /\[([^[\]\n]*)\]/g;

/**
 * Keys in square brackets in a commit subject, in any case, in order, without repeats: `[INI-7] Add checkout`,
 * `[ini-7, OBJ-2] …`. A bracket counts only when everything in it is a key (`[WIP]`, `[INI-7 fix]` do not).
 * Only the first line is read when given a whole message.
 */
export function parseSubjectKeys(subject: string): string[] {
  const firstLine = subject.split('\n', 1)[0] ?? '';
  const keys: string[] = [];
  const seen = new Set<string>();
  bracketed.lastIndex = 0;
  for (let match = bracketed.exec(firstLine); match; match = bracketed.exec(firstLine)) {
    const parsed = match[1]!
      .split(/[\s,;]+/)
      .filter(Boolean)
      .map((part) => parseKey(part)?.key);
    if (parsed.length > 0 && parsed.every((key) => key !== undefined)) addUnique(keys, seen, parsed as string[]);
  }
  return keys;
}
