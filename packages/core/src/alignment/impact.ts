import type { Initiative } from '../model/initiative.js';
import type { KeyResult } from '../model/keyResult.js';
import type { Kpi, KpiMeasurement } from '../model/kpi.js';
import type { Link } from '../model/link.js';
import type { LinkKind } from '../model/vocabulary.js';
import { linkKinds } from '../model/vocabulary.js';

/** The change of one KPI over a period. */
export interface KpiChange {
  kpiKey: string;
  name: string;
  unit: string;
  from: number;
  to: number;
  change: number;
  /** Whether the change went the KPI's good way (false when flat). */
  improved: boolean;
}

/** What moved an objective over a period. */
export interface ImpactSummary {
  objectiveKey: string;
  period: { start: string; end: string };
  /** Initiatives of the objective marked done whose end falls in the period. */
  initiativesCompleted: string[];
  /** Links made in the period to the objective, its key results or its initiatives, by kind. */
  linksByKind: Record<LinkKind, number>;
  /** For each KPI of the objective with two measurements in the period: first to last. */
  kpiChanges: KpiChange[];
}

/**
 * The impact report of one objective over an inclusive period: what got done, what was linked (commits, meetings,
 * emails, …, dated by when they happened, or when they were linked if unknown), and how its KPIs moved.
 */
export function impactSummary(
  objectiveKey: string,
  period: { start: string; end: string },
  data: {
    initiatives: readonly Pick<Initiative, 'key' | 'objectiveKeys' | 'status' | 'end'>[];
    keyResults?: readonly Pick<KeyResult, 'key' | 'objectiveKey'>[];
    links: readonly Pick<Link, 'kind' | 'targetKey' | 'linkedAt' | 'occurredAt'>[];
    kpis: readonly Pick<Kpi, 'key' | 'objectiveKey' | 'name' | 'unit' | 'direction'>[];
    measurements: readonly Pick<KpiMeasurement, 'kpiKey' | 'measuredOn' | 'value'>[];
  },
): ImpactSummary {
  const inPeriod = (day: string) => day >= period.start && day <= period.end;
  const mine = data.initiatives.filter((i) => i.objectiveKeys.includes(objectiveKey));
  const targets = new Set<string>([
    objectiveKey,
    ...mine.map((i) => i.key),
    ...(data.keyResults ?? []).filter((kr) => kr.objectiveKey === objectiveKey).map((kr) => kr.key),
  ]);

  const linksByKind = Object.fromEntries(linkKinds.map((k) => [k, 0])) as Record<LinkKind, number>;
  for (const link of data.links) {
    if (targets.has(link.targetKey) && inPeriod((link.occurredAt ?? link.linkedAt).slice(0, 10)))
      linksByKind[link.kind]++;
  }

  const kpiChanges: KpiChange[] = [];
  for (const kpi of data.kpis.filter((k) => k.objectiveKey === objectiveKey)) {
    const points = data.measurements
      .filter((m) => m.kpiKey === kpi.key && inPeriod(m.measuredOn))
      .sort((a, b) => (a.measuredOn < b.measuredOn ? -1 : a.measuredOn > b.measuredOn ? 1 : 0));
    if (points.length < 2) continue;
    const from = points[0]!.value;
    const to = points[points.length - 1]!.value;
    const change = to - from;
    kpiChanges.push({
      kpiKey: kpi.key,
      name: kpi.name,
      unit: kpi.unit,
      from,
      to,
      change,
      improved: kpi.direction === 'higherIsBetter' ? change > 0 : change < 0,
    });
  }

  return {
    objectiveKey,
    period,
    initiativesCompleted: mine
      .filter((i) => i.status === 'done' && inPeriod(i.end))
      .map((i) => i.key)
      .sort(),
    linksByKind,
    kpiChanges,
  };
}
