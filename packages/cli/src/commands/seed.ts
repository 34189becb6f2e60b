import { demoPortfolio, ENTITY_KINDS, type EntityKind } from '@tandem/core';
import type { Command } from '../command.js';
import { graphOptionsUsage, parseGraphCommand } from '../commandKit/commandArgs.js';
import { connectSite } from '../commandKit/connection.js';
import { printResult } from '../commandKit/output.js';
import { progressBar } from '../commandKit/progressBar.js';
import { openStoreSink, type SinkCounts } from '../transfer/entitySink.js';

/** `tandem seed`: writes the demo portfolio into the site; running it again creates nothing twice. */
export const seedCommand: Command = {
  name: 'seed',
  summary: 'Fill the site with the demo portfolio (idempotent).',
  usage: [
    'Usage: tandem seed [options]',
    '',
    "Writes Contoso Retail's demo portfolio (objectives, key results, initiatives, KPIs, services, decisions, links, …),",
    'dated around today. Items are matched by key or id, so seeding again updates them instead of adding copies.',
    '',
    graphOptionsUsage,
  ].join('\n'),
  async run(args, io) {
    const { graph: options } = parseGraphCommand(args, {});
    const { store, site } = await connectSite(options, io);
    const portfolio = demoPortfolio(new Date());
    const total = ENTITY_KINDS.reduce((n, kind) => n + portfolio[kind].length, 0);
    const progress = progressBar({ json: options.json });
    const byKind: Partial<Record<EntityKind, SinkCounts>> = {};
    let done = 0;
    for (const kind of ENTITY_KINDS) {
      const sink = await openStoreSink(store, kind);
      const counts: SinkCounts = { created: 0, updated: 0, unchanged: 0 };
      const items = portfolio[kind];
      for (let start = 0; start < items.length; start += 20) {
        const batch = items.slice(start, start + 20);
        const c = await sink.write(batch as never[]);
        counts.created += c.created;
        counts.updated += c.updated;
        counts.unchanged += c.unchanged;
        done += batch.length;
        progress.update('Seeding', done, total);
      }
      byKind[kind] = counts;
    }
    progress.done();
    const sum = (field: keyof SinkCounts) => Object.values(byKind).reduce((n, c) => n + c[field], 0);
    printResult(
      io,
      options.json,
      { site: site.id, created: sum('created'), updated: sum('updated'), unchanged: sum('unchanged'), byKind },
      `Seeded the demo portfolio into ${site.webUrl || site.id}: ${sum('created')} created, ${sum('updated')} updated, ${sum('unchanged')} unchanged.`,
    );
    return 0;
  },
};
