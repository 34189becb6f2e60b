import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startGraphLocal, type GraphLocalServer } from '@tandem/graph-local';
import { runTandem } from './runTandem.js';
import { testGit as git } from '@tandem/git/testing';

interface LinkRow {
  id: string;
  kind: string;
  repository?: string;
  targetKey: string;
  sha?: string;
}

describe('tandem scan-commits while Graph is down (the real binary, a stopped local server)', function () {
  this.timeout(180_000);
  const repositoryUrl = 'https://github.com/contoso/shop';
  let folder: string;
  let dataDir: string;
  let repo: string;
  let server: GraphLocalServer | undefined;
  let url: string;
  let port: number;
  const env = () => ({ XDG_CONFIG_HOME: join(folder, 'config') });
  const tandem = (...args: string[]) => runTandem([...args, '--graph', url], env());

  before(async () => {
    folder = await mkdtemp(join(tmpdir(), 'tandem-offline-'));
    dataDir = join(folder, 'graph');
    server = await startGraphLocal({ port: 0, dataDir });
    url = server.url;
    port = Number(new URL(url).port);
    const seeded = await tandem('seed', '--json');
    assert.equal(seeded.code, 0, seeded.stderr);
    repo = join(folder, 'shop');
    execFileSync('git', ['init', '-q', '-b', 'main', repo]);
    git(repo, 'remote', 'add', 'origin', 'git@github.com:contoso/shop.git');
    git(repo, 'commit', '-q', '--allow-empty', '-m', '[INI-1] One-page checkout');
  });
  after(async () => {
    await server?.close();
    await rm(folder, { recursive: true, force: true });
  });

  const exportedLinks = async () => {
    const run = await tandem('export', '--kind', 'link', '--format', 'json');
    assert.equal(run.code, 0, run.stderr);
    const links = (JSON.parse(run.stdout) as LinkRow[]).filter(
      (l) => l.kind === 'commit' && l.repository === repositoryUrl,
    );
    return { links, stderr: run.stderr };
  };

  it('keeps the links in the outbox, moves the mark, and the next tandem process sends each exactly once', async () => {
    // A first run with Graph up reads the keys (and publishes the first commit).
    const first = await tandem('scan-commits', '--repo', repo);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /1 commits read, 1 link published\./);

    await server!.close();
    server = undefined;
    git(repo, 'commit', '-q', '--allow-empty', '-m', 'Refactor payment\n\nInitiative: INI-2\nObjective: OBJ-1');
    git(repo, 'commit', '-q', '--allow-empty', '-m', '[INI-3] Search ranking');
    git(repo, 'commit', '-q', '--allow-empty', '-m', 'Prepare INI-999999');

    const down = await tandem('scan-commits', '--repo', repo);
    assert.equal(down.code, 0, down.stderr);
    assert.match(down.stdout, /3 commits read, 0 links published\./);
    assert.match(
      down.stdout,
      /3 links kept; they will be sent when Graph is reachable \(run `tandem outbox` to see them/,
    );
    assert.match(down.stderr, /INI-999999 .* is not in the portfolio/, 'keys are checked against the remembered ones');
    // The outbox file: in the CLI's state folder, only its owner may read it, and it holds links, never a token.
    const sites = join(folder, 'config', 'tandem', 'sites');
    const [site] = await readdir(sites);
    const siteFolder = join(sites, site!);
    assert.equal((await stat(siteFolder)).mode & 0o777, 0o700);
    const text = await readFile(join(siteFolder, 'outbox.json'), 'utf8');
    const saved = JSON.parse(text) as { pending: { write: { op: string; kind: string; value: LinkRow } }[] };
    assert.deepEqual(saved.pending.map((e) => e.write.value.targetKey).sort(), ['INI-2', 'INI-3', 'OBJ-1']);
    assert.ok(saved.pending.every((e) => e.write.op === 'create' && e.write.kind === 'link'));
    assert.doesNotMatch(text, /eyJ[A-Za-z0-9_-]{10,}|access_token|bearer|refresh_token/i, 'no token in the outbox');

    const listed = await tandem('outbox');
    assert.equal(listed.code, 0, listed.stderr);
    assert.match(listed.stdout, /3 writes waiting for http:\/\/127\.0\.0\.1:\d+\/v1\.0 \(site root\)/);
    assert.match(listed.stdout, /#\d {2}create link to INI-2 [0-9a-f]{12} "Refactor payment"/);

    // The publish mark moved (the links are kept, not lost): a second scan while still down reads nothing again.
    const again = await tandem('scan-commits', '--repo', repo, '--json');
    assert.equal(again.code, 0, again.stderr);
    assert.deepEqual(JSON.parse(again.stdout), { ...(JSON.parse(again.stdout) as object), scanned: 0, kept: 0 });

    // The server comes back on the same folder and port; the next command that connects sends the kept links first.
    server = await startGraphLocal({ port, dataDir });
    const { links, stderr } = await exportedLinks();
    assert.match(stderr, /tandem: sent 3 writes kept while Graph was unreachable\./);
    assert.deepEqual(links.map((l) => l.targetKey).sort(), ['INI-1', 'INI-2', 'INI-3', 'OBJ-1']);
    assert.equal(new Set(links.map((l) => l.id)).size, links.length, 'each link exactly once');

    const empty = JSON.parse((await tandem('outbox', '--json')).stdout) as { pending: unknown[]; failed: unknown[] };
    assert.deepEqual([empty.pending.length, empty.failed.length], [0, 0]);
    const quiet = await exportedLinks();
    assert.equal(quiet.stderr, '', 'nothing left to send: not a word');
    assert.equal(quiet.links.length, 4);
    const rescan = await tandem('scan-commits', '--repo', repo, '--json');
    assert.equal((JSON.parse(rescan.stdout) as { scanned: number }).scanned, 0);
  });
});
