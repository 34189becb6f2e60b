/**
 * Real git repositories for the extension's suites: created in a temporary folder with a fixed identity,
 * so that tests commit, branch and read history exactly as a developer would.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Runs git in `cwd` and returns its trimmed output. */
export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Dana Developer',
      GIT_AUTHOR_EMAIL: 'dana@contoso.example',
      GIT_COMMITTER_NAME: 'Dana Developer',
      GIT_COMMITTER_EMAIL: 'dana@contoso.example',
    },
  }).trim();
}

/** Creates a repository with `files` committed as its first commit on `main`; returns its path. */
export function createRepository(files: Record<string, string>, options: { remote?: string } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-repo-'));
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'config', 'user.name', 'Dana Developer');
  git(dir, 'config', 'user.email', 'dana@contoso.example');
  git(dir, 'config', 'commit.gpgsign', 'false');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  git(dir, 'add', '.');
  git(dir, 'commit', '-q', '-m', 'Initial commit');
  if (options.remote) git(dir, 'remote', 'add', 'origin', options.remote);
  return dir;
}
