import type { Portfolio } from '../data/portfolio.js';
import { findByKey } from '../data/portfolio.js';
import { healthLabel, kpiTrends, type Insights } from '../data/insights.js';
import { escapeMarkdown } from './escapeMarkdown.js';
import { termLines } from './glossaryCard.js';

/** A command link that VS Code renders in a trusted Markdown card (arguments JSON-encoded as it expects). */
export function commandLink(label: string, command: string, args: unknown[]): string {
  return `[${label}](command:${command}?${encodeURIComponent(JSON.stringify(args))})`;
}

/** The commands a card may run; the Markdown is trusted for these alone. */
export const CARD_COMMANDS = ['tandem.openInTeams', 'tandem.copyLink', 'tandem.showCard'];

/**
 * The card for a key, as Markdown: title, objective, health, owner, WSJF rank, KPI trend and command links.
 * Undefined when the portfolio does not know the key, so that hovers show nothing for it.
 */
export function keyCard(key: string, portfolio: Portfolio, insights: Insights): string | undefined {
  const found = findByKey(portfolio, key);
  if (!found) return undefined;
  const lines: string[] = [];
  const objectiveTitle = (k: string) => portfolio.objectives.find((o) => o.key === k)?.title;
  let objectiveKeys: string[] = [];
  switch (found.kind) {
    case 'initiative': {
      const i = found.value;
      objectiveKeys = i.objectiveKeys;
      lines.push(`**${key}** · ${escapeMarkdown(i.title)}`, '');
      const objectives = i.objectiveKeys.map((k) => `${k} ${escapeMarkdown(objectiveTitle(k) ?? '')}`.trim());
      lines.push(`- Objective: ${objectives.length ? objectives.join('; ') : 'none'}`);
      const health = insights.health.get(key);
      lines.push(
        `- Health: ${health ? `${healthLabel(health.status)} (${escapeMarkdown(health.reason)})` : 'unknown'}`,
      );
      lines.push(
        `- Owner: ${escapeMarkdown(i.itOwner.displayName)} · sponsor ${escapeMarkdown(i.businessSponsor.displayName)}`,
      );
      const rank = insights.wsjfRank.get(key);
      lines.push(`- WSJF rank: ${rank ? `${rank} of ${insights.rankedCount}` : `not ranked (${i.status})`}`);
      lines.push(`- Status: ${i.status} · ${i.percentComplete}% complete`);
      break;
    }
    case 'objective': {
      const o = found.value;
      objectiveKeys = [o.key];
      lines.push(`**${key}** · ${escapeMarkdown(o.title)}`, '');
      if (o.parentKey) lines.push(`- Objective: ${o.parentKey} ${escapeMarkdown(objectiveTitle(o.parentKey) ?? '')}`);
      const health = insights.health.get(key);
      lines.push(
        `- Health: ${health ? `${healthLabel(health.status)} (${escapeMarkdown(health.reason)})` : 'unknown'}`,
      );
      lines.push(`- Owner: ${escapeMarkdown(o.owner.displayName)}`);
      const progress = insights.progress.get(key);
      lines.push(`- Progress: ${progress === undefined ? 'not measured' : `${Math.round(progress * 100)}%`}`);
      break;
    }
    case 'keyResult': {
      const kr = found.value;
      lines.push(`**${key}** · ${escapeMarkdown(kr.title)}`, '');
      lines.push(`- Objective: ${kr.objectiveKey} ${escapeMarkdown(objectiveTitle(kr.objectiveKey) ?? '')}`);
      lines.push(
        `- Metric: ${escapeMarkdown(kr.metric)}: ${kr.currentValue} of ${kr.targetValue} ${escapeMarkdown(kr.unit)}`,
      );
      if (kr.owner) lines.push(`- Owner: ${escapeMarkdown(kr.owner.displayName)}`);
      break;
    }
    case 'kpi': {
      const kpi = found.value;
      lines.push(`**${key}** · ${escapeMarkdown(kpi.name)}`, '');
      lines.push(`- Objective: ${kpi.objectiveKey} ${escapeMarkdown(objectiveTitle(kpi.objectiveKey) ?? '')}`);
      lines.push(`- Owner: ${escapeMarkdown(kpi.owner.displayName)}`);
      objectiveKeys = [];
      const trend = kpiTrends(portfolio, [kpi.objectiveKey]).find((t) => t.key === kpi.key);
      if (trend) lines.push(`- KPI trend: ${escapeMarkdown(trend.text)}`);
      break;
    }
  }
  for (const trend of kpiTrends(portfolio, objectiveKeys)) {
    lines.push(`- KPI trend: ${trend.key} ${escapeMarkdown(trend.name)}: ${escapeMarkdown(trend.text)}`);
  }
  if (found.kind === 'initiative' || found.kind === 'objective') {
    const { title, description } = found.value;
    const terms = termLines(key, `${title}\n${description ?? ''}`, portfolio.glossaryTerms);
    if (terms.length > 0) lines.push('', '**Terms**', '', ...terms);
  }
  lines.push(
    '',
    `${commandLink('Open in Teams', 'tandem.openInTeams', [key])} · ${commandLink('Copy link', 'tandem.copyLink', [key])}`,
  );
  return lines.join('\n');
}
