import type { HealthStatus, InitiativeStatus, PersonRef } from '@tandem/core';

/** Month names as en-GB writes them short (British English abbreviates September to `Sept`). */
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'] as const;
const twoDigits = (n: number) => String(n).padStart(2, '0');

// Dates are written by hand in the en-GB short form rather than with Intl.DateTimeFormat: the first formatter a page
// makes loads the browser's locale and time-zone data (~15 ms on the roadmap's first screen), and the hand-written
// form is also the same in every browser and Teams client.
const dayMonthYear = (date: Date) => `${date.getUTCDate()} ${months[date.getUTCMonth()]} ${date.getUTCFullYear()}`;

/** `2026-03-01` → `1 Mar 2026` (dates are calendar days: shown in UTC so they never shift by a day). */
export function formatDate(isoDate: string | undefined): string {
  if (!isoDate) return '—';
  const ms = Date.parse(isoDate.length === 10 ? `${isoDate}T00:00:00Z` : isoDate);
  return Number.isNaN(ms) ? isoDate : dayMonthYear(new Date(ms));
}

/** A timestamp with its time, in UTC: `5 Sept 2026, 07:03 UTC`. */
export function formatDateTime(timestamp: string | undefined): string {
  if (!timestamp) return '—';
  const ms = Date.parse(timestamp);
  if (Number.isNaN(ms)) return timestamp;
  const date = new Date(ms);
  return `${dayMonthYear(date)}, ${twoDigits(date.getUTCHours())}:${twoDigits(date.getUTCMinutes())} UTC`;
}

/** A person's name, or a dash. */
export function formatPerson(person: PersonRef | undefined): string {
  return person?.displayName ?? '—';
}

/** A number with at most `digits` decimals. */
export function formatNumber(value: number | undefined, digits = 1): string {
  if (value === undefined || !Number.isFinite(value)) return '—';
  return value.toLocaleString('en-GB', { maximumFractionDigits: digits });
}

/** A ratio 0–1 as a percentage. */
export function formatPercent(ratio: number | undefined, digits = 0): string {
  if (ratio === undefined || !Number.isFinite(ratio)) return '—';
  return `${(ratio * 100).toLocaleString('en-GB', { maximumFractionDigits: digits })}%`;
}

/** Words for each health, so colour is never the only sign of it. */
export const HEALTH_LABELS: Record<HealthStatus, string> = {
  onTrack: 'On track',
  atRisk: 'At risk',
  offTrack: 'Off track',
};

/** Words for each initiative status. */
export const INITIATIVE_STATUS_LABELS: Record<InitiativeStatus, string> = {
  proposed: 'Proposed',
  planned: 'Planned',
  inProgress: 'In progress',
  done: 'Done',
  cancelled: 'Cancelled',
};

/** Today as `YYYY-MM-DD` in UTC. */
export function isoDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}
