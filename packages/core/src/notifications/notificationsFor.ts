import { availabilityPercent } from '../alignment/slaAttainment.js';
import { targetHealth } from '../checkins/targetHealth.js';
import type { HealthStatus } from '../model/vocabulary.js';
import type { PersonRef } from '../model/common.js';
import { itemsOf, type PortfolioData } from '../model/portfolio.js';
import type { Decision } from '../model/decision.js';
import { decisionApprovers, latestVote } from '../governance/decisionRules.js';

/** The activity types Tandem sends; each is declared in the app manifest's `activities.activityTypes`. */
export const ACTIVITY_TYPES = {
  decisionAwaitsApproval: 'decisionAwaitsApproval',
  initiativeHealthChanged: 'initiativeHealthChanged',
  slaBreached: 'slaBreached',
  itemLinked: 'itemLinked',
} as const;

/** One of Tandem's activity types. */
export type ActivityType = keyof typeof ACTIVITY_TYPES;

/** A notification to send: to whom, of which type, about which key, with its text. */
export interface TandemNotification {
  recipient: PersonRef;
  activityType: ActivityType;
  /** The key the notification opens (`DEC-5`, `INI-7`, `SVC-2`). */
  targetKey: string;
  /** The short text shown in the activity feed. */
  previewText: string;
  /** The values the manifest's template text names. */
  templateParameters: { name: string; value: string }[];
}

const healthWords: Record<HealthStatus, string> = { onTrack: 'on track', atRisk: 'at risk', offTrack: 'off track' };

/**
 * Who must hear of a change, from the portfolio before and after it (both read at `now`):
 * - each approver of a proposed decision who has not voted, once, when it starts awaiting them;
 * - an initiative's business sponsor when its health changes;
 * - a service's owner when an SLA period of theirs is recorded (or corrected) as breached;
 * - the author of an email or organiser of a meeting that someone else links to an initiative or objective.
 * Each person gets each notification once, and nobody is told of their own action: pass the person who made the
 * change as `actor`.
 */
export function notificationsFor(
  before: PortfolioData,
  after: PortfolioData,
  now: Date,
  actor?: PersonRef,
): TandemNotification[] {
  const out: TandemNotification[] = [];
  const seen = new Set<string>();
  const push = (n: TandemNotification) => {
    const id = `${n.recipient.email.toLowerCase()}|${n.activityType}|${n.targetKey}`;
    if (seen.has(id) || n.recipient.email.toLowerCase() === actor?.email.toLowerCase()) return;
    seen.add(id);
    out.push(n);
  };

  // Decisions awaiting an approver.
  const decisionsBefore = new Map(itemsOf(before, 'decision').map((d) => [d.id, d]));
  const awaiting = (d: Decision | undefined) =>
    new Set(
      d && d.status === 'proposed'
        ? decisionApprovers(d)
            .filter((a) => latestVote(d, a.person) === undefined)
            .map((a) => a.person.email.toLowerCase())
        : [],
    );
  for (const d of itemsOf(after, 'decision')) {
    const was = awaiting(decisionsBefore.get(d.id));
    for (const a of decisionApprovers(d)) {
      const email = a.person.email.toLowerCase();
      if (d.status !== 'proposed' || latestVote(d, a.person) !== undefined || was.has(email)) continue;
      push({
        recipient: a.person,
        activityType: 'decisionAwaitsApproval',
        targetKey: d.key,
        previewText: `${d.key} ${d.title} awaits your approval`,
        templateParameters: [
          { name: 'decisionKey', value: d.key },
          { name: 'decisionTitle', value: d.title },
        ],
      });
    }
  }

  // Initiatives whose health changed, to their sponsor.
  const initiativesBefore = new Map(itemsOf(before, 'initiative').map((i) => [i.id, i]));
  for (const i of itemsOf(after, 'initiative')) {
    if (!initiativesBefore.has(i.id)) continue;
    const was = targetHealth(before, initiativesBefore.get(i.id)!.key, now, itemsOf(before, 'checkIn'))?.status;
    const is = targetHealth(after, i.key, now, itemsOf(after, 'checkIn'))?.status;
    if (!was || !is || was === is) continue;
    push({
      recipient: i.businessSponsor,
      activityType: 'initiativeHealthChanged',
      targetKey: i.key,
      previewText: `${i.key} ${i.title} is now ${healthWords[is]} (was ${healthWords[was]})`,
      templateParameters: [
        { name: 'initiativeKey', value: i.key },
        { name: 'health', value: healthWords[is] },
      ],
    });
  }

  // SLA periods newly breached, to the service's owner.
  const breachedBefore = breachedRecordIds(before);
  const services = new Map(itemsOf(after, 'service').map((s) => [s.key, s]));
  for (const [id, serviceKey] of breachedRecordIds(after)) {
    if (breachedBefore.has(id)) continue;
    const service = services.get(serviceKey)!;
    const record = itemsOf(after, 'slaRecord').find((r) => r.id === id)!;
    push({
      recipient: service.owner,
      activityType: 'slaBreached',
      targetKey: service.key,
      previewText: `${service.key} ${service.name} missed its SLA for ${record.periodStart} to ${record.periodEnd}`,
      templateParameters: [
        { name: 'serviceKey', value: service.key },
        { name: 'period', value: `${record.periodStart} to ${record.periodEnd}` },
      ],
    });
  }

  // Someone else's email or meeting linked.
  const linksBefore = new Set(itemsOf(before, 'link').map((l) => l.id));
  for (const l of itemsOf(after, 'link')) {
    if (linksBefore.has(l.id) || (l.kind !== 'email' && l.kind !== 'meeting') || !l.author) continue;
    if (l.author.email.toLowerCase() === l.linkedBy.email.toLowerCase()) continue;
    push({
      recipient: l.author,
      activityType: 'itemLinked',
      targetKey: l.targetKey,
      // The manifest's template names {actor}: Teams fills it in with the sender, who is the person linking.
      previewText: `${l.linkedBy.displayName} linked your ${l.kind} "${l.title}" to ${l.targetKey}`,
      templateParameters: [
        { name: 'itemKind', value: l.kind },
        { name: 'targetKey', value: l.targetKey },
      ],
    });
  }
  return out;
}

/** The SLA records that missed a target, by id, with their service's key. */
function breachedRecordIds(portfolio: PortfolioData): Map<string, string> {
  const services = new Map(itemsOf(portfolio, 'service').map((s) => [s.key, s]));
  const breached = new Map<string, string>();
  for (const r of itemsOf(portfolio, 'slaRecord')) {
    const service = services.get(r.serviceKey);
    if (!service) continue;
    const availability = availabilityPercent(r.periodStart, r.periodEnd, r.downtimeMinutes);
    if (availability < service.availabilityTarget || r.responseTimeMs > service.responseTimeTargetMs)
      breached.set(r.id, service.key);
  }
  return breached;
}
