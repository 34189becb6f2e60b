import type { HealthStatus, PersonRef } from '@tandem/core';

const dateFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'UTC',
});

/** `2026-03-01` → `1 Mar 2026` (dates are calendar days: shown in UTC so they never shift by a day). */
export function formatDate(isoDate: string | undefined): string {
  if (!isoDate) return '—';
  const ms = Date.parse(isoDate.length === 10 ? `${isoDate}T00:00:00Z` : isoDate);
  return Number.isNaN(ms) ? isoDate : dateFormat.format(ms);
}

/** A timestamp with its time, in UTC. */
export function formatDateTime(timestamp: string | undefined): string {
  if (!timestamp) return '—';
  const ms = Date.parse(timestamp);
  return Number.isNaN(ms) ? timestamp : `${dateTimeFormat.format(ms)} UTC`;
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

/** Today as `YYYY-MM-DD` in UTC. */
export function isoDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}
