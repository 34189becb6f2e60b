import type { GraphClient } from '../client/graphClient.js';

/** A message to post: plain text (sent as such) or HTML the caller built with every value escaped ({@link escapeHtml}). */
export type ChannelMessageBody = { text: string } | { html: string };

/** The posted message's id and link. */
export interface PostedMessage {
  id: string;
  webUrl?: string;
}

/** Escapes text for HTML message bodies. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Posts to a Teams channel (check-ins, weekly digests). */
export async function postChannelMessage(
  client: GraphClient,
  teamId: string,
  channelId: string,
  message: ChannelMessageBody,
): Promise<PostedMessage> {
  const body =
    'html' in message ? { contentType: 'html', content: message.html } : { contentType: 'text', content: message.text };
  return client.post<PostedMessage>(
    `/teams/${encodeURIComponent(teamId)}/channels/${encodeURIComponent(channelId)}/messages`,
    { body },
  );
}
