import { parseKey } from '../keys/entityKey.js';
import type { Initiative } from '../model/initiative.js';
import { riceScore, wsjfScore, type RiceInputs, type WsjfInputs } from './scoring.js';

/** Which score ranks the portfolio. */
export type ScoringMethod = 'wsjf' | 'rice';

/** An initiative with its score and its place (1 is first). */
export interface RankedInitiative<T> {
  initiative: T;
  score: number;
  rank: number;
}

/** What ranking needs of an initiative. */
export type RankableInitiative = Pick<Initiative, 'key' | 'status'> & WsjfInputs & RiceInputs;

/**
 * The portfolio ranked by WSJF (default) or RICE, highest score first. Ties go to the older initiative (the lower key
 * number), then the key text, so the order never depends on input order. Done and cancelled initiatives are left out
 * unless `includeClosed` is set.
 */
export function rankPortfolio<T extends RankableInitiative>(
  initiatives: readonly T[],
  options: { by?: ScoringMethod; includeClosed?: boolean } = {},
): RankedInitiative<T>[] {
  const score = options.by === 'rice' ? riceScore : wsjfScore;
  const entries: { initiative: T; score: number; n: number }[] = [];
  for (const initiative of initiatives) {
    if (!options.includeClosed && (initiative.status === 'done' || initiative.status === 'cancelled')) continue;
    entries.push({
      initiative,
      score: score(initiative),
      n: parseKey(initiative.key)?.number ?? Number.MAX_SAFE_INTEGER,
    });
  }
  entries.sort(
    (a, b) =>
      b.score - a.score ||
      a.n - b.n ||
      (a.initiative.key < b.initiative.key ? -1 : a.initiative.key > b.initiative.key ? 1 : 0),
  );
  return entries.map((e, i) => ({ initiative: e.initiative, score: e.score, rank: i + 1 }));
}
