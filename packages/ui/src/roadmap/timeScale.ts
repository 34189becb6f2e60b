/** How far the roadmap is zoomed: whole quarters, or months. */
export type RoadmapZoom = 'quarters' | 'months';

/** A labelled column of the timeline header (a quarter or a month). */
export interface TimeTick {
  /** First day, `YYYY-MM-DD`. */
  start: string;
  /** Day after the last, `YYYY-MM-DD`. */
  end: string;
  label: string;
}

const DAY = 86_400_000;

/** Milliseconds since the epoch of a `YYYY-MM-DD` date at UTC midnight. */
export function dayValue(isoDate: string): number {
  return Date.parse(`${isoDate.slice(0, 10)}T00:00:00Z`);
}

function isoOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * The header columns between `from` and `to` (inclusive dates): quarters (`Q1 2026`) or months (`Jan 2026`).
 * The range is widened to whole columns so bars line up with the header.
 */
export function timeTicks(from: string, to: string, zoom: RoadmapZoom): TimeTick[] {
  const first = new Date(dayValue(from));
  const last = dayValue(to);
  const step = zoom === 'quarters' ? 3 : 1;
  let year = first.getUTCFullYear();
  let month = zoom === 'quarters' ? Math.floor(first.getUTCMonth() / 3) * 3 : first.getUTCMonth();
  const ticks: TimeTick[] = [];
  const monthNames = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  // 600 columns is 50 years of months: a guard against a malformed date range, never reached by real data.
  while (ticks.length < 600) {
    const start = Date.UTC(year, month, 1);
    if (start > last) break;
    const end = Date.UTC(year, month + step, 1);
    const label = zoom === 'quarters' ? `Q${month / 3 + 1} ${year}` : `${monthNames[month]} ${year}`;
    ticks.push({ start: isoOf(start), end: isoOf(end), label });
    month += step;
    if (month >= 12) {
      month -= 12;
      year += 1;
    }
  }
  return ticks;
}

/**
 * Maps dates to x positions as fractions of the timeline's width (0 at its left edge, 1 at its right), so that the bars
 * are placed in percentages: the roadmap draws before its width is known, and a resize moves nothing in JavaScript.
 */
export interface TimeScale {
  /** The x of the start of `isoDate`'s day, clamped to [0, 1]. */
  x(isoDate: string): number;
  /** The x of the end of `isoDate`'s day (bars include their last day), clamped to [0, 1]. */
  xEnd(isoDate: string): number;
}

/** A linear scale from the first tick's start to the last tick's end onto [0, 1]. */
export function timeScale(ticks: readonly TimeTick[]): TimeScale {
  const from = ticks.length ? dayValue(ticks[0]!.start) : 0;
  const to = ticks.length ? dayValue(ticks[ticks.length - 1]!.end) : DAY;
  const span = Math.max(DAY, to - from);
  const clamp = (v: number) => Math.min(1, Math.max(0, v));
  return {
    x: (d) => clamp((dayValue(d) - from) / span),
    xEnd: (d) => clamp((dayValue(d) + DAY - from) / span),
  };
}

/** A fraction of the timeline's width as a CSS length (`0.25` → `25%`). */
export function percent(fraction: number): string {
  return `${+(fraction * 100).toFixed(4)}%`;
}
