import { composeDigest, renderDigestHtml, type Digest, type PortfolioData } from '@tandem/core';
import type { GraphClient } from '../client/graphClient.js';
import { postChannelMessage, type PostedMessage } from './channelMessages.js';

/** The digest posted, and the message Teams made of it. */
export interface PostedDigest {
  digest: Digest;
  message: PostedMessage;
}

/**
 * Composes the weekly digest of `portfolio` for the week ending `weekEnding` and posts it to a Teams channel
 * (`POST /teams/{id}/channels/{id}/messages`) as an HTML message with every value escaped.
 */
export async function postWeeklyDigest(
  client: GraphClient,
  channel: { teamId: string; channelId: string },
  portfolio: PortfolioData,
  weekEnding: string,
  options: { siteName?: string } = {},
): Promise<PostedDigest> {
  const digest = composeDigest(portfolio, weekEnding);
  const message = await postChannelMessage(client, channel.teamId, channel.channelId, {
    html: renderDigestHtml(digest, options),
  });
  return { digest, message };
}
