import { LOOSE_KEY_PATTERN, scanKeys } from './keyMentions.js';

/** The trailer tokens Tandem reads, in their canonical spelling (matched case-insensitively, as git does). */
export const TRAILER_TOKENS = ['Objective', 'Initiative', 'Key-Result', 'Refs'] as const;

/** A trailer token Tandem reads. */
export type TrailerToken = (typeof TRAILER_TOKENS)[number];

/** One `Token: value` line of a trailer block (continuation lines folded in with a space). */
export interface Trailer {
  /** The token as written. */
  token: string;
  value: string;
}

/** A Tandem trailer and the keys in its value. */
export interface CommitTrailer extends Trailer {
  /** The canonical token (`Key-Result` for `key-result`). */
  name: TrailerToken;
  /** Canonical keys in the value, in order, without repeats. */
  keys: string[];
}

/** Where the trailer block sits in a message's lines, and what it holds. */
export interface TrailerBlock {
  /** Index of the block's first line. */
  start: number;
  /** Index one past the block's last line (trailing blank and comment lines are outside). */
  end: number;
  trailers: Trailer[];
}

// As git's trailer.c: a token of letters, digits and dashes, optional blanks, then the separator.
const trailerLine = /^([A-Za-z0-9-]+)[ \t]*:[ \t]*(.*)$/;
// git's isspace(): a line starting with one continues the trailer above.
const continuationLine = /^[ \t\v\f\r]/;
// Lines git itself writes into trailer blocks; one of them lets a block be only a quarter trailers.
const gitPrefixes = ['Signed-off-by: ', '(cherry picked from commit '];

// git's is_blank_line(): ASCII white space only.
const blankLine = /^[ \t\n\v\f\r]*$/;
const isBlank = (line: string) => blankLine.test(line);
const isComment = (line: string) => line.startsWith('#');

/** Splits a message into lines without their line ends. */
export function messageLines(message: string): string[] {
  const lines = message.split('\n');
  return message.includes('\r') ? lines.map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line)) : lines;
}

/**
 * Finds the trailer block of a message the way git does: the last paragraph, never the first (the title),
 * ignoring comment lines; it counts when every line is a trailer (or a continuation), or when at least a quarter are
 * and one is a line git writes itself (`Signed-off-by:`).
 */
export function findTrailerBlock(lines: string[]): TrailerBlock | undefined {
  let end = lines.length;
  while (end > 0 && (isBlank(lines[end - 1]!) || isComment(lines[end - 1]!))) end--;

  let endOfTitle = lines.length;
  for (let i = 0; i < lines.length; i++) {
    if (isComment(lines[i]!)) continue;
    if (isBlank(lines[i]!)) {
      endOfTitle = i;
      break;
    }
  }

  let start = end;
  while (start > endOfTitle && !isBlank(lines[start - 1]!)) start--;
  if (start <= endOfTitle || start >= end) return undefined;

  let trailerLines = 0;
  let nonTrailerLines = 0;
  let continuations = 0;
  let recognised = false;
  const matches: (RegExpExecArray | null)[] = new Array(end - start).fill(null);
  for (let i = end - 1; i >= start; i--) {
    const line = lines[i]!;
    if (isComment(line)) {
      // A comment cuts a continuation off from the trailer above it.
      nonTrailerLines += continuations;
      continuations = 0;
      continue;
    }
    if (continuationLine.test(line)) {
      continuations++;
      continue;
    }
    const match = trailerLine.exec(line);
    matches[i - start] = match;
    if (gitPrefixes.some((p) => line.startsWith(p))) {
      trailerLines++;
      recognised = true;
    } else if (match) {
      trailerLines++;
    } else {
      nonTrailerLines += 1 + continuations;
    }
    continuations = 0;
  }
  nonTrailerLines += continuations; // continuation lines at the top belong to nothing
  const qualifies = (trailerLines > 0 && nonTrailerLines === 0) || (recognised && trailerLines * 3 >= nonTrailerLines);
  if (!qualifies) return undefined;

  const trailers: Trailer[] = [];
  let current: Trailer | undefined;
  for (let i = start; i < end; i++) {
    const line = lines[i]!;
    if (isComment(line)) {
      current = undefined;
      continue;
    }
    if (continuationLine.test(line)) {
      // As git unfolds: the white space after the line break becomes one space; the rest stays.
      if (current) current.value = `${current.value} ${line.replace(/^[ \t\v\f\r]+/, '')}`;
      continue;
    }
    const match = matches[i - start];
    current = match ? { token: match[1]!, value: match[2]! } : undefined;
    if (current) trailers.push(current);
  }
  for (const t of trailers) t.value = t.value.replace(/^[ \t\v\f\r]+|[ \t\v\f\r]+$/g, '');
  return { start, end, trailers };
}

/** The canonical spelling of a Tandem trailer token, or undefined for any other token. */
export function trailerTokenOf(token: string): TrailerToken | undefined {
  return tokensByLowerCase.get(token.toLowerCase());
}

const tokensByLowerCase = new Map<string, TrailerToken>(TRAILER_TOKENS.map((t) => [t.toLowerCase(), t]));

/**
 * The Tandem trailers of a commit message (`Objective: OBJ-12`, `Initiative: ini-7`, `Key-Result: KR-3`, `Refs: INI-7, OBJ-2`),
 * read by git's own rules: only the final trailer block counts, tokens match in any case, keys in any case are canonicalised.
 */
export function parseCommitTrailers(message: string): CommitTrailer[] {
  return trailersOfLines(messageLines(message));
}

/** `parseCommitTrailers` on a message already split by `messageLines`. */
export function trailersOfLines(lines: string[]): CommitTrailer[] {
  const block = findTrailerBlock(lines);
  if (!block) return [];
  const result: CommitTrailer[] = [];
  for (const trailer of block.trailers) {
    const name = trailerTokenOf(trailer.token);
    if (!name) continue;
    const found = scanKeys(LOOSE_KEY_PATTERN, trailer.value);
    const keys = found.length < 2 ? found : [...new Set(found)];
    result.push({ token: trailer.token, value: trailer.value, name, keys });
  }
  return result;
}
