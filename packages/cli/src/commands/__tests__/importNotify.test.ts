import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { demoPortfolio } from '@tandem/core';
import { useLocalServer } from './localServerFixture.js';

describe('tandem import --notify against the local Graph server', function () {
  this.timeout(120_000);
  const fixture = useLocalServer('notify');
  const { tandem } = fixture;

  it('tells the owner of each service whose imported SLA record missed its target, once', async () => {
    assert.equal((await tandem('seed', '--json')).code, 0);
    const service = demoPortfolio(new Date()).service.find((s) => s.key === 'SVC-2')!;
    // The owner is a user of the tenant.
    const seeded = await fetch(`${fixture.server.origin}/_local/teams`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ displayName: 'Ops', members: [service.owner.email], channels: [] }),
    });
    assert.ok(seeded.ok);
    const csv = join(fixture.folder, 'sla.csv');
    await writeFile(
      csv,
      [
        'serviceKey,periodStart,periodEnd,downtimeMinutes,responseTimeMs,incidents',
        'SVC-2,2020-01-01,2020-01-31,900,100,3',
        'SVC-2,2020-02-01,2020-02-29,0,100,0',
      ].join('\n'),
    );
    const run = await tandem('import', csv, '--kind', 'slaRecord', '--notify', 'https://tandem.example/tab');
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /Sent 1 activity notifications/);
    const feed = (await (await fetch(`${fixture.server.origin}/_local/activityNotifications`)).json()) as {
      value: { recipient: string; notification: { activityType: string; topic: { value: string; webUrl: string } } }[];
    };
    assert.deepEqual(
      feed.value.map((f) => [
        f.recipient,
        f.notification.activityType,
        f.notification.topic.value,
        f.notification.topic.webUrl,
      ]),
      [[service.owner.email, 'slaBreached', 'SVC-2', 'https://tandem.example/tab']],
    );
    // Importing the same rows again breaches nothing new.
    const again = await tandem('import', csv, '--kind', 'slaRecord', '--notify', 'https://tandem.example/tab');
    assert.match(again.stdout, /Sent 0 activity notifications/);
    assert.equal((await tandem('import', csv, '--kind', 'slaRecord', '--notify', 'javascript:x')).code, 2);
  });
});
