import { glossaryMatcher, type GlossaryMatch, type GlossaryMatcher, type GlossaryTerm } from '@tandem/core';
import { escapeMarkdown } from './escapeMarkdown.js';

/** Longest definition a hover shows; the rest is in the tab's Glossary view. */
const DEFINITION_LIMIT = 600;

const matchers = new WeakMap<readonly GlossaryTerm[], GlossaryMatcher>();

/** The matcher of a glossary, built once per portfolio load (the portfolio replaces its arrays when it changes). */
export function matcherFor(terms: readonly GlossaryTerm[]): GlossaryMatcher {
  let matcher = matchers.get(terms);
  if (!matcher) matchers.set(terms, (matcher = glossaryMatcher(terms)));
  return matcher;
}

/**
 * Glossary text (user input) as inert Markdown: every formatting character escaped, colons too, so that no
 * `http:`, `command:` or `javascript:` text can become a link, and line breaks folded so no block syntax starts.
 */
export function inertMarkdown(text: string): string {
  return escapeMarkdown(text.replace(/\s+/g, ' ').trim()).replace(/:/g, '\\:');
}

/** `text` cut to `limit` characters at a word, with an ellipsis when cut. */
function shorten(text: string, limit: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= limit) return flat;
  const cut = flat.slice(0, limit);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), limit / 2))}…`;
}

const wordChar = /[\p{L}\p{N}_]/u;

/**
 * The glossary term over `character` in `line`, scanning only a window as wide as the longest term either side of
 * it, so that a hover costs the same in a minified file's 100,000-character line as in a comment.
 */
export function glossaryMatchAt(line: string, character: number, matcher: GlossaryMatcher): GlossaryMatch | undefined {
  if (matcher.longest === 0 || character < 0 || character >= line.length) return undefined;
  const from = Math.max(0, character - matcher.longest);
  const to = Math.min(line.length, character + matcher.longest + 1);
  const window = line.slice(from, to);
  for (const m of matcher.matches(window)) {
    const start = from + m.start;
    const end = from + m.end;
    if (start > character) break;
    if (end <= character) continue;
    // The window's edges are not the line's: the term must stand alone in the whole line too.
    if (start > 0 && wordChar.test(line[start - 1]!)) continue;
    if (end < line.length && wordChar.test(line[end]!)) continue;
    return { ...m, start, end };
  }
  return undefined;
}

/** The hover of a glossary term: both names, the definition and the keys it relates to, all escaped. */
export function glossaryCard(term: GlossaryTerm): string {
  const lines = [
    `**${inertMarkdown(term.businessTerm)}** · ${inertMarkdown(term.technicalTerm)}`,
    '',
    term.definition.trim() ? inertMarkdown(shorten(term.definition, DEFINITION_LIMIT)) : '_No definition yet._',
  ];
  if (term.relatedKeys?.length) lines.push('', `Related: ${term.relatedKeys.map(inertMarkdown).join(', ')}`);
  lines.push('', '_Tandem glossary_');
  return lines.join('\n');
}

/**
 * The "Terms" lines of a key's card: the glossary terms found in its title and description, then those that name it
 * as related, each with a short definition (at most `limit`, escaped).
 */
export function termLines(key: string, text: string, terms: readonly GlossaryTerm[], limit = 5): string[] {
  const found = new Map<string, GlossaryTerm>();
  for (const m of matcherFor(terms).matches(text)) found.set(m.term.id, m.term);
  for (const term of terms) if (term.relatedKeys?.includes(key)) found.set(term.id, term);
  return [...found.values()]
    .slice(0, limit)
    .map(
      (t) =>
        `- **${inertMarkdown(t.businessTerm)}** (${inertMarkdown(t.technicalTerm)}): ${inertMarkdown(shorten(t.definition, 140))}`,
    );
}
