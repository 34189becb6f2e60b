import type { Initiative } from '@tandem/core';

/** Why an initiative is offered near the top. */
export type Relevance = 'this branch' | 'recent' | 'mine';

/** An initiative in the link picker, with why it ranks where it does. */
export interface RankedChoice {
  initiative: Initiative;
  reasons: Relevance[];
  score: number;
}

/** What the picker knows about the developer's context. */
export interface PickContext {
  /** Keys named by the current branch (its name, and its own commits' trailers). */
  branchKeys: readonly string[];
  /** Keys named by recent commits on HEAD, most recent first. */
  recentKeys: readonly string[];
  /** The developer's e-mail address, when known (matched case-insensitively against owners and sponsors). */
  me?: string;
}

const closed = new Set(['done', 'cancelled']);

/**
 * Orders initiatives for "Link commit to initiative": the current branch's first, then recently used ones (more recent
 * higher), then the developer's own, then the rest by key number. Closed initiatives go last.
 */
export function rankInitiatives(initiatives: readonly Initiative[], context: PickContext): RankedChoice[] {
  const me = context.me?.toLowerCase();
  const ranked = initiatives.map((initiative) => {
    const reasons: Relevance[] = [];
    let score = 0;
    if (context.branchKeys.includes(initiative.key)) {
      reasons.push('this branch');
      score += 1000;
    }
    const recent = context.recentKeys.indexOf(initiative.key);
    if (recent >= 0) {
      reasons.push('recent');
      score += 500 - Math.min(recent, 400);
    }
    if (
      me &&
      (initiative.itOwner.email.toLowerCase() === me || initiative.businessSponsor.email.toLowerCase() === me)
    ) {
      reasons.push('mine');
      score += 50;
    }
    if (closed.has(initiative.status)) score -= 5000;
    return { initiative, reasons, score };
  });
  const number = (key: string) => Number(key.split('-')[1]);
  return ranked.sort((a, b) => b.score - a.score || number(a.initiative.key) - number(b.initiative.key));
}
