import assert from 'node:assert/strict';
import type { Message, OutlookCategory } from '@microsoft/microsoft-graph-types';
import { startLocalGraph, type LocalGraph } from '../../__tests__/localGraph.js';
import { provisionedSite } from '../../__tests__/site.js';
import { GraphStore } from '../../store/graphStore.js';
import type { SiteLists } from '../../store/listPaths.js';
import { categoryColorFor, categoryNameFor, keyOfCategory } from '../categoryPreset.js';
import { mailboxLinkId } from '../mailboxLinks.js';
import {
  conversationMessages,
  meetingsBetween,
  readMailboxItem,
  recentMessages,
  senderTaggedKeys,
} from '../mailboxQueries.js';
import { readItemKeys } from '../tandemExtension.js';
import { tagMailboxItem, untagMailboxItem, type MailboxTagging } from '../tagMailboxItem.js';

const adele = { email: 'adele@contoso.test', displayName: 'Adele Vance' };

describe('Outlook tagging against the local server', () => {
  let graph: LocalGraph;
  let lists: SiteLists;
  let tagging: MailboxTagging;
  const seeded: Message[] = [];

  const seed = async (path: string, body: unknown) => {
    const response = await fetch(`${graph.server.origin}/_local/mailboxes/adele@contoso.test/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    assert.equal(response.status, 201, await response.clone().text());
    return (await response.json()) as Message;
  };

  before(async () => {
    graph = await startLocalGraph();
    lists = await provisionedSite(graph.client());
    tagging = { client: graph.client(), store: new GraphStore(graph.client(), lists), user: adele };
    for (const [i, subject] of ['[INI-7] Payment shortlist', 'Re: [INI-7] Payment shortlist', 'Lunch'].entries()) {
      seeded.push(
        await seed('messages', {
          subject,
          from: 'megan@fabrikam.test',
          receivedDateTime: `2026-03-0${i + 1}T09:00:00Z`,
          body: 'Confidential body text',
          categories: ['Red category', 'Follow up'],
          ...(i < 2 ? { conversationId: 'conv-payment' } : {}),
        }),
      );
    }
  });
  after(() => graph.close());

  it('names and colours categories stably by key', () => {
    assert.equal(categoryNameFor('INI-7'), 'Tandem INI-7');
    assert.equal(keyOfCategory('Tandem INI-7'), 'INI-7');
    assert.equal(keyOfCategory('Red category'), undefined);
    assert.equal(categoryColorFor('INI-7'), categoryColorFor('INI-7'));
    assert.match(categoryColorFor('INI-7'), /^preset([0-9]|1[0-9]|2[0-4])$/);
    const colours = new Set(Array.from({ length: 40 }, (_, i) => categoryColorFor(`INI-${i + 1}`)));
    assert.ok(colours.size > 10, 'keys spread over the presets');
  });

  it('tags a message: master category, category beside the user’s own, extension keys, one link item', async () => {
    const item = await readMailboxItem(tagging.client, 'message', seeded[0]!.id!);
    const first = await tagMailboxItem(tagging, item, 'INI-7');
    const again = await tagMailboxItem(tagging, item, 'INI-7');
    assert.equal(first.categoryChanged, true);
    assert.equal(again.categoryChanged, false);

    const masters = (await tagging.client.get<{ value: OutlookCategory[] }>('/me/outlook/masterCategories')).value;
    const master = masters.filter((c) => c.displayName === 'Tandem INI-7');
    assert.equal(master.length, 1);
    assert.equal(master[0]!.color, categoryColorFor('INI-7'));

    const reread = await readMailboxItem(tagging.client, 'message', item.id);
    assert.deepEqual(reread.categories, ['Red category', 'Follow up', 'Tandem INI-7']);
    assert.deepEqual(reread.keys, ['INI-7']);

    const links = await tagging.store.query('link', { where: { targetKey: 'INI-7' } });
    assert.equal(links.length, 1);
    const link = links[0]!.value;
    assert.equal(link.id, await mailboxLinkId('message', item.externalId, 'INI-7'));
    assert.equal(link.kind, 'email');
    assert.equal(link.title, '[INI-7] Payment shortlist');
    assert.equal(link.externalId, item.externalId);
    assert.equal(link.author?.email, 'megan@fabrikam.test');
    assert.equal(link.occurredAt, '2026-03-01T09:00:00.000Z');
    assert.ok(!JSON.stringify(link).includes('Confidential'), 'the body is never copied');
  });

  it('untags exactly what it added and keeps other keys', async () => {
    const item = await readMailboxItem(tagging.client, 'message', seeded[0]!.id!);
    await tagMailboxItem(tagging, item, 'OBJ-2');
    const out = await untagMailboxItem(tagging, item, 'INI-7');
    assert.deepEqual(out.keys, ['OBJ-2']);
    let reread = await readMailboxItem(tagging.client, 'message', item.id);
    assert.deepEqual(reread.categories, ['Red category', 'Follow up', 'Tandem OBJ-2']);
    assert.equal((await tagging.store.query('link', { where: { targetKey: 'INI-7' } })).length, 0);
    await untagMailboxItem(tagging, item, 'OBJ-2');
    reread = await readMailboxItem(tagging.client, 'message', item.id);
    assert.deepEqual(reread.categories, ['Red category', 'Follow up']);
    assert.deepEqual(await readItemKeys(tagging.client, 'message', item.id), []);
    const extensions = await tagging.client.get<{ value: unknown[] }>(`/me/messages/${item.id}/extensions`);
    assert.deepEqual(extensions.value, [], 'the extension goes with its last key');
    // Untagging again changes nothing and does not fail.
    assert.equal((await untagMailboxItem(tagging, item, 'OBJ-2')).categoryChanged, false);
  });

  it('reads conversation and sender evidence, and recent mail and meetings', async () => {
    const item = await readMailboxItem(tagging.client, 'message', seeded[1]!.id!);
    await tagMailboxItem(tagging, item, 'INI-3');
    const conversation = await conversationMessages(tagging.client, 'conv-payment');
    assert.deepEqual(conversation.map((m) => m.subject).sort(), [
      'Re: [INI-7] Payment shortlist',
      '[INI-7] Payment shortlist',
    ]);
    assert.deepEqual(
      conversation.flatMap((m) => m.keys),
      ['INI-3'],
    );
    assert.deepEqual(await senderTaggedKeys(tagging.client, 'megan@fabrikam.test'), ['INI-3']);
    assert.deepEqual(await senderTaggedKeys(tagging.client, "o'brien@fabrikam.test"), []);
    const recent = await recentMessages(tagging.client, 2);
    assert.deepEqual(
      recent.map((m) => m.subject),
      ['Lunch', 'Re: [INI-7] Payment shortlist'],
    );
    await seed('events', { subject: 'Steering', start: '2026-03-10T10:00:00Z', end: '2026-03-10T11:00:00Z' });
    const meetings = await meetingsBetween(
      tagging.client,
      new Date('2026-03-09T00:00:00Z'),
      new Date('2026-03-11T00:00:00Z'),
    );
    assert.deepEqual(
      meetings.map((m) => [m.kind, m.subject, m.occurredAt]),
      [['event', 'Steering', '2026-03-10T10:00:00.000Z']],
    );
  });

  it('tags a meeting with a link of kind meeting', async () => {
    const [meeting] = await meetingsBetween(
      tagging.client,
      new Date('2026-03-09T00:00:00Z'),
      new Date('2026-03-11T00:00:00Z'),
    );
    await tagMailboxItem(tagging, meeting!, 'OBJ-4');
    const links = await tagging.store.query('link', { where: { targetKey: 'OBJ-4' } });
    assert.deepEqual(
      links.map((l) => [l.value.kind, l.value.title]),
      [['meeting', 'Steering']],
    );
    assert.deepEqual((await readMailboxItem(tagging.client, 'event', meeting!.id)).keys, ['OBJ-4']);
  });

  it('ends tagged exactly once under injected 429s and 503s', async () => {
    const item = await readMailboxItem(tagging.client, 'message', seeded[2]!.id!);
    await graph.faults({ match: '/me/', status: 429, retryAfter: 0, rate: 0.4 });
    await graph.faults({ match: '/me/', status: 503, rate: 0.2 });
    try {
      await tagMailboxItem(tagging, item, 'INI-9');
      await tagMailboxItem(tagging, item, 'INI-9');
    } finally {
      await graph.clearFaults();
    }
    const reread = await readMailboxItem(tagging.client, 'message', item.id);
    assert.deepEqual(reread.categories, ['Red category', 'Follow up', 'Tandem INI-9']);
    assert.deepEqual(reread.keys, ['INI-9']);
    assert.equal((await tagging.store.query('link', { where: { targetKey: 'INI-9' } })).length, 1);
    const masters = (await tagging.client.get<{ value: OutlookCategory[] }>('/me/outlook/masterCategories')).value;
    assert.equal(masters.filter((c) => c.displayName === 'Tandem INI-9').length, 1);
  });
});
