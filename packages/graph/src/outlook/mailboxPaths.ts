import { GraphError } from '../client/graphError.js';

/** The two kinds of Outlook item Tandem tags: a message, or a calendar event. */
export type MailboxItemKind = 'message' | 'event';

/** `/me/messages/{id}` or `/me/events/{id}`, with the id encoded. Ids are REST ids (`convertToRestId` in an add-in). */
export function mailboxItemPath(kind: MailboxItemKind, id: string): string {
  if (typeof id !== 'string' || id.trim() === '') {
    throw new GraphError({
      code: 'invalidRequest',
      status: 0,
      message: `${kind} id must be a non-empty string`,
      request: '',
    });
  }
  return `/me/${kind === 'message' ? 'messages' : 'events'}/${encodeURIComponent(id)}`;
}

/** A 404 from Graph (item or extension not found). */
export function isNotFound(error: unknown): boolean {
  return error instanceof GraphError && error.status === 404;
}

/** A 409 from Graph (something of that name exists already). */
export function isConflict(error: unknown): boolean {
  return error instanceof GraphError && error.status === 409;
}
