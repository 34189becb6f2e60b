import type { CheckIn } from '../model/checkIn.js';
import type { HealthStatus } from '../model/vocabulary.js';
import type { Initiative } from '../model/initiative.js';
import type { Objective } from '../model/objective.js';
import { elapsedFraction } from './dates.js';

/** How far progress may trail elapsed time and still be on track, or at risk. */
export const HEALTH_THRESHOLDS = { atRisk: 0.1, offTrack: 0.25 } as const;

/** A health verdict and what it rests on. */
export interface HealthAssessment {
  status: HealthStatus;
  /** Progress made, 0–1. */
  progress: number;
  /** Share of the time gone, 0–1. */
  expected: number;
  /** The latest check-in taken into account, if any. */
  checkIn?: CheckIn;
  /** Why, in a few words, for tooltips. */
  reason: string;
}

const severity: Record<HealthStatus, number> = { onTrack: 0, atRisk: 1, offTrack: 2 };

/** The latest check-in on `key` made at or before `now`. */
export function latestCheckIn(key: string, checkIns: readonly CheckIn[], now: Date): CheckIn | undefined {
  let latest: CheckIn | undefined;
  const limit = now.getTime();
  for (const c of checkIns) {
    if (c.targetKey !== key) continue;
    const at = Date.parse(c.at);
    if (at > limit) continue;
    if (!latest || at > Date.parse(latest.at)) latest = c;
  }
  return latest;
}

/**
 * Health from progress against elapsed time: on track while progress trails the clock by at most 10 points,
 * at risk up to 25, off track beyond, and off track once the end has passed unfinished.
 * The latest check-in can only make it worse: owners know of trouble the numbers do not show yet.
 */
export function assessHealth(input: {
  progress: number;
  start: string;
  end: string;
  now: Date;
  checkIn?: CheckIn;
}): HealthAssessment {
  const progress = Math.min(1, Math.max(0, Number.isFinite(input.progress) ? input.progress : 0));
  const expected = elapsedFraction(input.start, input.end, input.now);
  const gap = expected - progress;
  let status: HealthStatus;
  let reason: string;
  if (progress >= 1) {
    status = 'onTrack';
    reason = 'complete';
  } else if (expected >= 1) {
    status = 'offTrack';
    reason = 'past its end and not complete';
  } else if (gap <= HEALTH_THRESHOLDS.atRisk) {
    status = 'onTrack';
    reason = 'progress keeps pace with time';
  } else if (gap <= HEALTH_THRESHOLDS.offTrack) {
    status = 'atRisk';
    reason = `progress ${pct(progress)} trails time ${pct(expected)}`;
  } else {
    status = 'offTrack';
    reason = `progress ${pct(progress)} far behind time ${pct(expected)}`;
  }
  const checkIn = input.checkIn;
  if (checkIn && severity[checkIn.status] > severity[status]) {
    status = checkIn.status;
    reason = `latest check-in says ${checkIn.status === 'atRisk' ? 'at risk' : 'off track'}`;
  }
  return { status, progress, expected, reason, ...(checkIn ? { checkIn } : {}) };
}

/** Health of an initiative from its percent complete, its dates and its latest check-in. Done and cancelled work is on track. */
export function initiativeHealth(
  initiative: Pick<Initiative, 'key' | 'start' | 'end' | 'status' | 'percentComplete'>,
  context: { now: Date; checkIns?: readonly CheckIn[] },
): HealthAssessment {
  if (initiative.status === 'done' || initiative.status === 'cancelled') {
    return {
      status: 'onTrack',
      progress: initiative.status === 'done' ? 1 : initiative.percentComplete / 100,
      expected: elapsedFraction(initiative.start, initiative.end, context.now),
      reason: initiative.status,
    };
  }
  const checkIn = latestCheckIn(initiative.key, context.checkIns ?? [], context.now);
  return assessHealth({
    progress: initiative.percentComplete / 100,
    start: initiative.start,
    end: initiative.end,
    now: context.now,
    ...(checkIn ? { checkIn } : {}),
  });
}

/** Health of an objective from its rolled-up progress (`objectiveProgress`; 0 when unmeasured), its period and its latest check-in. */
export function objectiveHealth(
  objective: Pick<Objective, 'key' | 'periodStart' | 'periodEnd'>,
  context: { progress: number | undefined; now: Date; checkIns?: readonly CheckIn[] },
): HealthAssessment {
  const checkIn = latestCheckIn(objective.key, context.checkIns ?? [], context.now);
  return assessHealth({
    progress: context.progress ?? 0,
    start: objective.periodStart,
    end: objective.periodEnd,
    now: context.now,
    ...(checkIn ? { checkIn } : {}),
  });
}

function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}
