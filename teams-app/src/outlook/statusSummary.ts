/**
 * The status summary a manager inserts into a message: plain facts about an initiative, built as HTML from escaped
 * text only (titles and names come from the portfolio and may hold anything), with a link to it in the Teams tab.
 */
import type { InitiativeCardModel } from '@tandem/ui';
import { objectiveDeepLink } from '../host/deepLinks.js';

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const healthLabels = { onTrack: 'On track', atRisk: 'At risk', offTrack: 'Off track' } as const;
const statusLabels = {
  proposed: 'Proposed',
  planned: 'Planned',
  inProgress: 'In progress',
  done: 'Done',
  cancelled: 'Cancelled',
} as const;

/** The summary's lines as plain text (also the preview shown in the pane). */
export function statusSummaryLines(model: InitiativeCardModel): string[] {
  const i = model.initiative;
  const lines = [
    `${i.key} ${i.title}`,
    `Status: ${statusLabels[i.status]}, ${i.percentComplete}% done. Health: ${healthLabels[model.health.status]} (${model.health.reason}).`,
    `IT owner: ${i.itOwner.displayName}. Sponsor: ${i.businessSponsor.displayName}.`,
  ];
  if (model.objectives.length)
    lines.push(`Objective: ${model.objectives.map((o) => `${o.key} ${o.title}`).join('; ')}.`);
  if (model.nextMilestone) lines.push(`Next milestone: ${model.nextMilestone.label} ${model.nextMilestone.date}.`);
  if (model.recentDecisions.length) {
    lines.push(
      `Recent decisions: ${model.recentDecisions.map((d) => `${d.key} ${d.title} (${d.status})`).join('; ')}.`,
    );
  }
  return lines;
}

/**
 * The summary as an HTML fragment for `body.setSelectedDataAsync`/`prependAsync`. `href` must be http(s); anything
 * else is left out rather than linked.
 */
export function statusSummaryHtml(model: InitiativeCardModel, href: string | undefined): string {
  const [title, ...rest] = statusSummaryLines(model);
  const link =
    href && /^https?:\/\//i.test(href)
      ? `<p><a href="${escapeHtml(href)}">Open ${escapeHtml(model.initiative.key)} in Tandem</a></p>`
      : '';
  return (
    `<div data-tandem-summary="${escapeHtml(model.initiative.key)}">` +
    `<p><strong>${escapeHtml(title ?? '')}</strong></p>` +
    rest.map((line) => `<p>${escapeHtml(line)}</p>`).join('') +
    link +
    '</div>'
  );
}

/** `[INI-7] subject`: the key in brackets in front, once (a subject that already carries it is left as it is). */
export function subjectWithKey(subject: string, key: string): string {
  const bracketed = new RegExp(`\\[[^\\]]*\\b${key}\\b[^\\]]*\\]`, 'i');
  if (bracketed.test(subject)) return subject;
  return subject.trim() ? `[${key}] ${subject.trim()}` : `[${key}]`;
}

/**
 * Where the summary links: the initiative's objective page in the Teams tab (a Teams deep link, which the tab opens
 * on that objective), or the tab in a browser in local mode.
 */
export function tandemLinkFor(
  model: InitiativeCardModel,
  options: { mode: 'local' | 'm365'; origin: string; teamsAppId: string },
): string {
  const objective = model.objectives[0]?.key;
  if (options.mode === 'local') {
    const url = new URL('/tab', options.origin);
    if (objective) url.searchParams.set('objective', objective);
    else url.searchParams.set('view', 'portfolio');
    return url.toString();
  }
  if (objective) return objectiveDeepLink(options.teamsAppId, objective);
  return `https://teams.microsoft.com/l/entity/${encodeURIComponent(options.teamsAppId)}/tandem-roadmap`;
}
