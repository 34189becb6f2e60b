import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import {
  auditedStore,
  governedStore,
  loadPortfolio,
  notifyingStore,
  type Decision,
  type PersonRef,
  type Store,
} from '@tandem/core';
import { startLocalGraph, type LocalGraph } from '../../__tests__/localGraph.js';
import { aLink, anInitiative, anObjective } from '../../__tests__/builders.js';
import { localGet, seedTeam } from '../../__tests__/seed.js';
import { provisionedSite } from '../../__tests__/site.js';
import { GraphStore } from '../../store/graphStore.js';
import { sendTandemNotifications } from '../tandemNotifications.js';
import { postWeeklyDigest } from '../weeklyDigest.js';

const person = (name: string): PersonRef => ({
  email: `${name}@contoso.test`,
  displayName: name[0]!.toUpperCase() + name.slice(1),
});
const [adele, megan, lee, nestor] = ['adele', 'megan', 'lee', 'nestor'].map(person) as [
  PersonRef,
  PersonRef,
  PersonRef,
  PersonRef,
];

interface FeedEntry {
  recipient: string;
  notification: { activityType: string; previewText: { content: string }; topic: { value: string } };
}

describe('closing the loop through Graph (local server)', () => {
  let graph: LocalGraph;
  let graphStore: GraphStore;
  before(async () => {
    graph = await startLocalGraph();
    const client = graph.client();
    graphStore = new GraphStore(client, await provisionedSite(client));
  });
  after(() => graph.close());

  it('posts the weekly digest to the channel with the week’s figures', async () => {
    const team = await seedTeam(graph, {
      displayName: 'Portfolio',
      members: ['adele@contoso.test'],
      channels: ['Digest'],
    });
    const channel = team.channels[0]!;
    await graphStore.create('objective', anObjective(1, { title: 'Grow <online> revenue', periodEnd: '2026-12-31' }));
    await graphStore.create('initiative', anInitiative(1, { start: '2026-03-17', end: '2026-06-30' }));
    await graphStore.create(
      'initiative',
      anInitiative(2, { start: '2026-01-05', end: '2026-03-20', status: 'done', percentComplete: 100 }),
    );
    const portfolio = await loadPortfolio(graphStore);
    const posted = await postWeeklyDigest(
      graph.client(),
      { teamId: team.id, channelId: channel.id },
      portfolio,
      '2026-03-22',
    );
    assert.deepEqual(
      posted.digest.initiativesDone.map((i) => i.key),
      ['INI-2'],
    );
    const messages = await localGet<{ value: { id: string; body: { content: string; contentType: string } }[] }>(
      graph,
      `teams/${team.id}/channels/${encodeURIComponent(channel.id)}/messages`,
    );
    assert.equal(messages.value.length, 1);
    const body = messages.value[0]!.body;
    assert.equal(body.contentType, 'html');
    assert.match(body.content, /Week of 2026-03-16 to 2026-03-22/);
    assert.match(body.content, /1 objectives \(0 changed health\), 1 initiatives started, 1 done/);
    assert.match(body.content, /Grow &#60;online&#62; revenue/);
  });

  it('sends each notification to the right user once, and keeps the audit trail of the changes', async () => {
    await seedTeam(graph, {
      displayName: 'Everyone',
      members: ['adele@contoso.test', 'megan@contoso.test', 'lee@contoso.test', 'nestor@contoso.test'],
      channels: [],
    });
    const failures: unknown[] = [];
    const storeFor = (user: PersonRef): Store =>
      notifyingStore(
        auditedStore(governedStore(graphStore), user, { now: () => new Date('2026-03-20T12:00:00Z') }, randomUUID),
        {
          clock: { now: () => new Date('2026-03-20T12:00:00Z') },
          send: async (notifications) => {
            const result = await sendTandemNotifications(
              graph.client({ user: user.email }),
              notifications,
              (key) => `https://teams.microsoft.com/l/entity/tandem/${encodeURIComponent(key)}`,
            );
            failures.push(...result.failed);
          },
        },
      );
    const asLee = storeFor(lee);
    const decision: Decision = {
      id: randomUUID(),
      key: 'DEC-1',
      title: 'Move checkout to the new provider',
      context: 'Fees',
      decision: 'Switch in Q2',
      status: 'proposed',
      businessApprover: adele,
      itApprover: megan,
      votes: [],
      relatedKeys: ['INI-1'],
    };
    const proposed = await asLee.create('decision', decision);
    // Adele approves: nobody is asked again, and the decision cannot pass on her side alone.
    const asAdele = storeFor(adele);
    const voted = await asAdele.update(
      'decision',
      decision.id,
      { votes: [{ voter: adele, vote: 'approve', at: '2026-03-20T12:00:00Z' }] },
      proposed.etag,
    );
    await assert.rejects(asAdele.update('decision', decision.id, { status: 'accepted' }, voted.etag), {
      code: 'quorumNotMet',
    });
    // Megan links an email Nestor wrote.
    await storeFor(megan).create(
      'link',
      aLink('INI-1', {
        kind: 'email',
        title: 'Fees for 2026',
        externalId: '<fees@contoso.test>',
        author: nestor,
        linkedBy: megan,
        sha: undefined,
        repository: undefined,
      }),
    );
    assert.deepEqual(failures, []);

    const feed = await localGet<{ value: FeedEntry[] }>(graph, 'activityNotifications');
    assert.deepEqual(
      feed.value.map((f) => [f.recipient, f.notification.activityType, f.notification.topic.value]),
      [
        ['adele@contoso.test', 'decisionAwaitsApproval', 'DEC-1'],
        ['megan@contoso.test', 'decisionAwaitsApproval', 'DEC-1'],
        ['nestor@contoso.test', 'itemLinked', 'INI-1'],
      ],
    );
    assert.match(feed.value[2]!.notification.previewText.content, /Megan linked your email "Fees for 2026" to INI-1/);

    const trail = (await graphStore.query('auditEntry', { where: { targetKey: 'DEC-1' } })).map((s) => s.value);
    assert.deepEqual(trail.map((e) => [e.action, e.field ?? '', e.changedBy.email]).sort(), [
      ['create', '', 'lee@contoso.test'],
      ['update', 'votes', 'adele@contoso.test'],
    ]);
  });
});
