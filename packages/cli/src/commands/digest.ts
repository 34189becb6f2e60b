import { isoDateSchema, loadPortfolio, SITE_SETTINGS_ID } from '@tandem/core';
import { postWeeklyDigest } from '@tandem/graph';
import type { Command } from '../command.js';
import { UsageError } from '../command.js';
import { graphOptionsUsage, parseGraphCommand } from '../commandKit/commandArgs.js';
import { connectSite } from '../commandKit/connection.js';
import { printResult } from '../commandKit/output.js';

/** `tandem digest`: posts the weekly digest to a Teams channel. */
export const digestCommand: Command = {
  name: 'digest',
  summary: "Post the week's digest (objectives, initiatives, decisions, KPIs, SLAs) to a Teams channel.",
  usage: [
    'Usage: tandem digest [--team ID --channel ID] [--week-ending YYYY-MM-DD] [options]',
    '',
    "  --team ID           the team (default: the site's digest channel, set in the tab)",
    '  --channel ID        the channel in that team',
    '  --week-ending DATE  the last day of the week reported (default: today, UTC)',
    graphOptionsUsage.replace('print the result as JSON on stdout', "print the digest's figures as JSON"),
  ].join('\n'),
  async run(args, io) {
    const { values, graph: options } = parseGraphCommand(args, {
      team: { type: 'string' },
      channel: { type: 'string' },
      'week-ending': { type: 'string' },
    });
    if ((values.team === undefined) !== (values.channel === undefined))
      throw new UsageError('--team and --channel go together.');
    for (const [name, value] of [
      ['--team', values.team],
      ['--channel', values.channel],
    ] as const) {
      if (value !== undefined && value.trim() === '') throw new UsageError(`${name} must not be empty.`);
    }
    const weekEnding = values['week-ending'] ?? new Date().toISOString().slice(0, 10);
    if (!isoDateSchema.safeParse(weekEnding).success)
      throw new UsageError(`--week-ending must be a date YYYY-MM-DD, not '${weekEnding}'.`);

    const { client, store, site } = await connectSite(options, io);
    let channel = values.team && values.channel ? { teamId: values.team, channelId: values.channel } : undefined;
    if (!channel) {
      const settings = (await store.get('siteSettings', SITE_SETTINGS_ID))?.value;
      if (settings?.digestTeamId && settings.digestChannelId)
        channel = { teamId: settings.digestTeamId, channelId: settings.digestChannelId };
    }
    if (!channel)
      throw new UsageError(
        'no digest channel: pass --team and --channel, or pick the channel in the tab (Settings, weekly digest).',
      );
    const portfolio = await loadPortfolio(store);
    const posted = await postWeeklyDigest(client, channel, portfolio, weekEnding, {
      ...(site.displayName ? { siteName: site.displayName } : {}),
    });
    const d = posted.digest;
    printResult(
      io,
      options.json,
      { messageId: posted.message.id, ...channel, digest: d },
      `Posted the digest of ${d.weekStart} to ${d.weekEnding}: ${d.objectives.length} objectives, ` +
        `${d.initiativesStarted.length} initiatives started, ${d.initiativesDone.length} done, ` +
        `${d.decisionsTaken.length} decisions taken, ${d.decisionsAwaiting.length} awaiting, ` +
        `${d.slaBreaches.length} SLA breaches.`,
    );
    return 0;
  },
};
