import { strict as assert } from 'node:assert';
import type { Chat, ChatMessage, Event, OnlineMeeting } from '@microsoft/microsoft-graph-types';
import { startHarness, expectGraphError } from '../../__tests__/harness.js';
import type { Harness } from '../../__tests__/harness.js';

interface SeededTeam {
  id: string;
  channels: Array<{ id: string; displayName: string }>;
}

/** A Teams channel message body. */
function channelPost(content: string) {
  return { body: { contentType: 'html', content } };
}

/** A sendActivityNotification body about an entity. */
function activity(previewText: string) {
  return {
    topic: { source: 'text', value: 'INI-7', webUrl: 'https://teams.microsoft.com/l/entity/tandem/initiatives' },
    activityType: 'initiativeUpdated',
    previewText: { content: previewText },
    templateParameters: [{ name: 'key', value: 'INI-7' }],
  };
}

describe('Teams: meetings, chats, channel messages, activity notifications', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());

  it('finds a meeting by join URL and reads its chat, for members only', async () => {
    const event = await h.local<Event>('POST', '/_local/mailboxes/adele@contoso.test/events', {
      subject: 'Planning',
      start: '2026-04-10T14:00:00Z',
      end: '2026-04-10T15:00:00Z',
      attendees: ['megan@contoso.test'],
      isOnlineMeeting: true,
    });
    const joinUrl = event.onlineMeeting!.joinUrl!;
    const megan = await h.client('megan@contoso.test');
    // The SDK does not encode query values; the join URL is percent-encoded as Graph's documentation shows.
    const filter = `JoinWebUrl eq '${encodeURIComponent(joinUrl.replace(/'/g, "''"))}'`;
    const found = (await megan.api('/me/onlineMeetings').filter(filter).get()) as { value: OnlineMeeting[] };
    assert.equal(found.value.length, 1);
    const chat = (await megan.api(`/chats/${found.value[0]!.chatInfo!.threadId}`).get()) as Chat;
    assert.equal(chat.onlineMeetingInfo?.joinWebUrl, joinUrl);
    assert.equal(chat.chatType, 'meeting');
    const outsider = await h.client('nestor@contoso.test');
    const none = (await outsider.api('/me/onlineMeetings').filter(filter).get()) as { value: unknown[] };
    assert.deepEqual(none.value, []);
    const e = await expectGraphError(() => outsider.api(`/chats/${chat.id}`).get());
    assert.equal(e.statusCode, 403);
    const unsupported = await expectGraphError(() =>
      megan.api('/me/onlineMeetings').filter(`subject eq 'Planning'`).get(),
    );
    assert.equal(unsupported.statusCode, 400);
  });

  it('posts to a channel and reads the post back from the local endpoint', async () => {
    const team = await h.local<SeededTeam>('POST', '/_local/teams', {
      displayName: 'Tandem',
      members: ['adele@contoso.test'],
      channels: ['Check-ins'],
    });
    const channel = team.channels[0]!;
    const adele = await h.client('adele@contoso.test');
    const posted = (await adele
      .api(`/teams/${team.id}/channels/${channel.id}/messages`)
      .post(channelPost('<b>Weekly digest</b>'))) as ChatMessage;
    assert.equal(posted.from?.user?.displayName, 'Adele');
    const back = await h.local<{ value: ChatMessage[] }>(
      'GET',
      `/_local/teams/${team.id}/channels/${encodeURIComponent(channel.id)}/messages`,
    );
    assert.deepEqual(
      back.value.map((m) => m.body?.content),
      ['<b>Weekly digest</b>'],
    );
    const outsider = await h.client('nestor@contoso.test');
    const e = await expectGraphError(() =>
      outsider.api(`/teams/${team.id}/channels/${channel.id}/messages`).post(channelPost('hi')),
    );
    assert.equal(e.statusCode, 403);
    const empty = await expectGraphError(() =>
      adele.api(`/teams/${team.id}/channels/${channel.id}/messages`).post({ body: {} }),
    );
    assert.equal(empty.statusCode, 400);
  });

  it('records activity notifications for the recipient', async () => {
    const adele = await h.client('adele@contoso.test');
    await h.token('megan@contoso.test');
    await adele
      .api('/users/megan@contoso.test/teamwork/sendActivityNotification')
      .post(activity('INI-7 moved to Active'));
    const feed = await h.local<{
      value: Array<{ sender: string; notification: { previewText: { content: string } } }>;
    }>('GET', '/_local/activityNotifications?user=megan@contoso.test');
    assert.deepEqual(
      feed.value.map((n) => [n.sender, n.notification.previewText.content]),
      [['adele@contoso.test', 'INI-7 moved to Active']],
    );
    const bad = await expectGraphError(() =>
      adele
        .api('/users/megan@contoso.test/teamwork/sendActivityNotification')
        .post({ ...activity('x'), topic: { source: 'text', value: 'x' } }),
    );
    assert.equal(bad.statusCode, 400);
  });
});
