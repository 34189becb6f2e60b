import type { ImpactReport, ObjectiveImpact } from './impactReport.types.js';
import { formatAvailability, formatChange, formatNumber, formatPercent, withUnit } from './formatFigures.js';
import { escapeMarkdown as md } from './markdownText.js';

function table(header: string[], rows: string[][]): string[] {
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ];
}

function window(report: ImpactReport): string {
  return report.since ? `since ${md(report.since)}` : 'over all time';
}

function objectiveSection(objective: ObjectiveImpact): string[] {
  const lines = [
    `## ${md(objective.key)} — ${md(objective.title)}`,
    '',
    `${objective.kind === 'it' ? 'IT' : 'Business'} objective · ${md(objective.status)} · owner ${md(objective.owner)} · progress **${formatPercent(objective.progress)}**`,
    '',
    '### Key results',
    '',
  ];
  if (objective.keyResults.length === 0) lines.push('No key results yet.');
  else
    lines.push(
      ...table(
        ['key result', 'start', 'current', 'target', 'progress'],
        objective.keyResults.map((kr) => [
          `${md(kr.key)} ${md(kr.title)}`,
          md(withUnit(kr.startValue, kr.unit)),
          md(withUnit(kr.currentValue, kr.unit)),
          md(withUnit(kr.targetValue, kr.unit)),
          formatPercent(kr.progress),
        ]),
      ),
    );
  lines.push('', '### Initiatives', '');
  const list = (items: ObjectiveImpact['initiativesDone'], withPercent: boolean) =>
    items.length === 0
      ? 'none'
      : items
          .map((i) => `${md(i.key)} ${md(i.title)}${withPercent ? ` (${formatPercent(i.percentComplete)})` : ''}`)
          .join('; ');
  lines.push(`- Done: ${list(objective.initiativesDone, false)}`);
  lines.push(`- In progress: ${list(objective.initiativesInProgress, true)}`);
  const l = objective.links;
  lines.push(
    '',
    '### Linked work',
    '',
    `${l.commits} commits, ${l.pullRequests} pull requests, ${l.meetings} meetings, ${l.emails} emails` +
      (l.other > 0 ? `, ${l.other} other links` : ''),
    '',
    '### KPIs',
    '',
  );
  if (objective.kpis.length === 0) lines.push('No KPIs yet.');
  else
    lines.push(
      ...table(
        ['KPI', 'from', 'to', 'change', 'target', 'attainment'],
        objective.kpis.map((k) => [
          `${md(k.key)} ${md(k.name)}`,
          k.from ? md(`${withUnit(k.from.value, k.unit)} (${k.from.on})`) : '—',
          k.to ? md(`${withUnit(k.to.value, k.unit)} (${k.to.on})`) : '—',
          k.change !== undefined ? md(formatChange(k.change)) : '—',
          md(withUnit(k.target, k.unit)) + (k.direction === 'lowerIsBetter' ? ' (lower is better)' : ''),
          k.attainment !== undefined ? formatPercent(k.attainment) : '—',
        ]),
      ),
    );
  lines.push('');
  return lines;
}

/**
 * The impact report as Markdown: a summary table, then per objective its key-result progress, initiatives done and in
 * progress, linked commits, pull requests, meetings and emails, and KPI movement; then SLA attainment per service.
 * Every text from the data is escaped.
 */
export function renderReportMarkdown(report: ImpactReport): string {
  const lines = [
    '# Tandem impact report',
    '',
    `Generated ${md(report.generatedAt)}, ${window(report)}.`,
    '',
    '## Summary',
    '',
    ...table(
      ['objective', 'kind', 'progress', 'initiatives done', 'in progress', 'commits', 'meetings', 'emails'],
      report.objectives.map((o) => [
        `${md(o.key)} ${md(o.title)}`,
        o.kind === 'it' ? 'IT' : 'business',
        formatPercent(o.progress),
        String(o.initiativesDone.length),
        String(o.initiativesInProgress.length),
        String(o.links.commits),
        String(o.links.meetings),
        String(o.links.emails),
      ]),
    ),
    '',
  ];
  for (const objective of report.objectives) lines.push(...objectiveSection(objective));
  lines.push('## Services — SLA attainment', '');
  if (report.services.length === 0) lines.push('No services in the catalogue.');
  else
    lines.push(
      ...table(
        ['service', 'availability', 'target', 'periods meeting SLA', 'incidents'],
        report.services.map((s) => [
          `${md(s.key)} ${md(s.name)}`,
          s.availability !== undefined ? md(formatAvailability(s.availability)) : '—',
          md(formatAvailability(s.availabilityTarget)) + ` · ${md(formatNumber(s.responseTimeTargetMs))} ms`,
          s.attainment !== undefined ? `${formatPercent(s.attainment)} of ${s.periods}` : '—',
          String(s.incidents),
        ]),
      ),
    );
  lines.push('');
  return lines.join('\n');
}
