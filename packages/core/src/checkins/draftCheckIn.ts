import { slaAttainment } from '../alignment/slaAttainment.js';
import type { KpiChange } from '../alignment/impact.js';
import { latestCheckIn } from '../alignment/health.js';
import type { CheckIn } from '../model/checkIn.js';
import type { HealthStatus } from '../model/vocabulary.js';
import type { Decision } from '../model/decision.js';
import type { Link } from '../model/link.js';
import { itemsOf, type PortfolioData } from '../model/portfolio.js';
import { kpiMovement } from './kpiMovement.js';
import { targetScope } from './relatedKeys.js';
import { targetHealth } from './targetHealth.js';

/** An SLA period that missed its target. */
export interface SlaBreach {
  serviceKey: string;
  serviceName: string;
  periodStart: string;
  periodEnd: string;
  availability: number;
  availabilityTarget: number;
  responseTimeMs: number;
  responseTimeTargetMs: number;
}

/** A link in a draft: what it is, and when it happened. */
export interface DraftLink {
  targetKey: string;
  title: string;
  url?: string;
  at: string;
}

/** What moved an objective or initiative since its last check-in, and the check-in it suggests. */
export interface CheckInDraft {
  targetKey: string;
  /** The moment the draft counts from (exclusive): the last check-in, or the `since` given. */
  since: string | undefined;
  until: string;
  commits: DraftLink[];
  meetings: DraftLink[];
  emails: DraftLink[];
  kpiChanges: KpiChange[];
  slaBreaches: SlaBreach[];
  /** Decisions about it taken (accepted or rejected) in the window. */
  decisions: Pick<Decision, 'key' | 'title' | 'status' | 'decidedOn'>[];
  /** From the last check-in's word to the health its numbers give now; absent when unchanged. */
  healthChange?: { from: HealthStatus; to: HealthStatus };
  counts: {
    commits: number;
    meetings: number;
    emails: number;
    kpiChanges: number;
    slaBreaches: number;
    decisions: number;
  };
  /** The check-in it suggests: health from the numbers, progress, and a note listing the above. */
  status: HealthStatus;
  progress: number | undefined;
  note: string;
}

/**
 * Drafts a check-in on an objective or initiative from what moved it since `since` (by default its last check-in
 * before `now`): links to it (an objective's key results and initiatives count for it) dated by when they happened,
 * KPI changes, SLA breaches of the services it names, decisions about it taken, and its health change. Exactly those:
 * anything at or before `since`, or after `now`, is left out. Throws a `RangeError` for a key that is neither.
 */
export function draftCheckIn(
  portfolio: PortfolioData,
  targetKey: string,
  since: string | undefined,
  now: Date,
): CheckInDraft {
  const checkIns = itemsOf(portfolio, 'checkIn');
  const health = targetHealth(portfolio, targetKey, now);
  if (!health) throw new RangeError(`${targetKey} is not an objective or initiative`);
  const last: CheckIn | undefined = latestCheckIn(targetKey, checkIns, now);
  const from = since ?? last?.at;
  const fromMs = from === undefined ? -Infinity : Date.parse(from);
  const nowMs = now.getTime();
  const until = now.toISOString();
  const fromDay = from === undefined ? '0000-01-01' : from.slice(0, 10);
  const today = until.slice(0, 10);
  const scope = targetScope(portfolio, targetKey);

  const inWindow = (at: string) => {
    const t = Date.parse(at);
    return t > fromMs && t <= nowMs;
  };
  const linksOf = (kind: Link['kind']): DraftLink[] =>
    itemsOf(portfolio, 'link')
      .filter((l) => l.kind === kind && scope.keys.has(l.targetKey) && inWindow(l.occurredAt ?? l.linkedAt))
      .map((l) => ({
        targetKey: l.targetKey,
        title: l.title,
        at: l.occurredAt ?? l.linkedAt,
        ...(l.url ? { url: l.url } : {}),
      }))
      .sort((a, b) => a.at.localeCompare(b.at) || a.title.localeCompare(b.title));

  const measurements = itemsOf(portfolio, 'kpiMeasurement');
  const kpiChanges = itemsOf(portfolio, 'kpi')
    .filter((k) => scope.kpiKeys.has(k.key))
    .map((k) => kpiMovement(k, measurements, fromDay, today))
    .filter((c): c is KpiChange => c !== undefined)
    .sort((a, b) => a.kpiKey.localeCompare(b.kpiKey, 'en', { numeric: true }));

  const slaBreaches = slaBreachesBetween(portfolio, scope.serviceKeys, fromDay, today);

  const decisions = itemsOf(portfolio, 'decision')
    .filter(
      (d) =>
        d.decidedOn !== undefined &&
        (d.status === 'accepted' || d.status === 'rejected') &&
        d.decidedOn > fromDay &&
        d.decidedOn <= today &&
        d.relatedKeys.some((k) => scope.keys.has(k)),
    )
    .map((d) => ({ key: d.key, title: d.title, status: d.status, decidedOn: d.decidedOn }))
    .sort((a, b) => a.key.localeCompare(b.key, 'en', { numeric: true }));

  const previous =
    last?.status ?? (from === undefined ? undefined : targetHealth(portfolio, targetKey, new Date(fromMs))?.status);
  const healthChange =
    previous !== undefined && previous !== health.status ? { from: previous, to: health.status } : undefined;

  const commits = linksOf('commit');
  const meetings = linksOf('meeting');
  const emails = linksOf('email');
  const draft: Omit<CheckInDraft, 'note'> = {
    targetKey,
    since: from,
    until,
    commits,
    meetings,
    emails,
    kpiChanges,
    slaBreaches,
    decisions,
    ...(healthChange ? { healthChange } : {}),
    counts: {
      commits: commits.length,
      meetings: meetings.length,
      emails: emails.length,
      kpiChanges: kpiChanges.length,
      slaBreaches: slaBreaches.length,
      decisions: decisions.length,
    },
    status: health.status,
    progress: Math.round(health.progress * 100),
  };
  return { ...draft, note: draftNote(draft) };
}

/** SLA periods of `serviceKeys` ending in (`after`, `until`] that missed a target, oldest first. */
export function slaBreachesBetween(
  portfolio: PortfolioData,
  serviceKeys: ReadonlySet<string> | undefined,
  after: string,
  until: string,
): SlaBreach[] {
  const records = itemsOf(portfolio, 'slaRecord');
  const breaches: SlaBreach[] = [];
  for (const service of itemsOf(portfolio, 'service')) {
    if (serviceKeys && !serviceKeys.has(service.key)) continue;
    for (const p of slaAttainment(service, records).periods) {
      if (p.met || p.periodEnd <= after || p.periodEnd > until) continue;
      breaches.push({
        serviceKey: service.key,
        serviceName: service.name,
        periodStart: p.periodStart,
        periodEnd: p.periodEnd,
        availability: p.availability,
        availabilityTarget: service.availabilityTarget,
        responseTimeMs: p.responseTimeMs,
        responseTimeTargetMs: service.responseTimeTargetMs,
      });
    }
  }
  return breaches.sort(
    (a, b) =>
      a.periodEnd.localeCompare(b.periodEnd) || a.serviceKey.localeCompare(b.serviceKey, 'en', { numeric: true }),
  );
}

const healthWords: Record<HealthStatus, string> = { onTrack: 'on track', atRisk: 'at risk', offTrack: 'off track' };

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The draft's note: one line per kind of movement, for the owner to edit. */
function draftNote(d: Omit<CheckInDraft, 'note'>): string {
  const lines: string[] = [];
  if (d.healthChange) lines.push(`Health: ${healthWords[d.healthChange.from]} → ${healthWords[d.healthChange.to]}.`);
  if (d.commits.length) lines.push(`${plural(d.commits.length, 'commit', 'commits')} linked.`);
  if (d.meetings.length)
    lines.push(`${plural(d.meetings.length, 'meeting', 'meetings')}: ${d.meetings.map((m) => m.title).join('; ')}.`);
  if (d.emails.length)
    lines.push(`${plural(d.emails.length, 'email', 'emails')}: ${d.emails.map((m) => m.title).join('; ')}.`);
  for (const k of d.kpiChanges) {
    const sign = k.change > 0 ? '+' : '';
    lines.push(`${k.name}: ${k.from} → ${k.to} ${k.unit} (${sign}${round(k.change)}${k.improved ? ', better' : ''}).`);
  }
  for (const b of d.slaBreaches)
    lines.push(`SLA missed: ${b.serviceKey} ${b.serviceName}, ${b.periodStart} to ${b.periodEnd}.`);
  for (const dec of d.decisions) lines.push(`Decision ${dec.key} ${dec.status}: ${dec.title}.`);
  if (lines.length === 0) lines.push('Nothing linked or measured since the last check-in.');
  return lines.join('\n');
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
