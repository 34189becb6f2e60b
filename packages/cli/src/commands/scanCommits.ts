import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { GitError, RemoteUrlError, gitFolderPublishState, publishCommitLinks, type PublishOutcome } from '@tandem/git';
import type { Command } from '../command.js';
import { UsageError } from '../command.js';
import {
  checkPositionals,
  graphArgs,
  graphOptions,
  graphOptionsUsage,
  parseOrUsage,
} from '../commandKit/commandArgs.js';
import { connectSite } from '../commandKit/connection.js';
import { printResult } from '../commandKit/output.js';
import { progressBar } from '../commandKit/progressBar.js';

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
  ].join('\n'),
  async run(args, io) {
    const { values, positionals } = parseOrUsage(() =>
      parseArgs({
        args,
        options: {
          ...graphOptions,
          repo: { type: 'string' },
          since: { type: 'string' },
          'repository-url': { type: 'string' },
        },
        strict: true,
        allowPositionals: true,
      }),
    );
    checkPositionals(positionals, 0, 0);
    const options = graphArgs(values);
    if (values.since !== undefined && !/^[0-9a-f]{4,64}$/i.test(values.since))
      throw new UsageError(`--since must be a commit SHA, not '${values.since}'.`);
    const repositoryUrl = values['repository-url'];
    if (repositoryUrl !== undefined && !/^https?:\/\/[^\s]+$/.test(repositoryUrl))
      throw new UsageError('--repository-url must be an http(s) URL.');
    const { store } = await connectSite(options);
    const progress = progressBar({ json: options.json });
    const cwd = resolve(values.repo ?? '.');
    let outcome: PublishOutcome;
    try {
      outcome = await publishCommitLinks({
        cwd,
        store,
        state: gitFolderPublishState(cwd),
        linkedBy: { email: options.user, displayName: options.user.split('@')[0]! },
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
    for (const [key, sha] of outcome.unknownKeys)
      io.stderr(`tandem scan-commits: ${key} (named by ${sha.slice(0, 12)}) is not in the portfolio; not linked.\n`);
    printResult(
      io,
      options.json,
      { ...outcome, unknownKeys: [...outcome.unknownKeys].map(([key, sha]) => ({ key, sha })) },
      `${outcome.repositoryUrl}: ${outcome.scanned} commits read, ${outcome.published} links published` +
        (outcome.alreadyPublished ? `, ${outcome.alreadyPublished} already there.` : '.'),
    );
    return 0;
  },
};
