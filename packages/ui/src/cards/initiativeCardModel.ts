import {
  initiativeHealth,
  rankPortfolio,
  type Decision,
  type HealthAssessment,
  type Initiative,
  type Objective,
} from '@tandem/core';
import type { PortfolioTables } from '../data/portfolioSnapshot.js';
import { valuesOf } from '../data/portfolioSnapshot.js';

/** Everything an initiative card shows, gathered from the portfolio. */
export interface InitiativeCardModel {
  initiative: Initiative;
  objectives: Objective[];
  health: HealthAssessment;
  /** Its WSJF rank among open initiatives (undefined when done or cancelled). */
  wsjfRank: number | undefined;
  /** How many open initiatives are ranked. */
  rankedCount: number;
  /** The next date that matters: the start if not started, else the end; with what it is. */
  nextMilestone: { label: string; date: string } | undefined;
  /** The latest decisions about it, newest first (at most three). */
  recentDecisions: Decision[];
}

/** The card's model for `initiativeKey`, or undefined when no initiative has that key. */
export function initiativeCardModel(
  tables: PortfolioTables,
  initiativeKey: string,
  now: Date,
): InitiativeCardModel | undefined {
  const initiatives = valuesOf(tables, 'initiative');
  const initiative = initiatives.find((i) => i.key === initiativeKey);
  if (!initiative) return undefined;
  const ranked = rankPortfolio(initiatives, { by: 'wsjf' });
  const today = now.toISOString().slice(0, 10);
  const closed = initiative.status === 'done' || initiative.status === 'cancelled';
  const nextMilestone = closed
    ? undefined
    : initiative.start > today
      ? { label: 'Starts', date: initiative.start }
      : { label: initiative.end < today ? 'Was due' : 'Due', date: initiative.end };
  return {
    initiative,
    objectives: valuesOf(tables, 'objective').filter((o) => initiative.objectiveKeys.includes(o.key)),
    health: initiativeHealth(initiative, { now, checkIns: valuesOf(tables, 'checkIn') }),
    wsjfRank: ranked.find((r) => r.initiative.key === initiativeKey)?.rank,
    rankedCount: ranked.length,
    nextMilestone,
    recentDecisions: valuesOf(tables, 'decision')
      .filter((d) => d.relatedKeys.includes(initiativeKey))
      .sort((a, b) => (b.decidedOn ?? '9999').localeCompare(a.decidedOn ?? '9999') || b.key.localeCompare(a.key))
      .slice(0, 3),
  };
}
