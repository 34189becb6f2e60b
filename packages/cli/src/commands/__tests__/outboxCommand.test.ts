import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startGraphLocal, type GraphLocalServer } from '@tandem/graph-local';
import { main } from '../../main.js';

describe('tandem outbox: failed writes are listed, discarded and retried', function () {
  this.timeout(120_000);
  let server: GraphLocalServer;
  let folder: string;
  let repo: string;
  const saved = { CI: process.env.CI, XDG_CONFIG_HOME: process.env.XDG_CONFIG_HOME };
  const tandem = async (...args: string[]) => {
    let stdout = '';
    let stderr = '';
    const code = await main([...args, '--graph', server.url], {
      stdout: (t) => void (stdout += t),
      stderr: (t) => void (stderr += t),
    });
    return { code, stdout, stderr };
  };
  const faults = async (rule?: Record<string, unknown>) => {
    const response = await fetch(`${server.origin}/_local/faults`, {
      method: rule ? 'POST' : 'DELETE',
      ...(rule ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(rule) } : {}),
    });
    assert.ok(response.ok, await response.text());
  };
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: repo,
      encoding: 'utf8',
      env: { ...process.env, GIT_AUTHOR_NAME: 'Ada', GIT_AUTHOR_EMAIL: 'ada@contoso.com' },
    }).trim();

  before(async () => {
    server = await startGraphLocal({ port: 0, memory: true });
    folder = await mkdtemp(join(tmpdir(), 'tandem-outbox-command-'));
    process.env.CI = '1';
    process.env.XDG_CONFIG_HOME = join(folder, 'config');
    repo = join(folder, 'shop');
    execFileSync('git', ['init', '-q', '-b', 'main', repo]);
    git('config', 'user.name', 'Ada');
    git('config', 'user.email', 'ada@contoso.com');
    git('remote', 'add', 'origin', 'git@github.com:contoso/shop.git');
    assert.equal((await tandem('seed', '--json')).code, 0);
  });
  after(async () => {
    await server.close();
    await rm(folder, { recursive: true, force: true });
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  it('keeps links Graph refuses with 503, moves those it refuses for good to failed, and --discard/--retry resolve them', async () => {
    git('commit', '-q', '--allow-empty', '-m', '[INI-1] Basket');
    git('commit', '-q', '--allow-empty', '-m', '[INI-2] Wishlist');
    await faults({ match: '/items', method: 'POST', status: 503, retryAfter: 0 });
    const kept = await tandem('scan-commits', '--repo', repo);
    assert.equal(kept.code, 0, kept.stderr);
    assert.match(kept.stdout, /2 links kept; they will be sent when Graph is reachable/);

    // Graph now refuses the creates for good: the replay before the next command moves them to failed.
    await faults();
    await faults({ match: '/items', method: 'POST', status: 400 });
    const refused = await tandem('export', '--kind', 'objective', '--format', 'json');
    assert.equal(refused.code, 0, refused.stderr);
    assert.match(refused.stderr, /tandem: 2 failed for good \(see tandem outbox\)\./);
    const listed = await tandem('outbox');
    assert.match(listed.stdout, /2 writes failed for good/);
    assert.match(
      listed.stdout,
      /#1 {2}create link to INI-\d [0-9a-f]{12} "\[INI-\d\] \w+" {2}\(kept [^)]+, 1 attempt\)\n {8}last error: \S/,
    );

    const wrong = await tandem('outbox', '--discard', '7');
    assert.equal(wrong.code, 2);
    assert.match(wrong.stderr, /no failed write numbered 7/);
    const discarded = await tandem('outbox', '--discard', '1', '--json');
    assert.equal(discarded.code, 0, discarded.stderr);
    const left = JSON.parse(discarded.stdout) as { failed: { seq: number; write: { value: { id: string } } }[] };
    assert.deepEqual(
      left.failed.map((e) => e.seq),
      [2],
    );

    await faults();
    const retried = await tandem('outbox', '--retry', '--json');
    assert.equal(retried.code, 0, retried.stderr);
    assert.match(retried.stderr, /sent 1 write kept while Graph was unreachable/);
    const after = JSON.parse(retried.stdout) as { pending: unknown[]; failed: unknown[] };
    assert.deepEqual([after.pending.length, after.failed.length], [0, 0]);
    const links = JSON.parse((await tandem('export', '--kind', 'link', '--format', 'json')).stdout) as {
      id: string;
      repository?: string;
    }[];
    const ours = links.filter((l) => l.repository === 'https://github.com/contoso/shop').map((l) => l.id);
    assert.deepEqual(ours, [left.failed[0]!.write.value.id], 'the retried link landed; the discarded one did not');
  });
});
