import {
  compareKeys,
  impactSummary,
  isoDay,
  keyResultProgress,
  kpiAttainment,
  objectiveProgressAll,
  slaAttainment,
  type Initiative,
  type KeyResult,
  type Kpi,
  type KpiMeasurement,
  type Link,
  type Objective,
  type Service,
  type SlaRecord,
} from '@tandem/core';
import type { ImpactReport, ObjectiveImpact, ServiceImpact } from './impactReport.types.js';

/** The entities the impact report reads. */
export interface ReportData {
  objectives: readonly Objective[];
  keyResults: readonly KeyResult[];
  initiatives: readonly Initiative[];
  kpis: readonly Kpi[];
  kpiMeasurements: readonly KpiMeasurement[];
  services: readonly Service[];
  slaRecords: readonly SlaRecord[];
  links: readonly Link[];
}

/** The entity kinds {@link ReportData} holds, for loading them from a store. */
export const reportKinds = [
  'objectives',
  'keyResults',
  'initiatives',
  'kpis',
  'kpiMeasurements',
  'services',
  'slaRecords',
  'links',
] as const satisfies readonly (keyof ReportData)[];

const percent = (share: number) => share * 100;

/**
 * Computes the impact report's figures with core's alignment functions, over the window from `since` (inclusive; all
 * time when absent) to `now`'s day: objective and key-result progress (as of now), initiatives done in the window and
 * in progress now, links dated in the window, KPI measurements in the window (first to last) and attainment as of now,
 * SLA attainment over the periods ending in the window.
 */
export function buildImpactReport(data: ReportData, options: { since?: string; now: Date }): ImpactReport {
  const period = { start: options.since ?? '0000-01-01', end: isoDay(options.now) };
  const progress = objectiveProgressAll({ objectives: data.objectives, keyResults: data.keyResults });
  const objectives = [...data.objectives]
    .sort((a, b) => compareKeys(a.key, b.key))
    .map((objective): ObjectiveImpact => {
      const summary = impactSummary(objective.key, period, {
        initiatives: data.initiatives,
        keyResults: data.keyResults,
        links: data.links,
        kpis: data.kpis,
        measurements: data.kpiMeasurements,
      });
      const initiatives = data.initiatives.filter((i) => i.objectiveKeys.includes(objective.key));
      const byKey = new Map(initiatives.map((i) => [i.key, i]));
      const summarise = (i: Initiative) => ({ key: i.key, title: i.title, percentComplete: i.percentComplete });
      return {
        key: objective.key,
        title: objective.title,
        kind: objective.kind,
        status: objective.status,
        owner: objective.owner.displayName,
        progress: percent(progress.get(objective.key) ?? 0),
        keyResults: data.keyResults
          .filter((kr) => kr.objectiveKey === objective.key)
          .sort((a, b) => compareKeys(a.key, b.key))
          .map((kr) => ({
            key: kr.key,
            title: kr.title,
            unit: kr.unit,
            startValue: kr.startValue,
            targetValue: kr.targetValue,
            currentValue: kr.currentValue,
            progress: percent(keyResultProgress(kr)),
          })),
        initiativesDone: summary.initiativesCompleted.map((key) => summarise(byKey.get(key)!)),
        initiativesInProgress: initiatives
          .filter((i) => i.status === 'inProgress')
          .sort((a, b) => compareKeys(a.key, b.key))
          .map(summarise),
        links: {
          commits: summary.linksByKind.commit,
          pullRequests: summary.linksByKind.pullRequest,
          meetings: summary.linksByKind.meeting,
          emails: summary.linksByKind.email,
          other: summary.linksByKind.workItem + summary.linksByKind.document,
        },
        kpis: data.kpis
          .filter((k) => k.objectiveKey === objective.key)
          .sort((a, b) => compareKeys(a.key, b.key))
          .map((kpi) => {
            const series = data.kpiMeasurements
              .filter((m) => m.kpiKey === kpi.key && m.measuredOn >= period.start && m.measuredOn <= period.end)
              .sort((a, b) => (a.measuredOn < b.measuredOn ? -1 : a.measuredOn > b.measuredOn ? 1 : 0))
              .map((m) => ({ on: m.measuredOn, value: m.value }));
            const change = summary.kpiChanges.find((c) => c.kpiKey === kpi.key);
            const attained = kpiAttainment(kpi, data.kpiMeasurements, { asOf: period.end });
            return {
              key: kpi.key,
              name: kpi.name,
              unit: kpi.unit,
              direction: kpi.direction,
              baseline: kpi.baseline,
              target: kpi.target,
              ...(series[0] ? { from: series[0] } : {}),
              ...(series.length > 0 ? { to: series[series.length - 1] } : {}),
              ...(change ? { change: change.change } : {}),
              ...(attained.latest ? { attainment: percent(attained.attainment) } : {}),
              series,
            };
          }),
      };
    });
  const services = [...data.services]
    .sort((a, b) => compareKeys(a.key, b.key))
    .map((service): ServiceImpact => {
      const records = data.slaRecords.filter(
        (r) => r.serviceKey === service.key && r.periodEnd >= period.start && r.periodStart <= period.end,
      );
      const attained = slaAttainment(service, records);
      return {
        key: service.key,
        name: service.name,
        availabilityTarget: service.availabilityTarget,
        responseTimeTargetMs: service.responseTimeTargetMs,
        ...(records.length > 0
          ? { availability: attained.overallAvailability, attainment: percent(attained.attainment) }
          : {}),
        periods: records.length,
        incidents: records.reduce((sum, r) => sum + r.incidents, 0),
      };
    });
  return {
    generatedAt: options.now.toISOString(),
    ...(options.since ? { since: options.since } : {}),
    objectives,
    services,
  };
}
