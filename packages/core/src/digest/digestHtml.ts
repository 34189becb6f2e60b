import type { HealthStatus } from '../model/vocabulary.js';
import type { Digest } from './composeDigest.js';

/** Escapes text for an HTML message body: every value from the portfolio goes through it. */
export function escapeHtmlText(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const healthWords: Record<HealthStatus, string> = { onTrack: 'On track', atRisk: 'At risk', offTrack: 'Off track' };

function formatNumber(x: number): string {
  return String(Math.round(x * 100) / 100);
}

/**
 * The digest as a Teams channel message body (the HTML subset Teams renders: headings, paragraphs, lists, bold),
 * with every value escaped. Business figures first (objectives, KPIs, decisions), then IT's (initiatives, SLAs, ranking).
 */
export function renderDigestHtml(digest: Digest, options: { siteName?: string } = {}): string {
  const e = escapeHtmlText;
  const parts: string[] = [];
  const section = (title: string, items: string[], empty: string) => {
    parts.push(`<h3>${e(title)}</h3>`);
    parts.push(items.length === 0 ? `<p>${e(empty)}</p>` : `<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>`);
  };
  const item = (key: string, title: string) => `<b>${e(key)}</b> ${e(title)}`;

  parts.push(
    `<h2>${e(`Tandem weekly digest${options.siteName ? ` — ${options.siteName}` : ''}`)}</h2>`,
    `<p>${e(`Week of ${digest.weekStart} to ${digest.weekEnding}`)}</p>`,
  );
  const changed = digest.objectives.filter((o) => o.healthBefore !== undefined).length;
  parts.push(
    `<p>${e(
      `${digest.objectives.length} objectives (${changed} changed health), ` +
        `${digest.initiativesStarted.length} initiatives started, ${digest.initiativesDone.length} done, ` +
        `${digest.decisionsTaken.length} decisions taken, ${digest.decisionsAwaiting.length} awaiting, ` +
        `${digest.slaBreaches.length} SLA breaches`,
    )}</p>`,
  );
  section(
    'Objectives',
    digest.objectives.map(
      (o) =>
        `${item(o.key, o.title)}: ${e(o.progress === undefined ? 'not measured' : `${o.progress}%`)}, ` +
        e(o.healthBefore ? `${healthWords[o.healthBefore]} → ${healthWords[o.health]}` : healthWords[o.health]),
    ),
    'No active objectives.',
  );
  section(
    'KPI movement',
    digest.kpiMovement.map(
      (k) =>
        `${item(k.kpiKey, k.name)}: ${e(`${formatNumber(k.from)} → ${formatNumber(k.to)} ${k.unit}`)} ` +
        e(
          `(${k.change > 0 ? '+' : ''}${formatNumber(k.change)}${k.improved ? ', better' : k.change === 0 ? '' : ', worse'})`,
        ),
    ),
    'No KPI measured this week.',
  );
  section(
    'Decisions taken',
    digest.decisionsTaken.map((d) => `${item(d.key, d.title)}: ${e(d.status)}`),
    'None this week.',
  );
  section(
    'Decisions awaiting approval',
    digest.decisionsAwaiting.map((d) => item(d.key, d.title)),
    'None.',
  );
  section(
    'Initiatives started',
    digest.initiativesStarted.map((i) => item(i.key, i.title)),
    'None this week.',
  );
  section(
    'Initiatives done',
    digest.initiativesDone.map((i) => item(i.key, i.title)),
    'None this week.',
  );
  section(
    'SLA breaches',
    digest.slaBreaches.map(
      (b) =>
        `${item(b.serviceKey, b.serviceName)}: ` +
        e(
          `${b.periodStart} to ${b.periodEnd}, availability ${formatNumber(b.availability)}% ` +
            `(target ${b.availabilityTarget}%), response ${b.responseTimeMs} ms (target ${b.responseTimeTargetMs} ms)`,
        ),
    ),
    'Every SLA met.',
  );
  section(
    'Top-ranked initiatives',
    digest.topInitiatives.map(
      (t) => `${e(`#${t.rank}`)} ${item(t.key, t.title)} ${e(`(score ${formatNumber(t.score)})`)}`,
    ),
    'No open initiatives.',
  );
  return parts.join('');
}
