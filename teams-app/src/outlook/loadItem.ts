/** Reads an item and the evidence its suggestions rest on: tags elsewhere in its conversation, and on its sender's mail. */
import {
  conversationMessages,
  readMailboxItem,
  senderTaggedKeys,
  type GraphClient,
  type MailboxItemSummary,
  type MailItemRef,
} from '@tandem/graph';

/** An item as the pane shows it. */
export interface LoadedItem {
  summary: MailboxItemSummary;
  /** Keys on the other messages of its conversation. */
  conversationKeys: string[];
  /** Keys on earlier mail from its sender, one per tagged message. */
  senderKeys: string[];
}

/** Loads the item, then its conversation and sender evidence side by side. */
export async function loadItem(client: GraphClient, ref: MailItemRef): Promise<LoadedItem> {
  const summary = await readMailboxItem(client, ref);
  const [conversation, senderKeys] = await Promise.all([
    summary.type === 'message' && summary.conversationId
      ? conversationMessages(client, summary.conversationId)
      : Promise.resolve([]),
    summary.type === 'message' && summary.from ? senderTaggedKeys(client, summary.from.email) : Promise.resolve([]),
  ]);
  const conversationKeys = [...new Set(conversation.filter((m) => m.id !== summary.id).flatMap((m) => m.keys))];
  return { summary, conversationKeys, senderKeys };
}
