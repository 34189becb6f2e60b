import {
  initiativeHealth,
  kpiAttainment,
  objectiveHealth,
  objectiveProgressAll,
  rankPortfolio,
  type HealthAssessment,
  type HealthStatus,
} from '@tandem/core';
import type { Portfolio } from './portfolio.js';

/** What the extension derives from a portfolio once, for views and hovers. */
export interface Insights {
  /** Objective progress 0–1 (objectives with nothing measurable are absent). */
  progress: Map<string, number>;
  health: Map<string, HealthAssessment>;
  /** WSJF rank of each open initiative (1 is first). */
  wsjfRank: Map<string, number>;
  /** Open initiatives counted in the WSJF ranking. */
  rankedCount: number;
}

/** Computes progress, health and WSJF ranks for every objective and initiative. */
export function deriveInsights(portfolio: Portfolio, now: Date): Insights {
  const progress = objectiveProgressAll(portfolio);
  const health = new Map<string, HealthAssessment>();
  for (const o of portfolio.objectives) {
    health.set(o.key, objectiveHealth(o, { progress: progress.get(o.key), now, checkIns: portfolio.checkIns }));
  }
  for (const i of portfolio.initiatives) {
    health.set(i.key, initiativeHealth(i, { now, checkIns: portfolio.checkIns }));
  }
  const ranked = rankPortfolio(portfolio.initiatives);
  return {
    progress,
    health,
    wsjfRank: new Map(ranked.map((r) => [r.initiative.key, r.rank])),
    rankedCount: ranked.length,
  };
}

/** Words for a health status. */
export function healthLabel(status: HealthStatus): string {
  return status === 'onTrack' ? 'on track' : status === 'atRisk' ? 'at risk' : 'off track';
}

/** The KPI trend of an objective's KPIs: latest value against the one before, as arrows, for cards. */
export function kpiTrends(
  portfolio: Portfolio,
  objectiveKeys: readonly string[],
): { key: string; name: string; text: string }[] {
  const trends: { key: string; name: string; text: string }[] = [];
  for (const kpi of portfolio.kpis.filter((k) => objectiveKeys.includes(k.objectiveKey))) {
    const series = portfolio.measurements
      .filter((m) => m.kpiKey === kpi.key)
      .sort((a, b) => (a.measuredOn < b.measuredOn ? -1 : 1));
    const last = series.at(-1);
    const before = series.at(-2);
    const attainment = kpiAttainment(kpi, portfolio.measurements);
    let arrow = '→';
    if (last && before && last.value !== before.value) {
      const up = last.value > before.value;
      const good = up === (kpi.direction === 'higherIsBetter');
      arrow = `${up ? '↗' : '↘'}${good ? '' : ' (worse)'}`;
    }
    const value = last ? `${last.value}${kpi.unit ? ' ' + kpi.unit : ''}` : 'no measurement';
    trends.push({
      key: kpi.key,
      name: kpi.name,
      text: `${value} ${arrow} target ${kpi.target}${kpi.unit ? ' ' + kpi.unit : ''} (${Math.round(attainment.attainment * 100)}%)`,
    });
  }
  return trends;
}
