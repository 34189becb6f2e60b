import { access, constants } from 'node:fs/promises';
import { loadPortfolio, notificationsFor } from '@tandem/core';
import { GraphStore, sendTandemNotifications } from '@tandem/graph';
import type { Command } from '../command.js';
import { UsageError } from '../command.js';
import { graphOptionsUsage, parseGraphCommand } from '../commandKit/commandArgs.js';
import { connectSite } from '../commandKit/connection.js';
import { printResult } from '../commandKit/output.js';
import { progressBar } from '../commandKit/progressBar.js';
import { CsvError } from '../csv/csvError.js';
import { openStoreSink } from '../transfer/entitySink.js';
import { importEntities } from '../transfer/importEntities.js';
import { importFormatOf, readEntityFile, type ImportFormat } from '../transfer/entitySource.js';
import { JsonItemsError } from '../transfer/jsonItems.js';
import { formatRowIssue } from '../transfer/rowIssue.js';
import { entityKindOption, kindUsage } from './entityKindOption.js';

/** How many row problems are printed on stderr (all are in `--json`'s output, up to the import's cap). */
const printedIssues = 50;

/** `tandem import <file> --kind <entity>`: imports a CSV or JSON file, all or nothing unless `--partial`. */
export const importCommand: Command = {
  name: 'import',
  summary: 'Import entities from a CSV or JSON file (all or nothing; re-importing updates by key).',
  usage: [
    'Usage: tandem import FILE --kind KIND [--partial] [--format csv|json] [options]',
    '',
    kindUsage,
    '  --partial       import the valid rows and report the rest (default: nothing is imported if any row is wrong)',
    '  --format F      csv or json (default: from the file name: .csv, .json, .jsonl)',
    '  --notify URL    send the Teams activity notifications the import calls for (an SLA record breached, a linked',
    '                  email or meeting, …), each opening URL (the tab)',
    graphOptionsUsage,
    '',
    'CSV: the header row names the fields of the kind; lists and people are JSON in their cell',
    '(["OBJ-1","OBJ-2"], {"email":"ada@contoso.com","displayName":"Ada"}); an empty cell leaves an optional field out;',
    'the id column may be left out. JSON: an array of objects, or one object a line. Rows are matched by key (or id).',
  ].join('\n'),
  async run(args, io) {
    const {
      values,
      positionals,
      graph: options,
    } = parseGraphCommand(
      args,
      {
        kind: { type: 'string' },
        partial: { type: 'boolean' },
        format: { type: 'string' },
        notify: { type: 'string' },
      },
      { min: 1, max: 1, names: 'the file to import' },
    );
    const file = positionals[0]!;
    const kind = entityKindOption(values.kind);
    let format: ImportFormat | undefined;
    if (values.format !== undefined) {
      if (values.format !== 'csv' && values.format !== 'json') throw new UsageError('--format must be csv or json.');
      format = values.format;
    } else format = importFormatOf(file);
    if (!format) throw new UsageError(`cannot tell the format of '${file}': name it .csv or .json, or give --format.`);
    try {
      await access(file, constants.R_OK);
    } catch {
      io.stderr(`tandem import: cannot read '${file}'.\n`);
      return 1;
    }

    if (values.notify !== undefined && !/^https?:\/\//i.test(values.notify))
      throw new UsageError(`--notify must be the tab's http(s) URL, not '${values.notify}'.`);

    const connection = await connectSite(options, io);
    // Who must hear of the import is decided over the whole portfolio before and after it, once.
    const before = values.notify !== undefined ? await loadPortfolio(connection.store) : undefined;
    const sink = await openStoreSink(connection.store, kind, {
      freshStore: () => new GraphStore(connection.client, connection.store.lists),
    });
    const progress = progressBar({ json: options.json });
    let report;
    try {
      report = await importEntities({
        kind,
        openRows: () => readEntityFile(kind, file, format),
        sink,
        partial: values.partial ?? false,
        onProgress: (p) => progress.update(p.phase === 'validating' ? 'Checking rows' : 'Importing', p.rows, p.total),
      });
    } catch (error) {
      progress.done();
      if (error instanceof CsvError || error instanceof JsonItemsError) {
        io.stderr(`tandem import: ${file}: ${error.message}. Nothing was imported.\n`);
        if (options.json)
          printResult(
            io,
            true,
            {
              kind,
              file,
              written: false,
              error: {
                code: error.code,
                row: error.row,
                message: error.message,
                ...('column' in error ? { column: error.column } : {}),
              },
            },
            '',
          );
        return 1;
      }
      // Rows written before the failure stay; importing again updates them by key and adds the rest.
      throw new Error(
        `${(error as Error).message}. Run the import again to finish it: rows already written are matched by key, not duplicated.`,
        { cause: error },
      );
    }
    progress.done();
    if (before && values.notify !== undefined) {
      const url = values.notify;
      const notifications = notificationsFor(before, await loadPortfolio(connection.store), new Date(), {
        email: options.user,
        displayName: options.user,
      });
      const sent = await sendTandemNotifications(connection.client, notifications, () => url);
      if (!options.json) io.stdout(`Sent ${sent.sent.length} activity notifications.\n`);
      for (const f of sent.failed)
        io.stderr(
          `tandem import: the notification to ${f.notification.recipient.email} was refused: ${(f.error as Error).message}\n`,
        );
    }

    for (const issue of report.issues.slice(0, printedIssues)) io.stderr(`${file}: ${formatRowIssue(issue)}\n`);
    const unprinted = report.issues.length - Math.min(report.issues.length, printedIssues) + report.moreIssues;
    if (unprinted > 0) io.stderr(`${file}: … and ${unprinted} more problems.\n`);
    const summary = `${report.created} created, ${report.updated} updated, ${report.unchanged} unchanged`;
    if (!report.written) {
      const why =
        report.rejected > 0 ? `${report.rejected} of ${report.rows} rows have problems` : `the header has problems`;
      const hint = report.rejected > 0 && !values.partial ? ' (fix them, or import the valid rows with --partial)' : '';
      io.stderr(`tandem import: nothing was imported: ${why}${hint}.\n`);
      if (options.json) printResult(io, true, { file, ...report }, '');
      return 1;
    }
    printResult(
      io,
      options.json,
      { file, site: connection.site.id, ...report },
      `Imported ${report.rows - report.rejected} ${kind} rows from ${file}: ${summary}` +
        (report.rejected ? `; ${report.rejected} rows skipped.` : '.'),
    );
    return 0;
  },
};
