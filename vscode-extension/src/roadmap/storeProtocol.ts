/**
 * The messages between the Roadmap webview and the extension host. The webview holds no token and talks to no
 * server: it asks the host, which runs the call on its store and answers.
 */

/** The `Store` methods the webview may call. */
export const STORE_METHODS = ['create', 'get', 'getByKey', 'update', 'delete', 'query'] as const;

/** A `Store` method name. */
export type StoreMethod = (typeof STORE_METHODS)[number];

/** Webview → host: call a store method. */
export interface StoreCall {
  type: 'store';
  id: number;
  method: StoreMethod;
  args: unknown[];
}

/** Host → webview: the answer to a call. */
export interface StoreReply {
  type: 'reply';
  id: number;
  ok: boolean;
  value?: unknown;
  error?: { name: string; message: string; code?: string };
}

/** Host → webview: the portfolio changed (refresh the views). */
export interface StoreChanged {
  type: 'changed';
}

/** Host → webview at start: who the user is and which theme to use. */
export interface WebviewInit {
  type: 'init';
  user: { email: string; displayName: string };
  theme: 'default' | 'dark' | 'contrast';
}

/** Whether `message` is a well-formed store call (the host checks everything that crosses the boundary). */
export function isStoreCall(message: unknown): message is StoreCall {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as Record<string, unknown>;
  return (
    m.type === 'store' &&
    typeof m.id === 'number' &&
    Number.isInteger(m.id) &&
    typeof m.method === 'string' &&
    (STORE_METHODS as readonly string[]).includes(m.method) &&
    Array.isArray(m.args)
  );
}
