/** Helpers for the suites that run inside the extension host. */
import * as vscode from 'vscode';
import { execFileSync } from 'node:child_process';
import { GraphStore, createGraphClient, localTokenProvider, provision, resolveSite } from '@tandem/graph';
import type { TandemApi } from '../extension.js';
import type { GitApi, GitExtension, GitRepository } from '../git/gitExtensionApi.js';

/** The test repository's folder (the workspace), given by the driver. */
export function repoPath(): string {
  const repo = process.env.TANDEM_TEST_REPO;
  if (!repo) throw new Error('TANDEM_TEST_REPO is not set: run the suite through tests/vscode-host');
  return repo;
}

/** The local server's origin, given by the driver. */
export function graphOrigin(): string {
  const origin = process.env.TANDEM_TEST_GRAPH;
  if (!origin) throw new Error('TANDEM_TEST_GRAPH is not set: run the suite through tests/vscode-host');
  return origin;
}

/** Runs git in the test repository. */
export function git(...args: string[]): string {
  return execFileSync('git', args, { cwd: repoPath(), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).trim();
}

/** Commits what is staged with `message` (read from standard input, so any size works). */
export function commit(message: string): string {
  execFileSync('git', ['commit', '-q', '-F', '-'], { cwd: repoPath(), input: message, maxBuffer: 64 * 1024 * 1024 });
  return git('rev-parse', 'HEAD');
}

/** Polls `probe` until it returns something truthy (the workbench updates asynchronously); rejects after `ms`. */
export async function eventually<T>(probe: () => T | Promise<T>, what: string, ms = 20_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + ms;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value as NonNullable<T>;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The activated Tandem extension's API, connected and with the portfolio loaded. */
export async function tandem(): Promise<TandemApi> {
  const ext = vscode.extensions.getExtension<TandemApi>('tandem.tandem');
  if (!ext) throw new Error('the Tandem extension is not loaded');
  const api = ext.isActive ? ext.exports : await ext.activate();
  await api.ready();
  if (api.service.portfolio.objectives.length === 0) {
    throw new Error(
      `the portfolio did not load: state ${api.service.state}, ${api.service.error?.stack ?? 'no error'}`,
    );
  }
  return api;
}

/** The git extension's repository for the test repository. */
export async function gitRepository(): Promise<GitRepository> {
  const ext = vscode.extensions.getExtension<GitExtension>('vscode.git')!;
  const api: GitApi = (ext.isActive ? ext.exports : await ext.activate()).getAPI(1);
  return eventually(() => api.getRepository(vscode.Uri.file(repoPath())), 'the git extension to open the repository');
}

/** Reads the links of commit `sha` on the local server directly, as another client would. */
export async function linksOnServer(sha: string) {
  const origin = graphOrigin();
  const client = createGraphClient({
    baseUrl: `${origin}/v1.0`,
    tokenProvider: localTokenProvider(origin, 'adele@contoso.test'),
  });
  const site = await resolveSite(client);
  const lists = await provision(client, site.id);
  const store = new GraphStore(client, { siteId: site.id, listIds: lists.listIds });
  return (await store.query('link')).map((s) => s.value).filter((l) => l.sha === sha);
}

/** Adds a fault rule to the local server (its `/_local/faults`), or with none clears them all. */
export async function graphFault(rule?: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${graphOrigin()}/_local/faults`, {
    method: rule ? 'POST' : 'DELETE',
    ...(rule ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(rule) } : {}),
  });
  if (!response.ok) throw new Error(`/_local/faults: ${response.status} ${await response.text()}`);
}

/**
 * Makes the local server answer every Graph request with 503 Service Unavailable, with `Retry-After: 0` so that the
 * client's own retries give up at once; or, with false, clears every fault.
 */
export async function graphUnavailable(unavailable: boolean): Promise<void> {
  await graphFault();
  if (unavailable) await graphFault({ match: '/v1.0', status: 503, retryAfter: 0 });
}

/** The commit the first session publishes while Graph is unavailable; the session after the restart looks for its links. */
export const OFFLINE_SUBJECT = 'Keep the basket when Graph is down';
