/**
 * Starts code-server (a real VS Code server with a real Node extension host) for one suite run, in its own process group,
 * on a free port, with its state in a temporary folder; `stop()` ends the whole group.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureCodeServerInstalled } from './install.js';
import { keepHostLeftovers } from './leftovers.js';

/** A running code-server. */
export interface CodeServer {
  /** `http://127.0.0.1:PORT` */
  url: string;
  port: number;
  /** The extensions folder (install a packaged extension here, or with `installExtension`). */
  extensionsDir: string;
  /** The user-data folder (its `User/settings.json` holds the user settings). */
  userDataDir: string;
  /** Everything code-server printed, for failure messages. */
  log: () => string;
  stop: () => Promise<void>;
}

/** Options for a code-server run. */
export interface CodeServerOptions {
  /** User settings written before start. */
  settings?: Record<string, unknown>;
  /** Extra environment for the server and so for the extension host. */
  env?: Record<string, string>;
  /** `.vsix` files or extension ids to install before start (through `--install-extension`). */
  install?: string[];
  /** Unpacked extension folders to copy into the extensions folder, by target folder name (`publisher.name-version`). */
  unpacked?: Record<string, string>;
}

/** A free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitHealthy(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}:\n${log()}`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return;
    } catch (error) {
      if (!(error instanceof TypeError)) throw error; // connection refused while it starts: try again
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`code-server did not answer /healthz within 60 s:\n${log()}`);
}

function runToEnd(node: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(node, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`code-server ${args[0]} failed:\n${out}`)),
    );
  });
}

/** Installs code-server when needed, then starts it; ready when `/healthz` answers. */
export async function startCodeServer(options: CodeServerOptions = {}): Promise<CodeServer> {
  const install = ensureCodeServerInstalled();
  const home = mkdtempSync(join(tmpdir(), 'tandem-vscode-host-'));
  const userDataDir = join(home, 'user-data');
  const extensionsDir = join(home, 'extensions');
  const config = join(home, 'config.yaml');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  writeFileSync(config, '');
  writeFileSync(
    join(userDataDir, 'User', 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'security.workspace.trust.enabled': false,
        'git.openRepositoryInParentFolders': 'always',
        'extensions.autoUpdate': false,
        'extensions.autoCheckUpdates': false,
        'telemetry.telemetryLevel': 'off',
        'chat.disableAIFeatures': true,
        'files.hotExit': 'off',
        'workbench.secondarySideBar.defaultVisibility': 'hidden',
        ...options.settings,
      },
      null,
      2,
    ),
  );
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    XDG_CONFIG_HOME: join(home, 'xdg-config'),
    XDG_DATA_HOME: join(home, 'xdg-data'),
    ...options.env,
  };
  delete env.NODE_OPTIONS; // the test runner's tsx loader must not leak into VS Code's processes
  const common = [install.entry, '--config', config, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];
  for (const [name, source] of Object.entries(options.unpacked ?? {})) {
    cpSync(source, join(extensionsDir, name), { recursive: true });
  }
  for (const ext of options.install ?? []) {
    await runToEnd(install.node, [...common, '--install-extension', ext], env);
  }
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(
    install.node,
    [
      ...common,
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--auth',
      'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--vscode-option',
      'enable-smoke-test-driver',
    ],
    { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const log = () => output.slice(-20_000);
  let stopped = false;
  const stop = async () => {
    if (child.exitCode === null && child.pid) {
      const exited = new Promise<void>((r) => child.once('exit', () => r()));
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
      }
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
      }
    }
    // What VS Code and the extension wrote, kept for the token-leak scan before the folder goes (once, after it exited).
    if (!stopped) keepHostLeftovers(home, `code-server-${port}`, output);
    stopped = true;
    rmSync(home, { recursive: true, force: true });
  };
  try {
    await waitHealthy(url, child, log);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, port, extensionsDir, userDataDir, log, stop };
}
