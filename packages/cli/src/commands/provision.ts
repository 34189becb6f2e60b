import { provision, resolveSite } from '@tandem/graph';
import type { Command } from '../command.js';
import { graphOptionsUsage, parseGraphCommand } from '../commandKit/commandArgs.js';
import { graphClientFor } from '../commandKit/connection.js';
import { printResult } from '../commandKit/output.js';

/** `tandem provision`: creates or upgrades Tandem's lists in a site; idempotent. */
export const provisionCommand: Command = {
  name: 'provision',
  summary: "Create or upgrade Tandem's SharePoint lists in a site (idempotent).",
  usage: ['Usage: tandem provision [--site URL|ID] [options]', '', graphOptionsUsage].join('\n'),
  async run(args, io) {
    const { graph: options } = parseGraphCommand(args, {});
    const client = graphClientFor(options);
    const site = await resolveSite(client, options.site);
    const result = await provision(client, site.id);
    const changes = result.createdLists.length + result.addedColumns.length + result.indexedColumns.length;
    const text =
      changes === 0
        ? `Site ${site.webUrl || site.id} is up to date (schema ${result.version}).`
        : `Provisioned ${site.webUrl || site.id}: ${result.createdLists.length} lists created, ` +
          `${result.addedColumns.length} columns added, ${result.indexedColumns.length} columns indexed ` +
          `(schema ${result.previousVersion ?? 'none'} → ${result.version}).`;
    printResult(io, options.json, { site, ...result }, text);
    return 0;
  },
};
