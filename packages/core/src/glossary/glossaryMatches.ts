import type { GlossaryTerm } from '../model/glossaryTerm.js';

/** A glossary term found in a text: where, and which entry explains it. */
export interface GlossaryMatch {
  start: number;
  end: number;
  text: string;
  term: GlossaryTerm;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Finds a glossary's terms in texts; built once per glossary, so each text costs one scan. */
export interface GlossaryMatcher {
  /** The terms in `text`, left to right without overlaps. */
  matches(text: string): GlossaryMatch[];
  /** The length of the longest term: a text window this wide either side of a point holds any term over it. */
  readonly longest: number;
}

/**
 * A matcher for the glossary's business and technical terms, as whole words in any case, left to right without
 * overlaps (the longer term wins where two start at the same place), for hovers and cards that explain them.
 */
export function glossaryMatcher(terms: readonly GlossaryTerm[]): GlossaryMatcher {
  const words = terms
    .flatMap((term) => [term.businessTerm, term.technicalTerm].map((w) => ({ w: w.trim(), term })))
    .filter((x) => x.w.length > 0)
    .sort((a, b) => b.w.length - a.w.length);
  if (words.length === 0) return { matches: () => [], longest: 0 };
  const byWord = new Map<string, GlossaryTerm>();
  for (const { w, term } of words) if (!byWord.has(w.toLowerCase())) byWord.set(w.toLowerCase(), term);
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}_])(${[...byWord.keys()].map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}_])`,
    'giu',
  );
  return {
    longest: words[0]!.w.length,
    matches(text) {
      // Compiled once; a scan never yields to another, so resetting the shared position is enough.
      pattern.lastIndex = 0;
      const matches: GlossaryMatch[] = [];
      for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
        matches.push({ start: m.index, end: m.index + m[0].length, text: m[0], term: byWord.get(m[0].toLowerCase())! });
      }
      return matches;
    },
  };
}

/**
 * The glossary's business and technical terms in `text`, as whole words in any case, left to right without overlaps
 * (the longer term wins where two start at the same place), for hovers and cards that explain them.
 */
export function glossaryMatches(text: string, terms: readonly GlossaryTerm[]): GlossaryMatch[] {
  return glossaryMatcher(terms).matches(text);
}
