import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startGraphLocal, type GraphLocalServer } from '@tandem/graph-local';
import { main } from '../../main.js';
import { stableUuid } from '@tandem/git';
import { testGit as git } from '@tandem/git/testing';

async function tandem(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { code, stdout, stderr };
}

describe('tandem scan-commits', function () {
  this.timeout(120_000);
  let server: GraphLocalServer;
  let repo: string;
  const repositoryUrl = 'https://github.com/contoso/shop';

  const savedConfig = process.env.XDG_CONFIG_HOME;
  before(async () => {
    process.env.CI = '1';
    // scan-commits remembers the site's keys in the config folder: a temporary one, not the tester's.
    process.env.XDG_CONFIG_HOME = await mkdtemp(join(tmpdir(), 'tandem-config-'));
    server = await startGraphLocal({ port: 0, memory: true });
    const seeded = await tandem('seed', '--graph', server.url, '--json');
    assert.equal(seeded.code, 0, seeded.stderr);
    repo = await mkdtemp(join(tmpdir(), 'tandem-repo-'));
    git(repo, 'init', '-q', '-b', 'main');
    git(repo, 'remote', 'add', 'origin', 'git@github.com:contoso/shop.git');
    git(repo, 'commit', '-q', '--allow-empty', '-m', '[INI-1] One-page checkout');
    git(repo, 'commit', '-q', '--allow-empty', '-m', 'Refactor payment\n\nInitiative: INI-2\nObjective: OBJ-1');
    git(repo, 'commit', '-q', '--allow-empty', '-m', 'Tidy the build');
    git(repo, 'commit', '-q', '--allow-empty', '-m', 'Prepare INI-999999');
    git(repo, 'switch', '-q', '-c', 'ini-3/search-ranking');
    git(repo, 'commit', '-q', '--allow-empty', '-m', 'Tune ranking');
  });
  after(async () => {
    await server.close();
    await rm(repo, { recursive: true, force: true });
    await rm(process.env.XDG_CONFIG_HOME!, { recursive: true, force: true });
    if (savedConfig === undefined) delete process.env.XDG_CONFIG_HOME;
    else process.env.XDG_CONFIG_HOME = savedConfig;
  });

  const scan = async () => {
    const run = await tandem('scan-commits', '--repo', repo, '--graph', server.url, '--json');
    assert.equal(run.code, 0, run.stderr);
    return { ...(JSON.parse(run.stdout) as Record<string, unknown>), stderr: run.stderr };
  };
  const commitLinks = async () => {
    const run = await tandem('export', '--kind', 'link', '--format', 'json', '--graph', server.url);
    assert.equal(run.code, 0, run.stderr);
    return (
      JSON.parse(run.stdout) as { id: string; kind: string; repository?: string; targetKey: string; sha?: string }[]
    ).filter((l) => l.kind === 'commit' && l.repository === repositoryUrl);
  };

  it('publishes a link per commit and key: bracketed subjects, trailers, the branch name; unknown keys reported', async () => {
    const first = await scan();
    assert.equal(first.repositoryUrl, repositoryUrl);
    assert.equal(first.scanned, 5);
    assert.equal(first.published, 4);
    assert.deepEqual(
      (first.unknownKeys as { key: string }[]).map((u) => u.key),
      ['INI-999999'],
    );
    assert.match(first.stderr, /INI-999999 .* is not in the portfolio/);
    const links = await commitLinks();
    assert.deepEqual(links.map((l) => l.targetKey).sort(), ['INI-1', 'INI-2', 'INI-3', 'OBJ-1']);
    const head = git(repo, 'rev-parse', 'HEAD').trim();
    const branchLink = links.find((l) => l.targetKey === 'INI-3')!;
    assert.equal(branchLink.sha, head);
    assert.equal(branchLink.id, stableUuid(`commit:${repositoryUrl}:${head}:INI-3`));
  });

  it('is incremental, and twice publishes nothing twice — also from a fresh clone without the mark', async () => {
    const again = await scan();
    assert.equal(again.scanned, 0);
    assert.equal(again.published, 0);
    git(repo, 'commit', '-q', '--allow-empty', '-m', 'Faster search [INI-3] [INI-4]');
    const next = await scan();
    assert.equal(next.scanned, 1);
    assert.equal(next.published, 2);
    await rm(join(repo, '.git', 'tandem'), { recursive: true, force: true });
    const fresh = await scan();
    assert.equal(fresh.scanned, 6);
    assert.equal(fresh.published, 0);
    assert.equal(fresh.alreadyPublished, 6);
    const links = await commitLinks();
    assert.equal(links.length, 6);
    assert.equal(new Set(links.map((l) => l.id)).size, 6);
  });

  it('asks for --repository-url when the remote has no web address', async () => {
    const remote = git(repo, 'remote', 'get-url', 'origin').trim();
    git(repo, 'remote', 'set-url', 'origin', '/srv/git/shop.git');
    try {
      const run = await tandem('scan-commits', '--repo', repo, '--graph', server.url, '--json');
      assert.equal(run.code, 2);
      assert.match(run.stderr, /--repository-url/);
    } finally {
      git(repo, 'remote', 'set-url', 'origin', remote);
    }
  });
});
