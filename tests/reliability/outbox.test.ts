import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GraphStore } from '@tandem/graph';
import { isFullRun, recordFigures } from './harness/figures.js';
import { startSuiteServer, type SuiteServer } from './harness/localServer.js';
import { runNode, runTandem } from './harness/tandemProcess.js';
import { etagVersion } from './harness/writers.js';
import { testGit as git } from '@tandem/git/testing';

const outboxClient = fileURLToPath(new URL('./harness/outboxClient.ts', import.meta.url));
const items = 10;

describe('reliability: writes made while the server is down survive a client restart', function () {
  this.timeout(300_000);
  let dir: string;
  let server: SuiteServer | undefined;
  const figures: Record<string, string | number | boolean> = {};
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'tandem-outbox-'));
  });
  after(async () => {
    await server?.close();
    server = undefined;
    rmSync(dir, { recursive: true, force: true });
    recordFigures(isFullRun() ? 'outbox' : 'outbox-short', figures);
  });

  it('the tandem CLI: scan-commits with the server stopped keeps the links; the next tandem process sends each once', async () => {
    const commits = isFullRun() ? 60 : 12;
    const dataDir = join(dir, 'cli-graph');
    const env = { XDG_CONFIG_HOME: join(dir, 'cli-config') };
    server = await startSuiteServer({ dataDir });
    const url = server.url;
    const port = Number(new URL(url).port);
    const tandem = (...args: string[]) => runTandem([...args, '--graph', url], env);
    assert.equal((await tandem('seed', '--json')).code, 0);
    const repo = join(dir, 'shop');
    execFileSync('git', ['init', '-q', '-b', 'main', repo]);
    git(repo, 'remote', 'add', 'origin', 'git@github.com:contoso/shop.git');
    git(repo, 'commit', '-q', '--allow-empty', '-m', '[INI-1] Start');
    const up = await tandem('scan-commits', '--repo', repo, '--json');
    assert.equal(up.code, 0, up.stderr);

    await server.close();
    server = undefined;
    for (let n = 1; n <= commits; n++)
      git(repo, 'commit', '-q', '--allow-empty', '-m', `Step ${n}\n\nInitiative: INI-${(n % 3) + 1}`);
    const down = await tandem('scan-commits', '--repo', repo, '--json');
    assert.equal(down.code, 0, down.stderr);
    const kept = JSON.parse(down.stdout) as { published: number; kept: number };
    assert.deepEqual([kept.published, kept.kept], [0, commits]);
    assert.match(down.stderr, new RegExp(`${commits} links kept; they will be sent when Graph is reachable`));
    const sites = join(env.XDG_CONFIG_HOME, 'tandem', 'sites');
    const outboxText = readFileSync(join(sites, readdirSync(sites)[0]!, 'outbox.json'), 'utf8');
    const tokenInOutbox = /eyJ[A-Za-z0-9_-]{10,}|access_token|refresh_token|bearer/i.test(outboxText);
    assert.equal(tokenInOutbox, false, 'the outbox holds writes, never a token');

    // A second tandem process, once the server is back on the same folder and port: export connects, sends first.
    server = await startSuiteServer({ dataDir, port });
    const exported = await tandem('export', '--kind', 'link', '--format', 'json');
    assert.equal(exported.code, 0, exported.stderr);
    assert.match(exported.stderr, new RegExp(`sent ${commits} writes kept while Graph was unreachable`));
    const links = (JSON.parse(exported.stdout) as { kind: string; repository?: string; sha?: string }[]).filter(
      (l) => l.kind === 'commit' && l.repository === 'https://github.com/contoso/shop',
    );
    assert.equal(links.length, commits + 1, 'every link, the one published before the stop included');
    const duplicates = links.length - new Set(links.map((l) => `${l.sha}`)).size;
    assert.equal(duplicates, 0, 'each link exactly once');
    const listed = await tandem('outbox', '--json');
    const left = JSON.parse(listed.stdout) as { pending: unknown[]; failed: unknown[] };
    assert.deepEqual([left.pending.length, left.failed.length], [0, 0]);
    Object.assign(figures, {
      'CLI: host driven': 'tandem scan-commits, tandem export, tandem outbox (own processes)',
      'CLI: links kept while down': kept.kept,
      'CLI: links on server after restart': links.length,
      'CLI: duplicates': duplicates,
      'CLI: token in the outbox file': tokenInOutbox,
    });
    await server.close();
    server = undefined;
  });

  it('the write path alone: creates and chained updates queued in one process, replayed by a new one', async () => {
    const dataDir = join(dir, 'graph');
    const outboxDir = join(dir, 'client');
    server = await startSuiteServer({ dataDir });
    const port = Number(new URL(server.url).port);
    const lists = await server.site();
    const url = server.url;
    await server.close();
    server = undefined;

    // The first client process: every write is kept, none made.
    const queued = await runNode(outboxClient, ['queue', outboxDir, url, JSON.stringify(lists), String(items)]);
    assert.equal(queued.code, 0, queued.stderr);
    const first = JSON.parse(queued.stdout) as { results: string[]; pending: number };
    assert.deepEqual(new Set(first.results), new Set(['queued']));
    assert.equal(first.pending, items * 2);
    const file = JSON.parse(readFileSync(join(outboxDir, 'outbox.json'), 'utf8')) as { pending: unknown[] };
    assert.equal(file.pending.length, items * 2, 'the queue is on disk');

    // A second process with the same outbox file, once the server is back on the same folder.
    server = await startSuiteServer({ dataDir, port });
    const replayed = await runNode(outboxClient, ['replay', outboxDir, url, JSON.stringify(lists), String(items)]);
    assert.equal(replayed.code, 0, replayed.stderr);
    const second = JSON.parse(replayed.stdout) as { sent: number; pending: number; failed: number };
    assert.deepEqual(second, { sent: items * 2, pending: 0, failed: 0 });

    // A third run has nothing left to send.
    const again = await runNode(outboxClient, ['replay', outboxDir, url, JSON.stringify(lists), String(items)]);
    assert.equal((JSON.parse(again.stdout) as { sent: number }).sent, 0);

    const stored = await new GraphStore(server.client(), lists).query('initiative');
    assert.equal(stored.length, items, 'each queued create exactly once');
    for (const s of stored) {
      const n = Number(s.value.key.replace('INI-', '')) - 100;
      assert.equal(s.value.title, `Planned offline ${n}`);
      assert.equal(etagVersion(s.etag), 2, `${s.value.key}: created, then updated once`);
    }
    Object.assign(figures, {
      'write path: writes queued while down': first.pending,
      'write path: replayed after restart': second.sent,
      'write path: failed': second.failed,
      'write path: items on server': stored.length,
    });
  });
});
