import assert from 'node:assert/strict';
import { startLocalGraph, type LocalGraph } from '../../__tests__/localGraph.js';
import { provisionedSite } from '../../__tests__/site.js';
import { seedEvent, seedMessage } from '../../__tests__/seed.js';
import { GraphStore } from '../../store/graphStore.js';
import type { SiteLists } from '../../store/listPaths.js';
import { categoryColorOf, ensureInitiativeCategory } from '../categories.js';
import { keysOnMailItem, linksExtensionName, tagMailItem, untagMailItem } from '../tagging.js';

const adele = { email: 'adele@contoso.test', displayName: 'Adele Vance' };

describe('Outlook tagging against the local server', () => {
  let graph: LocalGraph;
  let lists: SiteLists;
  before(async () => {
    graph = await startLocalGraph();
    lists = await provisionedSite(graph.client());
  });
  after(() => graph.close());

  it('ensures one master category per initiative with a deterministic colour preset', async () => {
    const client = graph.client();
    const first = await ensureInitiativeCategory(client, 'INI-7');
    const again = await ensureInitiativeCategory(client, 'INI-7');
    assert.equal(again.id, first.id);
    assert.equal(first.displayName, 'INI-7');
    assert.equal(first.color, categoryColorOf('INI-7'));
    assert.match(first.color, /^preset([0-9]|1[0-9]|2[0-4])$/);
    assert.equal(categoryColorOf('INI-7'), categoryColorOf('INI-7'));
    const all = await client.get<{ value: { displayName: string }[] }>('/me/outlook/masterCategories');
    assert.equal(all.value.filter((c) => c.displayName === 'INI-7').length, 1);
  });

  it('tags a message keeping the user’s categories, keeps keys in one extension, writes one link; untag undoes it', async () => {
    const client = graph.client();
    const store = new GraphStore(client, lists);
    const message = await seedMessage(graph, 'adele@contoso.test', {
      subject: 'Budget for the partner portal',
      from: 'megan@contoso.test',
      categories: ['Red category'],
      body: 'confidential body text',
    });
    const ref = { type: 'message' as const, id: message.id };
    const at = '2026-03-02T10:00:00Z';
    await tagMailItem(client, store, { item: ref, initiativeKey: 'INI-7', taggedBy: adele, at });
    const second = await tagMailItem(client, store, { item: ref, initiativeKey: 'INI-9', taggedBy: adele, at });
    await tagMailItem(client, store, { item: ref, initiativeKey: 'INI-9', taggedBy: adele, at }); // repeated: no change

    const onServer = await client.get<{
      categories: string[];
      extensions: { extensionName: string; keys: string[] }[];
    }>(`/me/messages/${message.id}?$expand=extensions`);
    assert.deepEqual(onServer.categories, ['Red category', 'INI-7', 'INI-9']);
    assert.deepEqual(
      onServer.extensions.map((e) => [e.extensionName, e.keys]),
      [[linksExtensionName, ['INI-7', 'INI-9']]],
    );
    assert.deepEqual(second.keys, ['INI-7', 'INI-9']);

    const links = await store.query('link', { where: { externalId: message.internetMessageId } });
    assert.deepEqual(links.map((l) => l.value.targetKey).sort(), ['INI-7', 'INI-9']);
    const link = links.find((l) => l.value.targetKey === 'INI-7')!.value;
    assert.equal(link.kind, 'email');
    assert.equal(link.title, 'Budget for the partner portal');
    assert.equal(link.author?.email, 'megan@contoso.test');
    assert.ok(!JSON.stringify(link).includes('confidential'), 'the body is never copied');

    await untagMailItem(client, store, { item: ref, initiativeKey: 'INI-7' });
    const after = await client.get<{ categories: string[] }>(`/me/messages/${message.id}`);
    assert.deepEqual(after.categories, ['Red category', 'INI-9']);
    assert.deepEqual(await keysOnMailItem(client, ref), ['INI-9']);
    const remaining = await store.query('link', { where: { externalId: message.internetMessageId } });
    assert.deepEqual(
      remaining.map((l) => l.value.targetKey),
      ['INI-9'],
    );
    await untagMailItem(client, store, { item: ref, initiativeKey: 'INI-9' });
    assert.deepEqual(await keysOnMailItem(client, ref), []);
  });

  it('tags a calendar event and links it as a meeting with its join URL', async () => {
    const client = graph.client();
    const store = new GraphStore(client, lists);
    const event = await seedEvent(graph, 'adele@contoso.test', {
      subject: 'Roadmap review',
      start: '2026-03-03T09:00:00Z',
      end: '2026-03-03T10:00:00Z',
      attendees: ['megan@contoso.test'],
      isOnlineMeeting: true,
    });
    const result = await tagMailItem(client, store, {
      item: { type: 'event', id: event.id },
      initiativeKey: 'INI-7',
      taggedBy: adele,
      at: '2026-03-03T09:05:00Z',
    });
    assert.deepEqual(result.categories, ['INI-7']);
    assert.equal(result.link?.value.kind, 'meeting');
    assert.equal(result.link?.value.externalId, event.id);
    assert.equal(result.link?.value.url, event.onlineMeeting?.joinUrl);
    assert.equal(result.link?.value.occurredAt, '2026-03-03T09:00:00Z');
  });

  it('a site reader cannot tag or untag: the site refuses the link first and the mailbox is left as it was', async () => {
    const nestor = 'nestor@contoso.test';
    const readerClient = graph.client({ user: nestor });
    const readerStore = new GraphStore(readerClient, lists);
    const message = await seedMessage(graph, nestor, {
      subject: 'Partner portal budget',
      from: 'megan@contoso.test',
      categories: ['Blue category'],
    });
    const ref = { type: 'message' as const, id: message.id };
    const request = {
      item: ref,
      initiativeKey: 'INI-7',
      taggedBy: { email: nestor, displayName: 'Nestor' },
      at: '2026-03-04T10:00:00Z',
    };
    // Tagged once while Nestor could still edit the site; then the site makes him a reader (SharePoint's Visitors).
    await tagMailItem(readerClient, readerStore, request);
    const tagged = await readerClient.get<unknown>(`/me/messages/${message.id}?$expand=extensions`);
    const fresh = await seedMessage(graph, nestor, {
      subject: 'Another thread',
      from: 'megan@contoso.test',
      categories: ['Blue category'],
    });
    const freshBefore = await readerClient.get<unknown>(`/me/messages/${fresh.id}?$expand=extensions`);
    const mastersBefore = await readerClient.get<{ value: unknown[] }>('/me/outlook/masterCategories');
    const token = await fetch(`${graph.server.origin}/_local/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user: nestor, role: 'reader' }),
    });
    assert.equal(token.status, 200);

    await assert.rejects(
      tagMailItem(readerClient, readerStore, {
        ...request,
        item: { type: 'message', id: fresh.id },
        initiativeKey: 'INI-9',
      }),
      (error: Error & { code?: string }) => error.code === 'forbidden',
    );
    assert.deepEqual(
      await readerClient.get<unknown>(`/me/messages/${fresh.id}?$expand=extensions`),
      freshBefore,
      'no category, no extension',
    );
    assert.deepEqual(
      await readerClient.get<{ value: unknown[] }>('/me/outlook/masterCategories'),
      mastersBefore,
      'no new master category',
    );
    assert.equal((await readerStore.query('link', { where: { externalId: fresh.internetMessageId } })).length, 0);

    await assert.rejects(untagMailItem(readerClient, readerStore, { item: ref, initiativeKey: 'INI-7' }));
    assert.deepEqual(
      await readerClient.get<unknown>(`/me/messages/${message.id}?$expand=extensions`),
      tagged,
      'still tagged, as the site still shows',
    );
    assert.equal((await readerStore.query('link', { where: { externalId: message.internetMessageId } })).length, 1);
  });

  it('survives lost answers: a category and an extension created but unanswered are not made twice, in one call', async () => {
    const client = graph.client();
    const store = new GraphStore(client, lists);
    const message = await seedMessage(graph, 'adele@contoso.test', {
      subject: 'Lost answers',
      from: 'megan@contoso.test',
      categories: ['Green category'],
    });
    // Each POST to the mailbox lands, then its connection drops: the master category, then the extension.
    await graph.faults({ match: '/me/', method: 'POST', reset: true, afterApply: true, count: 2 });
    try {
      await tagMailItem(client, store, {
        item: { type: 'message', id: message.id },
        initiativeKey: 'INI-42',
        taggedBy: adele,
        at: '2026-03-05T10:00:00Z',
      });
    } finally {
      await graph.clearFaults();
    }
    const masters = await client.get<{ value: { displayName: string }[] }>('/me/outlook/masterCategories');
    assert.equal(masters.value.filter((c) => c.displayName === 'INI-42').length, 1);
    const onServer = await client.get<{
      categories: string[];
      extensions: { extensionName: string; keys: string[] }[];
    }>(`/me/messages/${message.id}?$expand=extensions`);
    assert.deepEqual(onServer.categories, ['Green category', 'INI-42']);
    assert.deepEqual(
      onServer.extensions.map((e) => [e.extensionName, e.keys]),
      [[linksExtensionName, ['INI-42']]],
    );
  });
});
