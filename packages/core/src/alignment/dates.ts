const msPerDay = 86_400_000;

/** Days since 1970-01-01 of a `YYYY-MM-DD` date (or of the day a timestamp falls on, in UTC). */
export function dayNumber(isoDate: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!match) throw new RangeError(`not an ISO date: ${isoDate}`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / msPerDay;
}

/** The `YYYY-MM-DD` of a day number. */
export function isoDateOf(day: number): string {
  return new Date(day * msPerDay).toISOString().slice(0, 10);
}

/** The `YYYY-MM-DD` of a moment, in UTC. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * How much of an inclusive date range has passed at `now`, from 0 (not begun) to 1 (its last day is over).
 * Counts to the millisecond so that progress moves during the day.
 */
export function elapsedFraction(start: string, end: string, now: Date): number {
  const from = dayNumber(start) * msPerDay;
  const to = (dayNumber(end) + 1) * msPerDay;
  if (to <= from) return now.getTime() >= from ? 1 : 0;
  return Math.min(1, Math.max(0, (now.getTime() - from) / (to - from)));
}

/** Number of days in an inclusive date range. */
export function daysIn(start: string, end: string): number {
  return dayNumber(end) - dayNumber(start) + 1;
}
