import type { Kpi, KpiMeasurement } from '../model/kpi.js';

/** Where a KPI stands against its target. */
export interface KpiAttainment {
  kpiKey: string;
  /** The latest measurement at or before `asOf`, if any. */
  latest?: KpiMeasurement;
  /** Share of the way from baseline to target, 0–1 (0 without a measurement). */
  attainment: number;
  /** Whether the latest value meets the target. */
  met: boolean;
  /** Latest value minus baseline (0 without a measurement). */
  changeFromBaseline: number;
}

/**
 * A KPI's attainment: how far its latest measurement has come from baseline to target, clamped to 0–1,
 * in the KPI's good direction. When baseline equals target it is 1 once the target is met.
 */
export function kpiAttainment(
  kpi: Pick<Kpi, 'key' | 'baseline' | 'target' | 'direction'>,
  measurements: readonly KpiMeasurement[],
  options: { asOf?: string } = {},
): KpiAttainment {
  let latest: KpiMeasurement | undefined;
  for (const m of measurements) {
    if (m.kpiKey !== kpi.key) continue;
    if (options.asOf !== undefined && m.measuredOn > options.asOf) continue;
    if (!latest || m.measuredOn > latest.measuredOn) latest = m;
  }
  if (!latest) return { kpiKey: kpi.key, attainment: 0, met: false, changeFromBaseline: 0 };
  const higher = kpi.direction === 'higherIsBetter';
  const met = higher ? latest.value >= kpi.target : latest.value <= kpi.target;
  const span = kpi.target - kpi.baseline;
  const attainment = span === 0 ? (met ? 1 : 0) : Math.min(1, Math.max(0, (latest.value - kpi.baseline) / span));
  return { kpiKey: kpi.key, latest, attainment, met, changeFromBaseline: latest.value - kpi.baseline };
}
