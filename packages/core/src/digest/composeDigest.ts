import { dayNumber, isoDateOf } from '../alignment/dates.js';
import type { KpiChange } from '../alignment/impact.js';
import { objectiveProgressAll } from '../alignment/progress.js';
import { rankPortfolio, type ScoringMethod } from '../alignment/ranking.js';
import { kpiMovement } from '../checkins/kpiMovement.js';
import { slaBreachesBetween, type SlaBreach } from '../checkins/draftCheckIn.js';
import { targetHealth } from '../checkins/targetHealth.js';
import { isCalendarDate } from '../model/checks.js';
import type { HealthStatus } from '../model/vocabulary.js';
import { itemsOf, type PortfolioData } from '../model/portfolio.js';

/** An objective's line in the digest. */
export interface DigestObjective {
  key: string;
  title: string;
  kind: 'business' | 'it';
  /** Rolled-up progress, 0–100 (undefined when nothing is measured). */
  progress: number | undefined;
  health: HealthStatus;
  /** Its health at the start of the week, when different. */
  healthBefore?: HealthStatus;
}

/** The week of a portfolio, for business and IT alike. */
export interface Digest {
  /** The seven days ending `weekEnding`, inclusive. */
  weekStart: string;
  weekEnding: string;
  objectives: DigestObjective[];
  initiativesStarted: { key: string; title: string }[];
  initiativesDone: { key: string; title: string }[];
  decisionsTaken: { key: string; title: string; status: 'accepted' | 'rejected' }[];
  decisionsAwaiting: { key: string; title: string }[];
  kpiMovement: KpiChange[];
  slaBreaches: SlaBreach[];
  topInitiatives: { rank: number; key: string; title: string; score: number }[];
}

/**
 * The weekly digest of the seven days ending `weekEnding` (a `YYYY-MM-DD`, inclusive), read at the end of that day:
 * objectives' progress and health (with the ones whose health changed over the week), initiatives started and done,
 * decisions taken and awaiting, KPIs measured in the week against their previous value, SLA periods ending in the
 * week that missed a target, and the five top-ranked initiatives.
 */
export function composeDigest(
  portfolio: PortfolioData,
  weekEnding: string,
  options: { top?: number; by?: ScoringMethod } = {},
): Digest {
  if (!isCalendarDate(weekEnding)) throw new RangeError(`week ending ${weekEnding} is not a date`);
  const weekStart = isoDateOf(dayNumber(weekEnding) - 6);
  const dayBefore = isoDateOf(dayNumber(weekStart) - 1);
  const endOfWeek = new Date(`${weekEnding}T23:59:59Z`);
  const startOfWeek = new Date(`${dayBefore}T23:59:59Z`);
  const inWeek = (day: string | undefined) => day !== undefined && day >= weekStart && day <= weekEnding;
  const checkIns = itemsOf(portfolio, 'checkIn');
  const progress = objectiveProgressAll({
    objectives: itemsOf(portfolio, 'objective'),
    keyResults: itemsOf(portfolio, 'keyResult'),
  });
  const byKey = (a: { key: string }, b: { key: string }) => a.key.localeCompare(b.key, 'en', { numeric: true });

  const objectives: DigestObjective[] = itemsOf(portfolio, 'objective')
    .filter((o) => o.status === 'approved' || o.status === 'active')
    .map((o) => {
      const health = targetHealth(portfolio, o.key, endOfWeek, checkIns)!.status;
      const before = targetHealth(portfolio, o.key, startOfWeek, checkIns)!.status;
      const p = progress.get(o.key);
      return {
        key: o.key,
        title: o.title,
        kind: o.kind,
        progress: p === undefined ? undefined : Math.round(p * 100),
        health,
        ...(before !== health ? { healthBefore: before } : {}),
      };
    })
    .sort(byKey);

  const initiatives = itemsOf(portfolio, 'initiative');
  const initiativesStarted = initiatives
    .filter((i) => inWeek(i.start) && i.status !== 'proposed' && i.status !== 'cancelled')
    .map((i) => ({ key: i.key, title: i.title }))
    .sort(byKey);
  const initiativesDone = initiatives
    .filter((i) => i.status === 'done' && inWeek(i.end))
    .map((i) => ({ key: i.key, title: i.title }))
    .sort(byKey);

  const decisions = itemsOf(portfolio, 'decision');
  const decisionsTaken = decisions
    .filter((d) => (d.status === 'accepted' || d.status === 'rejected') && inWeek(d.decidedOn))
    .map((d) => ({ key: d.key, title: d.title, status: d.status as 'accepted' | 'rejected' }))
    .sort(byKey);
  const decisionsAwaiting = decisions
    .filter((d) => d.status === 'proposed')
    .map((d) => ({ key: d.key, title: d.title }))
    .sort(byKey);

  const measurements = itemsOf(portfolio, 'kpiMeasurement');
  const kpiMovementInWeek = itemsOf(portfolio, 'kpi')
    .map((k) => kpiMovement(k, measurements, dayBefore, weekEnding))
    .filter((c): c is KpiChange => c !== undefined)
    .sort((a, b) => a.kpiKey.localeCompare(b.kpiKey, 'en', { numeric: true }));

  const topInitiatives = rankPortfolio(initiatives, { by: options.by ?? 'wsjf' })
    .slice(0, options.top ?? 5)
    .map((r) => ({ rank: r.rank, key: r.initiative.key, title: r.initiative.title, score: r.score }));

  return {
    weekStart,
    weekEnding,
    objectives,
    initiativesStarted,
    initiativesDone,
    decisionsTaken,
    decisionsAwaiting,
    kpiMovement: kpiMovementInWeek,
    slaBreaches: slaBreachesBetween(portfolio, undefined, dayBefore, weekEnding),
    topInitiatives,
  };
}
