import { dayNumber, isoDateOf } from '../alignment/dates.js';
import type { Feedback } from '../model/feedback.js';

/** Feedback on one target over one period. */
export interface FeedbackPeriod {
  periodStart: string;
  periodEnd: string;
  /** Scores given in the period. */
  count: number;
  /** Mean score, 1–5, rounded to two decimals (undefined with no scores). */
  average: number | undefined;
  /** Share of 4s and 5s, 0–1 (the usual CSAT figure; undefined with no scores). */
  satisfied: number | undefined;
  /** How many of each score, 1 to 5 (`distribution[0]` counts the 1s). */
  distribution: [number, number, number, number, number];
  /** The comments given, newest first. */
  comments: { score: number; comment: string; author: string; at: string }[];
}

/** The calendar months spanned by `feedback` on `targetKey`, oldest first. */
function monthsOf(feedback: readonly Pick<Feedback, 'at'>[]): { start: string; end: string }[] {
  const months = [...new Set(feedback.map((f) => f.at.slice(0, 7)))].sort();
  return months.map((m) => {
    const [y, mo] = m.split('-').map(Number) as [number, number];
    return { start: `${m}-01`, end: isoDateOf(Date.UTC(y, mo, 1) / 86_400_000 - 1) };
  });
}

/**
 * Aggregates CSAT scores on `targetKey` (a service or initiative) per inclusive period: by default per calendar month
 * with feedback, or over the periods given (a service's SLA periods, to show satisfaction beside attainment).
 * Feedback is dated by the UTC day it was given.
 */
export function aggregateFeedback(
  feedback: readonly Feedback[],
  targetKey: string,
  periods?: readonly { start: string; end: string }[],
): FeedbackPeriod[] {
  const mine = feedback.filter((f) => f.targetKey === targetKey);
  const spans = periods ?? monthsOf(mine);
  return spans.map(({ start, end }) => {
    // Refuses a period that is not made of dates (throws RangeError) rather than silently counting nothing.
    dayNumber(start);
    dayNumber(end);
    const inside = mine.filter((f) => {
      const day = f.at.slice(0, 10);
      return day >= start && day <= end;
    });
    const distribution: FeedbackPeriod['distribution'] = [0, 0, 0, 0, 0];
    let total = 0;
    for (const f of inside) {
      distribution[f.score - 1]!++;
      total += f.score;
    }
    const count = inside.length;
    return {
      periodStart: start,
      periodEnd: end,
      count,
      average: count === 0 ? undefined : Math.round((total / count) * 100) / 100,
      satisfied: count === 0 ? undefined : (distribution[3] + distribution[4]) / count,
      distribution,
      comments: inside
        .filter((f) => f.comment !== undefined && f.comment.trim() !== '')
        .sort((a, b) => b.at.localeCompare(a.at))
        .map((f) => ({ score: f.score, comment: f.comment!, author: f.author.displayName, at: f.at })),
    };
  });
}
