import { resolve } from 'node:path';
import { KEYED_KINDS, type Store } from '@tandem/core';
import { GitError, RemoteUrlError, gitFolderPublishState, publishCommitLinks, type PublishOutcome } from '@tandem/git';
import { KeepingStore, isRetryableFailure, unreachableStore } from '@tandem/graph';
import type { Command } from '../command.js';
import { UsageError } from '../command.js';
import { graphOptionsUsage, parseGraphCommand } from '../commandKit/commandArgs.js';
import { connectSite, type SiteConnection } from '../commandKit/connection.js';
import { printResult } from '../commandKit/output.js';
import { progressBar } from '../commandKit/progressBar.js';
import { plural, siteOutbox } from '../outbox/replayOutbox.js';
import { ensureSiteFolder, rememberKeys, rememberedKeys, siteState } from '../outbox/siteState.js';

/** The keys of the portfolio: the links a commit may make. */
async function portfolioKeys(store: Store): Promise<Set<string>> {
  const keys = new Set<string>();
  for (const kind of KEYED_KINDS) {
    for (const stored of await store.query(kind)) keys.add((stored.value as { key: string }).key);
  }
  return keys;
}

/** `tandem scan-commits`: publishes the repository's commit links, as the VS Code extension's publish does, for CI. */
export const scanCommitsCommand: Command = {
  name: 'scan-commits',
  summary: 'Publish commit links (trailers, branch names, [KEY] subjects) since the last run — for CI.',
  usage: [
    'Usage: tandem scan-commits [--repo PATH] [--since SHA] [--repository-url URL] [options]',
    '',
    '  --repo PATH          the repository (default: the current folder)',
    '  --since SHA          scan the commits after SHA (default: after the last published one, remembered in .git)',
    "  --repository-url URL the repository's web address (default: from its origin remote)",
    graphOptionsUsage,
    '',
    'Each commit naming a key (Initiative: INI-7 trailers, ini-7/… branch names, [INI-7] in the subject, mentions)',
    'becomes a link item on that key. Running it again publishes nothing twice.',
    '',
    'When Graph is unreachable, the links are kept in the outbox and sent by the next tandem command that connects',
    '(tandem outbox lists them). Keys are then checked against those the last reachable run read.',
  ].join('\n'),
  async run(args, io) {
    const { values, graph: options } = parseGraphCommand(args, {
      repo: { type: 'string' },
      since: { type: 'string' },
      'repository-url': { type: 'string' },
    });
    if (values.since !== undefined && !/^[0-9a-f]{4,64}$/i.test(values.since))
      throw new UsageError(`--since must be a commit SHA, not '${values.since}'.`);
    const repositoryUrl = values['repository-url'];
    if (repositoryUrl !== undefined && !/^https?:\/\/[^\s]+$/.test(repositoryUrl))
      throw new UsageError('--repository-url must be an http(s) URL.');
    // Graph unreachable (after the client's own retries): the links are kept, against the keys read last time.
    let connection: SiteConnection | undefined;
    let unreachable: unknown;
    try {
      connection = await connectSite(options, io);
    } catch (error) {
      if (!isRetryableFailure(error)) throw error;
      unreachable = error;
    }
    const state = siteState(options);
    let knownKeys: Set<string>;
    if (connection) {
      knownKeys = await portfolioKeys(connection.store);
      await rememberKeys(state, knownKeys);
    } else {
      const remembered = await rememberedKeys(state);
      if (!remembered)
        throw new Error(
          `Graph is unreachable (${(unreachable as Error).message}) and no earlier run read this site's keys: ` +
            'nothing was published; run it again once Graph is reachable.',
        );
      knownKeys = remembered;
    }
    await ensureSiteFolder(state);
    const reads = connection?.store ?? unreachableStore(unreachable);
    // The outbox asks the link store whether to keep without trying: from the first retryable failure on, it does.
    const outbox = siteOutbox(options, reads, () => linkStore.keepingAll());
    const linkStore = new KeepingStore(connection?.store, outbox, reads);
    const progress = progressBar({ json: options.json });
    const cwd = resolve(values.repo ?? '.');
    let outcome: PublishOutcome;
    try {
      outcome = await publishCommitLinks({
        cwd,
        store: linkStore,
        state: gitFolderPublishState(cwd),
        linkedBy: { email: options.user, displayName: options.user.split('@')[0]! },
        knownKeys,
        // Offline, nothing can be read: links already stored are sent again, which is safe (a create is idempotent by id).
        ...(connection ? {} : { existingIds: new Set<string>() }),
        ...(repositoryUrl ? { repositoryUrl: repositoryUrl.replace(/\/+$/, '') } : {}),
        ...(values.since ? { since: values.since } : {}),
        onProgress: ({ scanned, published }) => progress.update(`Publishing (${scanned} commits read)`, published),
      });
    } catch (error) {
      // Without a usable remote the repository has no web address to link to; CI can name it.
      if (error instanceof RemoteUrlError || (error instanceof GitError && error.code === 'NO_REMOTE'))
        throw new UsageError(`${error.message}; give --repository-url.`);
      throw error;
    } finally {
      progress.done();
    }
    const { sent, kept } = linkStore.counts;
    for (const [key, sha] of outcome.unknownKeys)
      io.stderr(`tandem scan-commits: ${key} (named by ${sha.slice(0, 12)}) is not in the portfolio; not linked.\n`);
    const keptLine =
      kept > 0
        ? `\n${plural(kept, 'link')} kept; they will be sent when Graph is reachable ` +
          '(run `tandem outbox` to see them, or any tandem command that connects to send them).'
        : '';
    printResult(
      io,
      options.json,
      {
        ...outcome,
        published: sent,
        kept,
        unknownKeys: [...outcome.unknownKeys].map(([key, sha]) => ({ key, sha })),
      },
      `${outcome.repositoryUrl}: ${outcome.scanned} commits read, ${plural(sent, 'link')} published` +
        (outcome.alreadyPublished ? `, ${outcome.alreadyPublished} already there.` : '.') +
        keptLine,
    );
    if (kept > 0 && options.json) io.stderr(keptLine.trimStart() + '\n');
    return 0;
  },
};
