/**
 * Read-only access, as the site grants it. Graph has no "may I write?" call, so the first write the site refuses
 * (403: a site reader, or an app consented to `Sites.Read.All` only) switches the page to read-only and says why;
 * the refused write still fails for its caller, who shows the error. A page that must know before its first write
 * (the Outlook pane, whose tagging also changes the mailbox) asks with {@link probeSiteWriteAccess}.
 */
import { StoreError, type Store } from '@tandem/core';
import { GraphError, type GraphClient, type SiteLists } from '@tandem/graph';

/** Whether the user may edit here, and why not. */
export interface SiteAccess {
  canEdit: boolean;
  readOnlyReason?: string;
}

/** What the page says when the site refused a write. */
export const readOnlyReasonForDeniedWrite =
  'You can read this portfolio but not change it: your account has read-only access to the site. A site owner can give you edit rights.';

const writeMethods = new Set(['create', 'update', 'delete', 'createMany', 'runBatch']);

/** Whether a failure is the site refusing the user (403), whatever layer wrapped it. */
export function isAccessDenied(error: unknown): boolean {
  if (error instanceof StoreError && error.code === 'forbidden') return true;
  if (error instanceof GraphError && error.status === 403) return true;
  return error instanceof Error && error.cause !== undefined && error.cause !== error && isAccessDenied(error.cause);
}

/**
 * The store with its writes watched: a write refused with 403 calls `onDenied` once with the reason to show, then
 * rejects as before. Reads and `watch` pass through untouched.
 */
export function accessAwareStore(store: Store, onDenied: (access: SiteAccess) => void): Store {
  let denied = false;
  return new Proxy(store, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      const method = value as (...args: unknown[]) => unknown;
      if (typeof property !== 'string' || !writeMethods.has(property)) return method.bind(target);
      return async (...args: unknown[]) => {
        try {
          return await method.apply(target, args);
        } catch (error) {
          if (!denied && isAccessDenied(error)) {
            denied = true;
            onDenied({ canEdit: false, readOnlyReason: readOnlyReasonForDeniedWrite });
          }
          throw error;
        }
      };
    },
  });
}

/**
 * Asks the site up front whether the user may write to Tandem's lists, writing nothing: an update of list item 0 of
 * the link list, which never exists (SharePoint numbers items from 1). The site checks the user's right to edit the
 * list's items before it looks for the item, so a reader is refused (403 accessDenied) and an editor is told the item
 * is not there (404). Any other answer proves nothing either way and counts as writable: the writes themselves are
 * ordered so that a refusal still changes nothing (see `tagMailItem`).
 */
export async function probeSiteWriteAccess(client: GraphClient, lists: SiteLists): Promise<SiteAccess> {
  const site = encodeURIComponent(lists.siteId).replace(/%2C/gi, ',');
  const path = `/sites/${site}/lists/${encodeURIComponent(lists.listIds.link)}/items/0/fields`;
  try {
    await client.patch(path, {});
  } catch (error) {
    if (isAccessDenied(error)) return { canEdit: false, readOnlyReason: readOnlyReasonForDeniedWrite };
    if (!(error instanceof GraphError)) throw error;
    // 404 is the expected answer for an editor; any other Graph error leaves the question open (see above).
  }
  return { canEdit: true };
}
