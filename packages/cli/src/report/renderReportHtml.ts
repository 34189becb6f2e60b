import { createHash } from 'node:crypto';
import type { ImpactReport, ObjectiveImpact } from './impactReport.types.js';
import { formatAvailability, formatChange, formatNumber, formatPercent, withUnit } from './formatFigures.js';
import { escapeHtml as h } from './htmlText.js';
import { kpiLineSvg, progressBarsSvg } from './svgCharts.js';

const styles = `
body{font-family:"Segoe UI",system-ui,sans-serif;color:#242424;background:#fff;margin:2rem auto;max-width:60rem;padding:0 1rem;line-height:1.4}
h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2rem;border-bottom:1px solid #e0e0e0;padding-bottom:.25rem}h3{font-size:1rem;margin-bottom:.25rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{text-align:left;padding:.25rem .5rem;border-bottom:1px solid #e0e0e0;vertical-align:top}
th{font-weight:600}td.n{text-align:right;font-variant-numeric:tabular-nums}.meta{color:#616161}figure{margin:.5rem 0}
`.trim();

/** The page's policy: nothing may load or run; only the one inline style sheet (by its hash) and inline SVG. */
function contentSecurityPolicy(): string {
  const hash = createHash('sha256').update(styles).digest('base64');
  return `default-src 'none'; style-src 'sha256-${hash}'; img-src data:; base-uri 'none'; form-action 'none'`;
}

function objectiveSection(o: ObjectiveImpact): string {
  const parts = [
    `<section aria-labelledby="${h(o.key)}">`,
    `<h2 id="${h(o.key)}">${h(o.key)} — ${h(o.title)}</h2>`,
    `<p class="meta">${o.kind === 'it' ? 'IT' : 'Business'} objective · ${h(o.status)} · owner ${h(o.owner)} · progress <strong>${formatPercent(o.progress)}</strong></p>`,
    '<h3>Key results</h3>',
  ];
  if (o.keyResults.length === 0) parts.push('<p>No key results yet.</p>');
  else {
    parts.push(
      `<figure>${progressBarsSvg(
        `Key-result progress of ${o.key}`,
        o.keyResults.map((kr) => ({ label: `${kr.key} ${kr.title}`, value: kr.progress })),
      )}</figure>`,
      '<table><thead><tr><th>key result</th><th>start</th><th>current</th><th>target</th><th>progress</th></tr></thead><tbody>',
      ...o.keyResults.map(
        (kr) =>
          `<tr><td>${h(kr.key)} ${h(kr.title)}</td><td class="n">${h(withUnit(kr.startValue, kr.unit))}</td><td class="n">${h(withUnit(kr.currentValue, kr.unit))}</td><td class="n">${h(withUnit(kr.targetValue, kr.unit))}</td><td class="n">${formatPercent(kr.progress)}</td></tr>`,
      ),
      '</tbody></table>',
    );
  }
  const list = (items: ObjectiveImpact['initiativesDone'], withPercent: boolean) =>
    items.length === 0
      ? 'none'
      : items
          .map((i) => `${h(i.key)} ${h(i.title)}${withPercent ? ` (${formatPercent(i.percentComplete)})` : ''}`)
          .join('; ');
  const l = o.links;
  parts.push(
    '<h3>Initiatives</h3>',
    `<ul><li>Done: ${list(o.initiativesDone, false)}</li><li>In progress: ${list(o.initiativesInProgress, true)}</li></ul>`,
    '<h3>Linked work</h3>',
    `<p>${l.commits} commits, ${l.pullRequests} pull requests, ${l.meetings} meetings, ${l.emails} emails${l.other > 0 ? `, ${l.other} other links` : ''}</p>`,
    '<h3>KPIs</h3>',
  );
  if (o.kpis.length === 0) parts.push('<p>No KPIs yet.</p>');
  for (const k of o.kpis) {
    parts.push(
      `<figure>${kpiLineSvg(`${k.key} ${k.name}`, k.series, k.target)}<figcaption>${h(k.key)} ${h(k.name)}: ` +
        `${k.from ? h(withUnit(k.from.value, k.unit)) : '—'} → ${k.to ? h(withUnit(k.to.value, k.unit)) : '—'}` +
        `${k.change !== undefined ? ` (${h(formatChange(k.change))})` : ''}, target ${h(withUnit(k.target, k.unit))}` +
        `${k.direction === 'lowerIsBetter' ? ' (lower is better)' : ''}` +
        `${k.attainment !== undefined ? `, attainment ${formatPercent(k.attainment)}` : ''}</figcaption></figure>`,
    );
  }
  parts.push('</section>');
  return parts.join('\n');
}

/**
 * The impact report as one self-contained HTML file: the same figures as the Markdown report, with inline SVG charts,
 * every text escaped, and a Content-Security-Policy that allows no script and no network at all.
 */
export function renderReportHtml(report: ImpactReport): string {
  const summaryRows = report.objectives.map(
    (o) =>
      `<tr><td><a href="#${h(o.key)}">${h(o.key)}</a> ${h(o.title)}</td><td>${o.kind === 'it' ? 'IT' : 'business'}</td><td class="n">${formatPercent(o.progress)}</td><td class="n">${o.initiativesDone.length}</td><td class="n">${o.initiativesInProgress.length}</td><td class="n">${o.links.commits}</td><td class="n">${o.links.meetings}</td><td class="n">${o.links.emails}</td></tr>`,
  );
  const services =
    report.services.length === 0
      ? '<p>No services in the catalogue.</p>'
      : `<figure>${progressBarsSvg(
          'Share of SLA periods met, per service',
          report.services.map((s) => ({ label: `${s.key} ${s.name}`, value: s.attainment ?? 0 })),
        )}</figure>` +
        '<table><thead><tr><th>service</th><th>availability</th><th>target</th><th>periods meeting SLA</th><th>incidents</th></tr></thead><tbody>' +
        report.services
          .map(
            (s) =>
              `<tr><td>${h(s.key)} ${h(s.name)}</td><td class="n">${s.availability !== undefined ? h(formatAvailability(s.availability)) : '—'}</td><td class="n">${h(formatAvailability(s.availabilityTarget))} · ${h(formatNumber(s.responseTimeTargetMs))} ms</td><td class="n">${s.attainment !== undefined ? `${formatPercent(s.attainment)} of ${s.periods}` : '—'}</td><td class="n">${s.incidents}</td></tr>`,
          )
          .join('') +
        '</tbody></table>';
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy()}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    '<title>Tandem impact report</title>',
    `<style>${styles}</style>`,
    '</head>',
    '<body>',
    '<main>',
    '<h1>Tandem impact report</h1>',
    `<p class="meta">Generated ${h(report.generatedAt)}, ${report.since ? `since ${h(report.since)}` : 'over all time'}.</p>`,
    '<h2>Summary</h2>',
    '<table><thead><tr><th>objective</th><th>kind</th><th>progress</th><th>initiatives done</th><th>in progress</th><th>commits</th><th>meetings</th><th>emails</th></tr></thead><tbody>',
    ...summaryRows,
    '</tbody></table>',
    ...report.objectives.map(objectiveSection),
    '<section aria-labelledby="services"><h2 id="services">Services — SLA attainment</h2>',
    services,
    '</section>',
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
