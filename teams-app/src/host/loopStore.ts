/**
 * The store every page writes through: the site's governance rules, the audit trail in the signed-in user's name,
 * and the Teams activity notifications each change calls for, sent through Graph where the change happens.
 */
import {
  auditedStore,
  governedStore,
  notifyingStore,
  type NotificationSink,
  type PersonRef,
  type PortfolioData,
  type Store,
} from '@tandem/core';
import { sendTandemNotifications, type GraphClient } from '@tandem/graph';

/** Where an activity notification about `key` opens the tab. */
export function activityUrl(key: string): string {
  const view = key.startsWith('OBJ-')
    ? `objective&objective=${encodeURIComponent(key)}`
    : key.startsWith('DEC-')
      ? 'decisions'
      : key.startsWith('SVC-')
        ? 'services'
        : 'portfolio';
  return `${location.origin}/tab?view=${view}`;
}

/** Sends notifications to Teams' activity feed as the signed-in user; a refusal is an error naming how many. */
export function teamsNotificationSink(graph: GraphClient): NotificationSink {
  return async (notifications) => {
    const result = await sendTandemNotifications(graph, notifications, activityUrl);
    if (result.failed.length > 0)
      throw new Error(`${result.failed.length} of ${notifications.length} activity notifications were refused`, {
        cause: result.failed,
      });
  };
}

/**
 * Wraps a page's store (the meeting panel, the Outlook pane) in the loop: governance, audit, notifications.
 * The tab's `TandemApp` does the same itself, so the tab passes its raw store and a sink instead.
 */
export function loopStore(
  store: Store,
  graph: GraphClient,
  user: PersonRef,
  load?: () => Promise<PortfolioData>,
): Store {
  const clock = { now: () => new Date() };
  return notifyingStore(auditedStore(governedStore(store, user), user, clock), {
    send: teamsNotificationSink(graph),
    clock,
    actor: user,
    ...(load ? { load } : {}),
    // The change is saved; a notification Teams refused is reported, not a reason to fail the user's edit.
    onSendError: (error) => console.warn('Tandem: activity notifications were not sent', error),
  });
}
