import type { Service, SlaRecord } from '../model/service.js';
import { daysIn } from './dates.js';

/** One period of a service against its SLA. */
export interface SlaPeriod {
  periodStart: string;
  periodEnd: string;
  /** Availability achieved, percent. */
  availability: number;
  availabilityMet: boolean;
  responseTimeMs: number;
  responseTimeMet: boolean;
  /** Both targets met. */
  met: boolean;
}

/** A service's SLA attainment over its records. */
export interface SlaAttainment {
  serviceKey: string;
  /** Period by period, oldest first. */
  periods: SlaPeriod[];
  /** Share of periods with both targets met, 0–1 (0 with no records). */
  attainment: number;
  /** Availability over all the periods together, percent (100 with no records). */
  overallAvailability: number;
}

/** Availability in percent of an inclusive period with `downtimeMinutes` of downtime (never below 0). */
export function availabilityPercent(periodStart: string, periodEnd: string, downtimeMinutes: number): number {
  const minutes = daysIn(periodStart, periodEnd) * 1440;
  return Math.max(0, 100 * (1 - downtimeMinutes / minutes));
}

/**
 * The `p`th percentile (0 < p ≤ 100) of response-time samples by the nearest-rank method, as SLA reports state it.
 * Undefined for no samples.
 */
export function responseTimePercentile(samples: readonly number[], p: number): number | undefined {
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile must be in (0, 100], got ${p}`);
  if (samples.length === 0) return undefined;
  const sorted = Float64Array.from(samples).sort();
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** SLA attainment per period for `service`, from its records (others are ignored). */
export function slaAttainment(
  service: Pick<Service, 'key' | 'availabilityTarget' | 'responseTimeTargetMs'>,
  records: readonly SlaRecord[],
): SlaAttainment {
  const mine = records
    .filter((r) => r.serviceKey === service.key)
    .sort((a, b) => (a.periodStart < b.periodStart ? -1 : 1));
  let minutes = 0;
  let downtime = 0;
  const periods = mine.map((r): SlaPeriod => {
    minutes += daysIn(r.periodStart, r.periodEnd) * 1440;
    downtime += r.downtimeMinutes;
    const availability = availabilityPercent(r.periodStart, r.periodEnd, r.downtimeMinutes);
    const availabilityMet = availability >= service.availabilityTarget;
    const responseTimeMet = r.responseTimeMs <= service.responseTimeTargetMs;
    return {
      periodStart: r.periodStart,
      periodEnd: r.periodEnd,
      availability,
      availabilityMet,
      responseTimeMs: r.responseTimeMs,
      responseTimeMet,
      met: availabilityMet && responseTimeMet,
    };
  });
  return {
    serviceKey: service.key,
    periods,
    attainment: periods.length === 0 ? 0 : periods.filter((p) => p.met).length / periods.length,
    overallAvailability: minutes === 0 ? 100 : Math.max(0, 100 * (1 - downtime / minutes)),
  };
}
