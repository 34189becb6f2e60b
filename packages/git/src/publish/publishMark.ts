import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { runGit } from '../run/runGit.js';

/** Remembers, per repository, the last commit whose links were published. */
export interface PublishState {
  lastPublished(repositoryUrl: string): string | undefined | Promise<string | undefined>;
  setLastPublished(repositoryUrl: string, sha: string): Promise<void>;
}

/** Where the mark of `repositoryUrl` lives: inside `.git` (worktrees included), never in the work tree. */
async function markFile(cwd: string, repositoryUrl: string): Promise<string> {
  const name = createHash('sha1').update(repositoryUrl).digest('hex').slice(0, 16);
  const path = (await runGit(cwd, ['rev-parse', '--git-path', `tandem/last-published-${name}`])).trim();
  return resolve(cwd, path);
}

/**
 * A `PublishState` kept in the repository's git folder (`.git/tandem/last-published-…`), for clients without a store of
 * their own such as CI: a fresh clone has no mark and reads the whole history, which the stable link ids make harmless.
 */
export function gitFolderPublishState(cwd: string): PublishState {
  return {
    async lastPublished(repositoryUrl) {
      try {
        return (await readFile(await markFile(cwd, repositoryUrl), 'utf8')).trim() || undefined;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },
    async setLastPublished(repositoryUrl, sha) {
      const path = await markFile(cwd, repositoryUrl);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, sha + '\n');
    },
  };
}
