import assert from 'node:assert/strict';
import { startLocalGraph, type LocalGraph } from '../../__tests__/localGraph.js';
import { localGet, seedEvent, seedTeam } from '../../__tests__/seed.js';
import { GraphError } from '../../client/graphError.js';
import { sendActivityNotification } from '../activityNotification.js';
import { escapeHtml, postChannelMessage } from '../channelMessages.js';
import { resolveTeamsMeeting } from '../meetings.js';

describe('Teams operations against the local server', () => {
  let graph: LocalGraph;
  before(async () => {
    graph = await startLocalGraph();
  });
  after(() => graph.close());

  it('resolves a meeting chat to the online meeting and the calendar event', async () => {
    const event = await seedEvent(graph, 'adele@contoso.test', {
      subject: 'Quarterly business review',
      start: '2026-04-01T13:00:00Z',
      end: '2026-04-01T14:00:00Z',
      attendees: ['megan@contoso.test'],
      isOnlineMeeting: true,
    });
    const joinUrl = event.onlineMeeting!.joinUrl;
    const client = graph.client({ user: 'megan@contoso.test' });
    const meetings = await client.get<{ value: { chatInfo: { threadId: string } }[] }>(
      `/me/onlineMeetings?$filter=${encodeURIComponent(`JoinWebUrl eq '${joinUrl}'`)}`,
    );
    const chatId = meetings.value[0]!.chatInfo.threadId;

    const resolved = await resolveTeamsMeeting(client, chatId);
    assert.equal(resolved.joinWebUrl, joinUrl);
    assert.equal(resolved.onlineMeeting.subject, 'Quarterly business review');
    assert.ok(resolved.event, 'the attendee has the event in her calendar');
    assert.equal(resolved.event.subject, 'Quarterly business review');
    const own = await client.get<{ id: string }>(`/me/events/${resolved.event.id}`);
    assert.equal(own.id, resolved.event.id);
  });

  it('reports a chat that is not a meeting chat, or unknown, as a GraphError', async () => {
    await assert.rejects(resolveTeamsMeeting(graph.client(), '19:nope@thread.v2'), (e: unknown) => {
      assert.ok(e instanceof GraphError);
      assert.equal(e.status, 404);
      return true;
    });
  });

  it('posts to a channel, escaping what goes into HTML', async () => {
    const team = await seedTeam(graph, {
      displayName: 'Portfolio',
      members: ['adele@contoso.test'],
      channels: ['Digest'],
    });
    const channel = team.channels[0]!;
    const posted = await postChannelMessage(graph.client(), team.id, channel.id, {
      html: `<p>Check-in on ${escapeHtml('INI-7 <script>')}</p>`,
    });
    assert.ok(posted.id);
    const messages = await localGet<{ value: { body: { content: string; contentType: string } }[] }>(
      graph,
      `teams/${team.id}/channels/${encodeURIComponent(channel.id)}/messages`,
    );
    assert.equal(messages.value.length, 1);
    assert.equal(messages.value[0]!.body.contentType, 'html');
    assert.equal(messages.value[0]!.body.content, '<p>Check-in on INI-7 &#60;script&#62;</p>');
  });

  it('sends an activity notification to a user', async () => {
    await sendActivityNotification(graph.client(), 'megan@contoso.test', {
      topic: { source: 'text', value: 'OBJ-12', webUrl: 'https://teams.microsoft.com/l/entity/x' },
      activityType: 'decisionApproved',
      previewText: 'DEC-5 was approved',
      templateParameters: [{ name: 'decisionKey', value: 'DEC-5' }],
    });
    const feed = await localGet<{ value: unknown[] }>(graph, 'activityNotifications?user=megan@contoso.test');
    assert.equal(feed.value.length, 1);
    assert.match(JSON.stringify(feed.value[0]), /DEC-5 was approved/);
  });
});
