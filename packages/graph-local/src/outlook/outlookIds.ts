import { randomBytes } from 'node:crypto';

/** An Outlook-style item id (opaque, URL-safe, long), e.g. for messages and events. */
export function outlookId(): string {
  return `AAMkAG${randomBytes(48).toString('base64url')}`;
}

/** A change key, which Outlook changes on every write and puts in `@odata.etag` as `W/"key"`. */
export function changeKey(): string {
  return randomBytes(16).toString('base64');
}
