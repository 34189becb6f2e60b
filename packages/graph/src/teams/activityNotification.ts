import type { GraphClient } from '../client/graphClient.js';

/** An activity feed notification, in Graph's shape (`activityType` must be declared in the app manifest). */
export interface ActivityNotification {
  /** What the notification is about: a text topic with the link to open. */
  topic: { source: 'text'; value: string; webUrl: string } | { source: 'entityUrl'; value: string };
  activityType: string;
  previewText: string;
  templateParameters?: { name: string; value: string }[];
}

/** Sends an activity notification to a user (by id or UPN): "OBJ-12 was approved", "you were asked to vote". */
export async function sendActivityNotification(
  client: GraphClient,
  user: string,
  notification: ActivityNotification,
): Promise<void> {
  await client.post(`/users/${encodeURIComponent(user)}/teamwork/sendActivityNotification`, {
    topic: notification.topic,
    activityType: notification.activityType,
    previewText: { content: notification.previewText },
    ...(notification.templateParameters ? { templateParameters: notification.templateParameters } : {}),
  });
}
