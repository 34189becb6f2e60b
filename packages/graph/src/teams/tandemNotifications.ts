import type { TandemNotification } from '@tandem/core';
import type { GraphClient } from '../client/graphClient.js';
import { sendActivityNotification } from './activityNotification.js';

/** What sending a batch of notifications did: those delivered, and those Graph refused, with why. */
export interface NotificationResult {
  sent: TandemNotification[];
  failed: { notification: TandemNotification; error: unknown }[];
}

/**
 * Sends core's notifications to each recipient's Teams activity feed (by UPN), one request each, the topic opening
 * `webUrlOf(key)` (the tab's deep link). One refused notification does not stop the others; all failures are returned.
 */
export async function sendTandemNotifications(
  client: GraphClient,
  notifications: readonly TandemNotification[],
  webUrlOf: (targetKey: string) => string,
): Promise<NotificationResult> {
  const result: NotificationResult = { sent: [], failed: [] };
  for (const n of notifications) {
    try {
      await sendActivityNotification(client, n.recipient.email, {
        topic: { source: 'text', value: n.targetKey, webUrl: webUrlOf(n.targetKey) },
        activityType: n.activityType,
        previewText: n.previewText,
        templateParameters: n.templateParameters,
      });
      result.sent.push(n);
    } catch (error) {
      result.failed.push({ notification: n, error });
    }
  }
  return result;
}
