/**
 * The Microsoft 365 app's build, as `tandem start` needs it: rebuilt with webpack when missing or older than any of
 * its sources, else reused.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The monorepo's root: the nearest folder up from this file whose package.json declares workspaces. */
export function repoRoot(from = dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && /"workspaces"\s*:/.test(readFileSync(pkg, 'utf8'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error('tandem start: cannot find the repository root (a package.json with workspaces).');
    dir = up;
  }
}

/** The folders and files the app's bundles are made from. */
export function appSources(root: string): string[] {
  return [
    join(root, 'teams-app', 'src'),
    // The webpack configuration, its page list and its loaders.
    ...readdirSync(join(root, 'teams-app'))
      .filter((file) => file.startsWith('webpack.'))
      .map((file) => join(root, 'teams-app', file)),
    join(root, 'packages', 'ui', 'src'),
    join(root, 'packages', 'core', 'src'),
    join(root, 'packages', 'graph', 'src'),
  ];
}

function newestChange(path: string): number {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === '__tests__') continue;
    newest = Math.max(newest, newestChange(join(path, entry)));
  }
  return newest;
}

/** Why the build must be made again, or undefined when it is up to date. */
export function buildStaleness(root: string): string | undefined {
  const marker = join(root, 'teams-app', 'build', 'routes.json');
  if (!existsSync(marker)) return 'no build yet';
  const built = statSync(marker).mtimeMs;
  const changed = appSources(root).find((source) => newestChange(source) > built);
  return changed ? `${changed.slice(root.length + 1)} changed since the last build` : undefined;
}

/**
 * Runs a command in `cwd`, its output passed through; rejects on a non-zero exit. The command runs in its own process
 * group, and aborting `signal` stops the whole group (npm scripts start webpack and vsce under a shell).
 */
export function run(command: string, args: string[], cwd: string, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: 'inherit', detached: true });
    const stop = () => {
      if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
    };
    signal?.addEventListener('abort', stop, { once: true });
    child.on('error', reject);
    child.on('exit', (code, sig) => {
      signal?.removeEventListener('abort', stop);
      if (code === 0) resolve();
      else reject(new Error(`${[command, ...args].join(' ')} exited with ${code ?? sig}`));
    });
  });
}

/**
 * Builds the app (production) with the repository's webpack, loading office.js from the app's own origin (the local
 * server serves the npm package's copy at /office-js/): a local run and the tests work offline.
 */
export async function buildApp(root: string, signal?: AbortSignal): Promise<void> {
  const webpack = join(root, 'node_modules', '.bin', 'webpack');
  const args = ['--config', 'webpack.config.js', '--mode', 'production', '--env', 'officeJs=local'];
  await run(webpack, args, join(root, 'teams-app'), signal);
}
