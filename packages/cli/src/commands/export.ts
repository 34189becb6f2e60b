import { extname } from 'node:path';
import type { Command } from '../command.js';
import { UsageError } from '../command.js';
import { graphOptionsUsage, parseGraphCommand } from '../commandKit/commandArgs.js';
import { connectSite } from '../commandKit/connection.js';
import { printResult, writeChunks } from '../commandKit/output.js';
import { exportEntities, type ExportFormat } from '../transfer/exportEntities.js';
import { entityKindOption, kindUsage } from './entityKindOption.js';

/** `tandem export --kind <entity>`: writes every entity of a kind as CSV or JSON, which `tandem import` reads back. */
export const exportCommand: Command = {
  name: 'export',
  summary: 'Export the entities of one kind as CSV or JSON (import reads it back to the same data).',
  usage: [
    'Usage: tandem export --kind KIND [--format csv|json] [--out FILE] [options]',
    '',
    kindUsage,
    "  --format F      csv or json (default: from --out's extension, else csv)",
    '  --out FILE      write to FILE (default: stdout)',
    graphOptionsUsage.replace('print the result as JSON on stdout', 'print a JSON summary (needs --out)'),
  ].join('\n'),
  async run(args, io) {
    const { values, graph: options } = parseGraphCommand(args, {
      kind: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
    });
    const kind = entityKindOption(values.kind);
    const byExtension = values.out ? extname(values.out).slice(1).toLowerCase() : '';
    const format = (values.format ?? (byExtension === 'json' ? 'json' : 'csv')) as ExportFormat;
    if (format !== 'csv' && format !== 'json') throw new UsageError('--format must be csv or json.');
    if (options.json && !values.out) throw new UsageError('--json needs --out: the export itself would be on stdout.');

    const { store, site } = await connectSite(options, io);
    const items = (await store.query(kind)).map((s) => s.value as { id: string; key?: string });
    // A stable order, so two exports of the same data are the same file.
    items.sort((a, b) => compare(a.key ?? a.id, b.key ?? b.id));
    const characters = await writeChunks(exportEntities(kind, items as never[], format), values.out, io);
    if (values.out) {
      printResult(
        io,
        options.json,
        { kind, format, out: values.out, site: site.id, count: items.length, characters },
        `Exported ${items.length} ${kind} items to ${values.out}.`,
      );
    }
    return 0;
  },
};

function compare(a: string, b: string): number {
  const na = /^([A-Z]+)-(\d+)$/.exec(a);
  const nb = /^([A-Z]+)-(\d+)$/.exec(b);
  if (na && nb && na[1] === nb[1]) return Number(na[2]) - Number(nb[2]);
  return a < b ? -1 : a > b ? 1 : 0;
}
