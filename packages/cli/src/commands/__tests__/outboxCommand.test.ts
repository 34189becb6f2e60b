import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { useLocalServer } from './localServerFixture.js';

describe('tandem outbox: failed writes are listed, discarded and retried', function () {
  this.timeout(120_000);
  const fixture = useLocalServer('outbox-command');
  const { tandem, local } = fixture;
  let repo: string;
  const faults = async (rule?: Record<string, unknown>) => {
    await (rule ? local('POST', 'faults', rule) : local('DELETE', 'faults'));
  };
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: repo,
      encoding: 'utf8',
      env: { ...process.env, GIT_AUTHOR_NAME: 'Ada', GIT_AUTHOR_EMAIL: 'ada@contoso.com' },
    }).trim();

  before(async () => {
    repo = join(fixture.folder, 'shop');
    execFileSync('git', ['init', '-q', '-b', 'main', repo]);
    git('config', 'user.name', 'Ada');
    git('config', 'user.email', 'ada@contoso.com');
    git('remote', 'add', 'origin', 'git@github.com:contoso/shop.git');
    assert.equal((await tandem('seed', '--json')).code, 0);
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
