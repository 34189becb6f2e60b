/**
 * What the pane works on: a received message, a meeting (as attendee or organiser), a message being written,
 * or nothing selected. Read items are identified by their REST id (`convertToRestId`), the id Graph uses.
 */
import type { MailItemRef } from '@tandem/graph';
import { officeAsync, officeEnums, type OfficeItem } from './officeApi.js';
import type { OutlookConnection } from './outlookHost.js';

/** The item the pane shows. */
export type PaneItem =
  | { kind: 'message'; ref: MailItemRef }
  | { kind: 'meeting'; ref: MailItemRef }
  | { kind: 'compose'; item: OfficeItem }
  | { kind: 'unsaved-meeting'; item: OfficeItem }
  | { kind: 'none' };

/** A compose item's id (Mailbox 1.8 `getItemIdAsync` when there, else `saveAsync`, which saves a draft first). */
async function composeItemId(item: OfficeItem): Promise<string | undefined> {
  if (item.getItemIdAsync) {
    const id = await officeAsync<string>('item.getItemIdAsync', (cb) => item.getItemIdAsync!(cb)).catch(() => '');
    if (id) return id;
  }
  if (item.saveAsync) return officeAsync<string>('item.saveAsync', (cb) => item.saveAsync!(cb));
  return undefined;
}

/**
 * The item selected or open in Outlook. A meeting being organised is saved to get its id (as Outlook requires
 * before Graph can see it); a message being written stays a compose item.
 */
export async function currentPaneItem(connection: OutlookConnection, save = false): Promise<PaneItem> {
  if (connection.kind !== 'outlook') return { kind: 'none' };
  const { mailbox, office } = connection;
  const item = mailbox.item;
  if (!item) return { kind: 'none' };
  const enums = officeEnums(office);
  const isMeeting = item.itemType === enums.appointment;
  let ewsId = item.itemId;
  if (!ewsId) {
    if (!isMeeting) return { kind: 'compose', item };
    if (!save) return { kind: 'unsaved-meeting', item };
    ewsId = await composeItemId(item);
    if (!ewsId) return { kind: 'unsaved-meeting', item };
  }
  const id = mailbox.convertToRestId(ewsId, enums.restV2);
  return isMeeting
    ? { kind: 'meeting', ref: { type: 'event', id } }
    : { kind: 'message', ref: { type: 'message', id } };
}
