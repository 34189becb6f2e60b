import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startGraphLocal, type GraphLocalServer } from '@tandem/graph-local';
import { main } from '../../main.js';

/** What one in-process run of `tandem` gave. */
export interface CommandRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** A suite's in-memory local Graph server, its temporary folder, and `tandem` run in this process against it. */
export interface LocalServerFixture {
  readonly server: GraphLocalServer;
  /** A temporary folder for the suite's files; the config folder (`XDG_CONFIG_HOME`) is `config` inside it. */
  readonly folder: string;
  /** Runs `tandem ARGS --graph <the server>` in this process and collects what it printed. */
  tandem(...args: string[]): Promise<CommandRun>;
  /** Calls the server's `/_local/{path}`, failing the test on an error answer; resolves with the JSON answer. */
  local<T>(method: string, path: string, body?: unknown): Promise<T>;
}

/**
 * Registers `before`/`after` hooks in the current suite: a fresh in-memory local server and a temporary folder, with
 * `CI` set and the config folder inside it (so no command touches the tester's own), both restored afterwards.
 */
export function useLocalServer(prefix: string): LocalServerFixture {
  let server: GraphLocalServer | undefined;
  let folder: string | undefined;
  const saved = { CI: process.env.CI, XDG_CONFIG_HOME: process.env.XDG_CONFIG_HOME };
  const fixture: LocalServerFixture = {
    get server() {
      if (!server) throw new Error('the local server starts in before()');
      return server;
    },
    get folder() {
      if (!folder) throw new Error('the folder is made in before()');
      return folder;
    },
    async tandem(...args) {
      let stdout = '';
      let stderr = '';
      const code = await main([...args, '--graph', fixture.server.url], {
        stdout: (t) => void (stdout += t),
        stderr: (t) => void (stderr += t),
      });
      return { code, stdout, stderr };
    },
    async local<T>(method: string, path: string, body?: unknown): Promise<T> {
      const response = await fetch(`${fixture.server.origin}/_local/${path}`, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? null : JSON.stringify(body),
      });
      const text = await response.text();
      assert.ok(response.ok, `${method} /_local/${path}: ${response.status} ${text}`);
      return (text ? JSON.parse(text) : undefined) as T;
    },
  };
  before(async () => {
    server = await startGraphLocal({ port: 0, memory: true });
    folder = await mkdtemp(join(tmpdir(), `tandem-${prefix}-`));
    process.env.CI = '1';
    process.env.XDG_CONFIG_HOME = join(folder, 'config');
  });
  after(async () => {
    await server?.close();
    if (folder) await rm(folder, { recursive: true, force: true });
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });
  return fixture;
}
