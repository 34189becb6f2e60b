import assert from 'node:assert/strict';
import { composeDigest, demoPortfolio } from '@tandem/core';
import { useLocalServer } from './localServerFixture.js';

describe('tandem digest against the local Graph server', function () {
  this.timeout(120_000);
  const fixture = useLocalServer('digest');
  const { tandem, local } = fixture;

  it('posts the demo portfolio’s week to the channel with the figures core computes', async () => {
    assert.equal((await tandem('seed', '--json')).code, 0);
    const team = await local<{ id: string; channels: { id: string }[] }>('POST', 'teams', {
      displayName: 'Portfolio',
      members: ['admin@contoso.test'],
      channels: ['Digest'],
    });
    const channelId = team.channels[0]!.id;
    const today = new Date().toISOString().slice(0, 10);
    const run = await tandem('digest', '--team', team.id, '--channel', channelId, '--json');
    assert.equal(run.code, 0, run.stderr);
    const result = JSON.parse(run.stdout) as { messageId: string; digest: ReturnType<typeof composeDigest> };
    // The seeded demo is dated around the moment it was seeded: today's digest of it has the same figures.
    const expected = composeDigest(demoPortfolio(new Date()), today);
    assert.deepEqual(
      result.digest.decisionsAwaiting.map((d) => d.key),
      expected.decisionsAwaiting.map((d) => d.key),
    );
    assert.deepEqual(
      result.digest.topInitiatives.map((t) => t.key),
      expected.topInitiatives.map((t) => t.key),
    );
    const messages = await local<{ value: { id: string; body: { content: string } }[] }>(
      'GET',
      `teams/${team.id}/channels/${encodeURIComponent(channelId)}/messages`,
    );
    assert.equal(messages.value.length, 1);
    assert.equal(messages.value[0]!.id, result.messageId);
    const html = messages.value[0]!.body.content;
    assert.ok(html.includes(`${expected.decisionsAwaiting.length} awaiting`));
    assert.ok(html.includes(`${expected.objectives.length} objectives`));
    for (const top of expected.topInitiatives) assert.ok(html.includes(`<b>${top.key}</b>`), top.key);
  });

  it('refuses a missing channel, half a channel, and a bad date with usage errors', async () => {
    assert.equal((await tandem('digest', '--team', 'x')).code, 2);
    assert.equal((await tandem('digest', '--week-ending', '2026-02-30', '--team', 'a', '--channel', 'b')).code, 2);
    const none = await tandem('digest');
    assert.equal(none.code, 2);
    assert.match(none.stderr, /no digest channel/);
  });
});
