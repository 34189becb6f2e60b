import { rankPortfolio, riceImpacts, type Initiative, type ScoringMethod } from '@tandem/core';

/** The score inputs a governance member edits. */
export type ScoreField =
  'businessValue' | 'timeCriticality' | 'riskReduction' | 'jobSize' | 'reach' | 'impact' | 'confidence' | 'effort';

/** The inputs of each method, in column order, with their labels and ranges. */
export const SCORE_FIELDS: Record<ScoringMethod, readonly { field: ScoreField; label: string; short: string }[]> = {
  wsjf: [
    { field: 'businessValue', label: 'Business value', short: 'Value' },
    { field: 'timeCriticality', label: 'Time criticality', short: 'Time' },
    { field: 'riskReduction', label: 'Risk reduction', short: 'Risk' },
    { field: 'jobSize', label: 'Job size', short: 'Size' },
  ],
  rice: [
    { field: 'reach', label: 'Reach', short: 'Reach' },
    { field: 'impact', label: 'Impact', short: 'Impact' },
    { field: 'confidence', label: 'Confidence %', short: 'Conf. %' },
    { field: 'effort', label: 'Effort (person-months)', short: 'Effort' },
  ],
};

/** What the user has typed for one initiative, field by field, not yet saved. */
export type ScoreDraft = Partial<Record<ScoreField, string>>;

/**
 * The number a typed value stands for, or an error saying what is allowed. The ranges repeat core's schema
 * so that the user sees the problem while typing; the store validates again on save.
 */
export function parseScoreInput(field: ScoreField, text: string): { value: number } | { error: string } {
  const trimmed = text.trim();
  const value = Number(trimmed);
  if (trimmed === '' || !Number.isFinite(value)) return { error: 'Enter a number' };
  switch (field) {
    case 'businessValue':
    case 'timeCriticality':
    case 'riskReduction':
    case 'jobSize':
      return Number.isInteger(value) && value >= 1 && value <= 20
        ? { value }
        : { error: 'A whole number from 1 to 20' };
    case 'reach':
      return Number.isInteger(value) && value >= 0 ? { value } : { error: 'A whole number, 0 or more' };
    case 'impact':
      return (riceImpacts as readonly number[]).includes(value)
        ? { value }
        : { error: `One of ${riceImpacts.join(', ')}` };
    case 'confidence':
      return value >= 0 && value <= 100 ? { value } : { error: 'From 0 to 100' };
    case 'effort':
      return value > 0 ? { value } : { error: 'More than 0' };
  }
}

/** The valid part of a draft, as a patch. */
export function draftPatch(draft: ScoreDraft): Partial<Pick<Initiative, ScoreField>> {
  const patch: Partial<Record<ScoreField, number>> = {};
  for (const [field, text] of Object.entries(draft) as [ScoreField, string][]) {
    const parsed = parseScoreInput(field, text);
    if ('value' in parsed) patch[field] = parsed.value;
  }
  return patch;
}

/** One row of the ranked portfolio: its saved rank and score, and its rank and score with the drafts applied. */
export interface PortfolioRow {
  initiative: Initiative;
  rank: number;
  score: number;
  draftRank: number;
  draftScore: number;
  /** Places moved by the drafts: positive is up. */
  delta: number;
}

/**
 * The open portfolio ranked by core's `rankPortfolio`, in saved order, each row also carrying the rank it would
 * have with every draft applied, so the change shows while the user types.
 */
export function rankWithDrafts(
  initiatives: readonly Initiative[],
  drafts: ReadonlyMap<string, ScoreDraft>,
  by: ScoringMethod,
): PortfolioRow[] {
  const saved = rankPortfolio(initiatives, { by });
  const drafted = rankPortfolio(
    initiatives.map((i) => {
      const draft = drafts.get(i.id);
      return draft ? { ...i, ...draftPatch(draft) } : i;
    }),
    { by },
  );
  const after = new Map(drafted.map((r) => [r.initiative.id, r]));
  return saved.map((r) => {
    const d = after.get(r.initiative.id)!;
    return {
      initiative: r.initiative,
      rank: r.rank,
      score: r.score,
      draftRank: d.rank,
      draftScore: d.score,
      delta: r.rank - d.rank,
    };
  });
}
