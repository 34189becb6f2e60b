import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { isoDateSchema, type EntityKind } from '@tandem/core';
import type { Command } from '../command.js';
import { UsageError } from '../command.js';
import { graphOptionsUsage, parseGraphCommand } from '../commandKit/commandArgs.js';
import { connectSite } from '../commandKit/connection.js';
import { printResult } from '../commandKit/output.js';
import { buildImpactReport, type ReportData } from '../report/buildImpactReport.js';
import { renderReportHtml } from '../report/renderReportHtml.js';
import { renderReportMarkdown } from '../report/renderReportMarkdown.js';

const kindOf: Record<keyof ReportData, EntityKind> = {
  objectives: 'objective',
  keyResults: 'keyResult',
  initiatives: 'initiative',
  kpis: 'kpi',
  kpiMeasurements: 'kpiMeasurement',
  services: 'service',
  slaRecords: 'slaRecord',
  links: 'link',
};

/** `tandem report`: the impact report, as Markdown or one self-contained HTML file. */
export const reportCommand: Command = {
  name: 'report',
  summary: 'Write the impact report (Markdown, or self-contained HTML with charts).',
  usage: [
    'Usage: tandem report [--since YYYY-MM-DD] [--format md|html] [--out FILE] [options]',
    '',
    '  --since DATE    look at what happened from DATE on (default: all time)',
    "  --format F      md or html (default: from --out's extension, else md)",
    '  --out FILE      write to FILE (default: stdout)',
    graphOptionsUsage.replace('print the result as JSON on stdout', "print the report's figures as JSON"),
  ].join('\n'),
  async run(args, io) {
    const { values, graph: options } = parseGraphCommand(args, {
      since: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
    });
    if (values.since !== undefined && !isoDateSchema.safeParse(values.since).success)
      throw new UsageError(`--since must be a date YYYY-MM-DD, not '${values.since}'.`);
    const byExtension = values.out ? extname(values.out).slice(1).toLowerCase() : '';
    const format = values.format ?? (byExtension === 'html' || byExtension === 'htm' ? 'html' : 'md');
    if (format !== 'md' && format !== 'html') throw new UsageError('--format must be md or html.');

    const { store } = await connectSite(options, io);
    const data = Object.fromEntries(
      await Promise.all(
        Object.entries(kindOf).map(async ([field, kind]) => [field, (await store.query(kind)).map((s) => s.value)]),
      ),
    ) as unknown as ReportData;
    const report = buildImpactReport(data, { ...(values.since ? { since: values.since } : {}), now: new Date() });
    const text = format === 'html' ? renderReportHtml(report) : renderReportMarkdown(report);
    if (values.out) {
      await writeFile(values.out, text);
      printResult(io, options.json, report, `Wrote the impact report to ${values.out}.`);
    } else if (options.json) printResult(io, true, report, '');
    else io.stdout(text);
    return 0;
  },
};
