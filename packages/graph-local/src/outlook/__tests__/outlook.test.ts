import { strict as assert } from 'node:assert';
import type { Client } from '@microsoft/microsoft-graph-client';
import type { Event, Message, OpenTypeExtension, OutlookCategory } from '@microsoft/microsoft-graph-types';
import { startHarness, expectGraphError } from '../../__tests__/harness.js';
import type { Harness } from '../../__tests__/harness.js';

const extensionName = 'Com.Tandem.Links';

/** The body of a seeded received message. */
function receivedMessage(subject: string, receivedDateTime: string) {
  return { subject, from: 'megan@fabrikam.test', receivedDateTime, body: `About ${subject}` };
}

/** The body of an open extension holding initiative keys. */
function linksExtension(keys: string[], extra: Record<string, unknown> = {}) {
  return { '@odata.type': 'microsoft.graph.openTypeExtension', extensionName, keys, ...extra };
}

describe('Outlook: messages, events, categories, open extensions', () => {
  let h: Harness;
  let adele: Client;
  let megan: Client;
  let messages: Message[];

  before(async () => {
    h = await startHarness();
    adele = await h.client('adele@contoso.test');
    megan = await h.client('megan@contoso.test');
    messages = [];
    for (let i = 1; i <= 12; i++) {
      const day = String(i).padStart(2, '0');
      messages.push(
        await h.local<Message>(
          'POST',
          '/_local/mailboxes/adele@contoso.test/messages',
          receivedMessage(`Mail ${i}`, `2026-03-${day}T09:00:00Z`),
        ),
      );
    }
  });
  after(() => h.close());

  it('pages /me/messages newest first, ten a page, with $skip in the nextLink', async () => {
    const first = (await adele.api('/me/messages').select('subject,receivedDateTime').get()) as {
      value: Message[];
      '@odata.nextLink': string;
    };
    assert.equal(first.value.length, 10);
    assert.equal(first.value[0]!.subject, 'Mail 12');
    assert.match(first['@odata.nextLink'], /\$skip=10/);
    assert.deepEqual(Object.keys(first.value[0]!).sort(), ['@odata.etag', 'id', 'receivedDateTime', 'subject']);
    const second = (await adele.api(first['@odata.nextLink'].slice(h.server.url.length)).get()) as { value: Message[] };
    assert.equal(second.value.length, 2);
  });

  it('tags a message with a category, then finds it by category', async () => {
    const id = messages[0]!.id!;
    const patched = (await adele.api(`/me/messages/${id}`).patch({ categories: ['INI-7 Checkout'] })) as Message;
    assert.deepEqual(patched.categories, ['INI-7 Checkout']);
    const found = (await adele.api('/me/messages').filter(`categories/any(c: c eq 'INI-7 Checkout')`).get()) as {
      value: Message[];
    };
    assert.deepEqual(
      found.value.map((m) => m.id),
      [id],
    );
    const e = await expectGraphError(() => adele.api(`/me/messages/${id}`).patch({ subject: 'rewritten' }));
    assert.equal(e.statusCode, 400);
  });

  it('creates, reads, replaces and deletes an open extension; PATCH replaces every property', async () => {
    const id = messages[1]!.id!;
    const created = (await adele
      .api(`/me/messages/${id}/extensions`)
      .post(linksExtension(['INI-7'], { note: 'first' }))) as OpenTypeExtension & {
      keys: string[];
      note?: string;
    };
    assert.equal(created.id, `Microsoft.OutlookServices.OpenTypeExtension.${extensionName}`);
    const dup = await expectGraphError(() => adele.api(`/me/messages/${id}/extensions`).post(linksExtension(['X'])));
    assert.equal(dup.statusCode, 409);
    await adele.api(`/me/messages/${id}/extensions/${extensionName}`).patch(linksExtension(['INI-7', 'INI-8']));
    const read = (await adele.api(`/me/messages/${id}/extensions/${extensionName}`).get()) as Record<string, unknown>;
    assert.deepEqual(read.keys, ['INI-7', 'INI-8']);
    assert.equal(read.note, undefined, 'PATCH replaced the whole extension, dropping note');
    await adele.api(`/me/messages/${id}/extensions/${created.id}`).delete();
    const gone = await expectGraphError(() => adele.api(`/me/messages/${id}/extensions/${extensionName}`).get());
    assert.equal(gone.statusCode, 404);
  });

  it('filters on Extensions/any and expands the extension by id', async () => {
    const id = messages[2]!.id!;
    await adele.api(`/me/messages/${id}/extensions`).post(linksExtension(['OBJ-1']));
    const page = (await adele
      .api('/me/messages')
      .filter(`Extensions/any(f:f/id eq '${extensionName}')`)
      .expand(`extensions($filter=id eq '${extensionName}')`)
      .get()) as { value: Array<Message & { extensions: Array<{ keys: string[] }> }> };
    assert.deepEqual(
      page.value.map((m) => m.id),
      [id],
    );
    assert.deepEqual(page.value[0]!.extensions[0]!.keys, ['OBJ-1']);
  });

  it('keeps mailboxes apart: another user gets 404 for the message and its extensions', async () => {
    const id = messages[2]!.id!;
    for (const path of [`/me/messages/${id}`, `/me/messages/${id}/extensions/${extensionName}`]) {
      const e = await expectGraphError(() => megan.api(path).get());
      assert.equal(e.statusCode, 404, path);
      assert.equal(e.code, 'ErrorItemNotFound');
    }
    const e = await expectGraphError(() => megan.api(`/me/messages/${id}`).patch({ categories: ['x'] }));
    assert.equal(e.statusCode, 404);
    const theirs = (await megan.api('/me/messages').get()) as { value: Message[] };
    assert.equal(theirs.value.length, 0);
  });

  it('keeps master categories per mailbox, with colour presets', async () => {
    const made = (await adele
      .api('/me/outlook/masterCategories')
      .post({ displayName: 'INI-7 Checkout', color: 'preset3' })) as OutlookCategory;
    assert.equal(made.color, 'preset3');
    const dup = await expectGraphError(() =>
      adele.api('/me/outlook/masterCategories').post({ displayName: 'INI-7 Checkout', color: 'preset3' }),
    );
    assert.equal(dup.statusCode, 409);
    const bad = await expectGraphError(() =>
      adele.api('/me/outlook/masterCategories').post({ displayName: 'X', color: 'purple' }),
    );
    assert.equal(bad.statusCode, 400);
    const mine = (await adele.api('/me/outlook/masterCategories').get()) as { value: OutlookCategory[] };
    const theirs = (await megan.api('/me/outlook/masterCategories').get()) as { value: OutlookCategory[] };
    assert.deepEqual(
      mine.value.map((c) => c.displayName),
      ['INI-7 Checkout'],
    );
    assert.deepEqual(theirs.value, []);
  });

  it('serves events and the calendar view of a window, with extensions on events', async () => {
    const meeting = await h.local<Event>('POST', '/_local/mailboxes/adele@contoso.test/events', {
      subject: 'Quarterly review',
      start: '2026-04-10T14:00:00Z',
      end: '2026-04-10T15:00:00Z',
      attendees: ['megan@contoso.test'],
      isOnlineMeeting: true,
    });
    await h.local('POST', '/_local/mailboxes/adele@contoso.test/events', {
      subject: 'Later',
      start: '2026-05-10T14:00:00Z',
      end: '2026-05-10T15:00:00Z',
    });
    const view = (await adele
      .api('/me/calendarView')
      .query({ startDateTime: '2026-04-01T00:00:00Z', endDateTime: '2026-04-30T00:00:00Z' })
      .get()) as { value: Event[] };
    assert.deepEqual(
      view.value.map((e) => e.subject),
      ['Quarterly review'],
    );
    assert.ok(view.value[0]!.onlineMeeting?.joinUrl?.startsWith('https://teams.microsoft.com/l/meetup-join/'));
    const all = (await adele.api('/me/events').get()) as { value: Event[] };
    assert.equal(all.value.length, 2);
    const attendeeView = (await megan.api('/me/events').get()) as { value: Event[] };
    assert.deepEqual(
      attendeeView.value.map((e) => e.iCalUId),
      [meeting.iCalUId],
      "the attendee's calendar has the meeting",
    );
    await adele.api(`/me/events/${meeting.id}/extensions`).post(linksExtension(['DEC-5']));
    const withExt = (await adele
      .api(`/me/events/${meeting.id}`)
      .expand(`extensions($filter=id eq '${extensionName}')`)
      .get()) as {
      extensions: Array<{ keys: string[] }>;
    };
    assert.deepEqual(withExt.extensions[0]!.keys, ['DEC-5']);
    const e = await expectGraphError(() => adele.api('/me/calendarView').get());
    assert.equal(e.statusCode, 400);
    assert.match(e.message, /StartDateTime and EndDateTime/);
  });

  it('reads and deletes one master category, 404 for another mailbox', async () => {
    const made = (await adele
      .api('/me/outlook/masterCategories')
      .post({ displayName: 'OBJ-1 Growth', color: 'preset7' })) as OutlookCategory;
    const read = (await adele.api(`/me/outlook/masterCategories/${made.id}`).get()) as OutlookCategory;
    assert.equal(read.displayName, 'OBJ-1 Growth');
    const other = await expectGraphError(() => megan.api(`/me/outlook/masterCategories/${made.id}`).get());
    assert.equal(other.statusCode, 404);
    await adele.api(`/me/outlook/masterCategories/${made.id}`).delete();
    const gone = await expectGraphError(() => adele.api(`/me/outlook/masterCategories/${made.id}`).get());
    assert.equal(gone.statusCode, 404);
  });

  it('reads one event, tags it with a category, and lists its extensions', async () => {
    const event = await h.local<Event>('POST', '/_local/mailboxes/adele@contoso.test/events', {
      subject: 'Tagged',
      start: '2026-06-01T09:00:00Z',
      end: '2026-06-01T09:30:00Z',
    });
    const patched = (await adele.api(`/me/events/${event.id}`).patch({ categories: ['INI-7 Checkout'] })) as Event;
    assert.deepEqual(patched.categories, ['INI-7 Checkout']);
    const read = (await adele.api(`/me/events/${event.id}`).select('subject,categories').get()) as Event;
    assert.deepEqual(read.categories, ['INI-7 Checkout']);
    await adele.api(`/me/events/${event.id}/extensions`).post(linksExtension(['INI-7']));
    const list = (await adele.api(`/me/events/${event.id}/extensions`).get()) as { value: OpenTypeExtension[] };
    assert.deepEqual(
      list.value.map((e) => e.extensionName),
      [extensionName],
    );
    const other = await expectGraphError(() => megan.api(`/me/events/${event.id}/extensions`).get());
    assert.equal(other.statusCode, 404);
  });
});
