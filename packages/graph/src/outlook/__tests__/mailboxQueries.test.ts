import assert from 'node:assert/strict';
import { startLocalGraph, type LocalGraph } from '../../__tests__/localGraph.js';
import { provisionedSite } from '../../__tests__/site.js';
import { seedEvent, seedMessage } from '../../__tests__/seed.js';
import { GraphStore } from '../../store/graphStore.js';
import {
  conversationMessages,
  meetingsBetween,
  readMailboxItem,
  recentMessages,
  senderTaggedKeys,
} from '../mailboxQueries.js';
import { tagMailItem } from '../tagging.js';

const adele = { email: 'adele@contoso.test', displayName: 'Adele Vance' };
const at = '2026-03-05T10:00:00Z';

describe('Outlook mailbox queries against the local server', () => {
  let graph: LocalGraph;
  let store: GraphStore;
  const ids: string[] = [];

  before(async () => {
    graph = await startLocalGraph();
    store = new GraphStore(graph.client(), await provisionedSite(graph.client()));
    const mail = [
      { subject: '[INI-7] Payment shortlist', conversationId: 'conv-payment' },
      { subject: 'Re: [INI-7] Payment shortlist', conversationId: 'conv-payment' },
      { subject: 'Lunch' },
    ];
    for (const [i, m] of mail.entries()) {
      const seeded = await seedMessage(graph, 'adele@contoso.test', {
        ...m,
        from: "megan.o'neil@fabrikam.test",
        body: 'The body preview',
        categories: ['Red category'],
        receivedDateTime: `2026-03-0${i + 1}T09:00:00Z`,
      } as Parameters<typeof seedMessage>[2]);
      ids.push(seeded.id);
    }
  });
  after(() => graph.close());

  it('reads one message with what a link may share, its categories, keys and preview', async () => {
    const client = graph.client();
    await tagMailItem(client, store, {
      item: { type: 'message', id: ids[0]! },
      initiativeKey: 'INI-7',
      taggedBy: adele,
      at,
    });
    const item = await readMailboxItem(client, { type: 'message', id: ids[0]! });
    assert.equal(item.subject, '[INI-7] Payment shortlist');
    assert.deepEqual(item.from, { email: "megan.o'neil@fabrikam.test", displayName: "megan.o'neil" });
    assert.equal(item.occurredAt, '2026-03-01T09:00:00.000Z');
    assert.equal(item.conversationId, 'conv-payment');
    assert.match(item.externalId, /^<.+@.+>$/);
    assert.deepEqual(item.categories, ['Red category', 'INI-7']);
    assert.deepEqual(item.keys, ['INI-7']);
    assert.equal(item.preview, 'The body preview');
  });

  it('lists recent mail newest first, a conversation, and the keys on a sender’s earlier mail', async () => {
    const client = graph.client();
    assert.deepEqual(
      (await recentMessages(client, 2)).map((m) => m.subject),
      ['Lunch', 'Re: [INI-7] Payment shortlist'],
    );
    const conversation = await conversationMessages(client, 'conv-payment');
    assert.deepEqual(
      conversation.map((m) => m.keys),
      [['INI-7'], []],
    );
    // The quote in the address is escaped in the filter.
    assert.deepEqual(await senderTaggedKeys(client, "megan.o'neil@fabrikam.test"), ['INI-7']);
    assert.deepEqual(await senderTaggedKeys(client, 'nobody@fabrikam.test'), []);
  });

  it('lists meetings in a window from the calendar view, and reads one', async () => {
    const client = graph.client();
    await seedEvent(graph, 'adele@contoso.test', {
      subject: 'Steering <b>committee</b>',
      start: '2026-03-10T10:00:00Z',
      end: '2026-03-10T11:00:00Z',
    });
    await seedEvent(graph, 'adele@contoso.test', {
      subject: 'Later',
      start: '2026-04-10T10:00:00Z',
      end: '2026-04-10T11:00:00Z',
    });
    const meetings = await meetingsBetween(client, new Date('2026-03-09T00:00:00Z'), new Date('2026-03-11T00:00:00Z'));
    assert.deepEqual(
      meetings.map((m) => [m.type, m.subject, m.occurredAt, m.from?.email]),
      [['event', 'Steering <b>committee</b>', '2026-03-10T10:00:00.000Z', 'adele@contoso.test']],
    );
    const one = await readMailboxItem(client, { type: 'event', id: meetings[0]!.id });
    assert.match(one.externalId, /^040000008200E00074C5B7101A82E008/);
  });
});
