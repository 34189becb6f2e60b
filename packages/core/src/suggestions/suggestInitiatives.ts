import type { GlossaryTerm } from '../model/glossaryTerm.js';
import type { Initiative } from '../model/initiative.js';
import { isKeyOf } from '../keys/entityKey.js';
import { findKeyMentions } from '../links/keyMentions.js';
import { parseSubjectKeys } from '../links/subjectKeys.js';

/** The text of a mail item or meeting that suggestions are read from. All of it is untrusted input; none of it is echoed. */
export interface SuggestionSubject {
  subject: string;
  /** The body preview Outlook gives (the first 255 characters), if any. */
  preview?: string;
}

/** What is known besides the item's own text. */
export interface SuggestionEvidence {
  /** Initiatives to choose from. Done and cancelled ones are suggested only when named explicitly. */
  initiatives: readonly Pick<Initiative, 'key' | 'title' | 'description' | 'status'>[];
  /** Glossary terms: a term found in the text counts for the initiatives it relates to. */
  glossary?: readonly Pick<GlossaryTerm, 'businessTerm' | 'technicalTerm' | 'relatedKeys'>[];
  /** Keys already tagged on other items of the same conversation. */
  conversationKeys?: readonly string[];
  /** Keys this sender's earlier mail was tagged with, one entry per tagged item (repeats count). */
  senderKeys?: readonly string[];
  /** At most this many suggestions. Default 5. */
  limit?: number;
}

/** Why an initiative was suggested, most telling first. */
export type SuggestionReason =
  | { kind: 'explicitKey'; bracketed: boolean }
  | { kind: 'conversation' }
  | { kind: 'sender'; count: number }
  | { kind: 'text'; words: string[] }
  | { kind: 'glossary'; terms: string[] };

/** One suggested initiative with its score (higher is better) and the reasons for it. */
export interface InitiativeSuggestion {
  key: string;
  score: number;
  reasons: SuggestionReason[];
}

/**
 * The weights of each kind of evidence, chosen so that each rank outweighs all the lower ones put together at their caps:
 * a bracketed key beats a mentioned key plus everything else; a mentioned key beats all implicit evidence; a tag on the
 * same conversation outranks habits and wording; the sender's history and the wording only order the rest.
 */
export const SUGGESTION_WEIGHTS = {
  bracketedKey: 2000,
  mentionedKey: 1000,
  conversation: 200,
  /** Times the share of the sender's tagged mail that carried this key, plus a little per item. */
  sender: 60,
  senderPerItem: 4,
  senderCap: 80,
  /** Times the share of the title's words found in the text. */
  titleWords: 50,
  descriptionWord: 3,
  descriptionCap: 12,
  glossaryTerm: 15,
  glossaryCap: 30,
  /** Below this, a suggestion is noise (one stray word of a description) and is left out. */
  minimum: 5,
} as const;

const stopWords = new Set(
  (
    'the and for with from that this into onto over under about your our their its are was were will would can could ' +
    'should have has had not but all any per via new re fw fwd aw wg sv tr vs out off one two use using get got let ' +
    'please thanks thank hi hello dear regards meeting call sync update updates weekly daily'
  ).split(' '),
);

/** Words of a text for similarity: lower case, letters and digits, no stop words, plural `s` dropped. */
export function similarityWords(text: string): string[] {
  const words: string[] = [];
  for (const raw of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    if (raw.length < 3 || stopWords.has(raw) || /^\d+$/.test(raw)) continue;
    words.push(raw.length > 4 && raw.endsWith('s') && !raw.endsWith('ss') ? raw.slice(0, -1) : raw);
  }
  return words;
}

/** Whether every word of `phrase` occurs in `words`, in order and next to each other. */
function containsPhrase(words: readonly string[], phrase: readonly string[]): boolean {
  if (phrase.length === 0 || phrase.length > words.length) return false;
  outer: for (let i = 0; i + phrase.length <= words.length; i++) {
    for (let j = 0; j < phrase.length; j++) if (words[i + j] !== phrase[j]) continue outer;
    return true;
  }
  return false;
}

/**
 * Initiatives suggested for an email or meeting, best first: keys written in the subject or preview (`[INI-7]` in
 * brackets first, then plain mentions), tags already on the same conversation, what this sender's mail was tagged
 * with before, and how much of an initiative's title, description and glossary terms the text contains.
 * Pure and deterministic: equal scores are ordered by key number.
 */
export function suggestInitiatives(item: SuggestionSubject, evidence: SuggestionEvidence): InitiativeSuggestion[] {
  const w = SUGGESTION_WEIGHTS;
  const byKey = new Map(evidence.initiatives.map((i) => [i.key, i]));
  const found = new Map<string, InitiativeSuggestion>();
  const add = (key: string, score: number, reason: SuggestionReason) => {
    if (!byKey.has(key) || score <= 0) return;
    let entry = found.get(key);
    if (!entry) found.set(key, (entry = { key, score: 0, reasons: [] }));
    entry.score += score;
    entry.reasons.push(reason);
  };

  const bracketed = new Set(parseSubjectKeys(item.subject).filter((k) => isKeyOf('initiative', k)));
  for (const key of bracketed) add(key, w.bracketedKey, { kind: 'explicitKey', bracketed: true });
  const text = `${item.subject}\n${item.preview ?? ''}`;
  for (const key of findKeyMentions(text)) {
    if (isKeyOf('initiative', key) && !bracketed.has(key))
      add(key, w.mentionedKey, { kind: 'explicitKey', bracketed: false });
  }
  const explicit = new Set(found.keys());
  const open = (key: string) => {
    const status = byKey.get(key)?.status;
    return explicit.has(key) || (status !== 'done' && status !== 'cancelled');
  };

  for (const key of new Set(evidence.conversationKeys ?? [])) {
    if (open(key)) add(key, w.conversation, { kind: 'conversation' });
  }

  const senderKeys = evidence.senderKeys ?? [];
  if (senderKeys.length > 0) {
    const counts = new Map<string, number>();
    for (const key of senderKeys) counts.set(key, (counts.get(key) ?? 0) + 1);
    for (const [key, count] of counts) {
      if (!open(key)) continue;
      const score = Math.min(w.senderCap, (w.sender * count) / senderKeys.length + w.senderPerItem * count);
      add(key, score, { kind: 'sender', count });
    }
  }

  const words = similarityWords(text);
  const wordSet = new Set(words);
  for (const initiative of evidence.initiatives) {
    if (!open(initiative.key)) continue;
    const titleWords = [...new Set(similarityWords(initiative.title))];
    const matched = titleWords.filter((t) => wordSet.has(t));
    let score = titleWords.length ? (w.titleWords * matched.length) / titleWords.length : 0;
    const described = [...new Set(similarityWords(initiative.description ?? ''))].filter(
      (d) => wordSet.has(d) && !matched.includes(d),
    );
    score += Math.min(w.descriptionCap, w.descriptionWord * described.length);
    if (score > 0) add(initiative.key, round(score), { kind: 'text', words: [...matched, ...described] });
  }

  const glossaryHits = new Map<string, string[]>();
  for (const term of evidence.glossary ?? []) {
    const hit = [term.businessTerm, term.technicalTerm].find((t) => containsPhrase(words, similarityWords(t)));
    if (!hit) continue;
    for (const key of term.relatedKeys ?? []) {
      if (!open(key)) continue;
      const terms = glossaryHits.get(key) ?? [];
      if (!terms.includes(hit)) terms.push(hit);
      glossaryHits.set(key, terms);
    }
  }
  for (const [key, terms] of glossaryHits) {
    add(key, Math.min(w.glossaryCap, w.glossaryTerm * terms.length), { kind: 'glossary', terms });
  }

  return [...found.values()]
    .map((s) => ({ ...s, score: round(s.score) }))
    .filter((s) => s.score >= w.minimum)
    .sort((a, b) => b.score - a.score || keyNumber(a.key) - keyNumber(b.key))
    .slice(0, Math.max(0, evidence.limit ?? 5));
}

function keyNumber(key: string): number {
  return Number(key.slice(key.indexOf('-') + 1));
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
