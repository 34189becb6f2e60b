import type { Link, PersonRef } from '@tandem/core';
import type { MailboxItemKind } from './mailboxPaths.js';

/** What is shared about a tagged email or meeting: metadata the tagger chose, never the body. */
export interface MailboxItemRef {
  kind: MailboxItemKind;
  /** The REST id in the signed-in user's mailbox (personal to that mailbox). */
  id: string;
  /** Stable across mailboxes: the internetMessageId of a message, the iCalUId (or else the id) of an event. */
  externalId: string;
  subject: string;
  /** The sender of a message, the organiser of an event. */
  from?: PersonRef;
  /** When it was received, or when the meeting starts (ISO timestamp with a zone). */
  occurredAt?: string;
  /** A web link to open it (`webLink`), or a meeting's join URL. */
  url?: string;
  /** The conversation a message belongs to. */
  conversationId?: string;
}

/** The link kind of a mailbox item. */
export function linkKindOf(kind: MailboxItemKind): 'email' | 'meeting' {
  return kind === 'message' ? 'email' : 'meeting';
}

/**
 * The id of the link item tying `item` to `targetKey`: a name-based UUID (SHA-1, version 5 layout) of the link kind,
 * the external id and the key, so tagging the same item twice — or retrying after a failure — can never make two links,
 * and untagging finds exactly the link tagging made.
 */
export async function mailboxLinkId(kind: MailboxItemKind, externalId: string, targetKey: string): Promise<string> {
  const bytes = new TextEncoder().encode(`tandem-link\n${linkKindOf(kind)}\n${externalId}\n${targetKey}`);
  const hash = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-1', bytes)).slice(0, 16);
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = [...hash].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Single-line text cut to SharePoint's 255 characters. */
function line(text: string, fallback: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return (flat || fallback).slice(0, 255);
}

/** The link item for `item` and `targetKey`: subject, sender and date only. */
export async function mailboxLink(
  item: MailboxItemRef,
  targetKey: string,
  linkedBy: PersonRef,
  linkedAt: Date,
): Promise<Link> {
  const link: Link = {
    id: await mailboxLinkId(item.kind, item.externalId, targetKey),
    kind: linkKindOf(item.kind),
    targetKey,
    externalId: line(item.externalId, item.id),
    title: line(item.subject, item.kind === 'message' ? '(no subject)' : '(untitled meeting)'),
    linkedBy,
    linkedAt: linkedAt.toISOString(),
  };
  if (item.url && /^https?:\/\//i.test(item.url)) link.url = item.url;
  if (item.from) link.author = item.from;
  if (item.occurredAt) link.occurredAt = new Date(item.occurredAt).toISOString();
  return link;
}
