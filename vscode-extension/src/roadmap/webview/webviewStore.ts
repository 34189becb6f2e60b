import type { Store, StoreListener } from '@tandem/core';
import type { StoreCall, StoreMethod, StoreReply } from '../storeProtocol.js';

/** What the webview can send to its host (`acquireVsCodeApi()`). */
export interface HostChannel {
  postMessage(message: unknown): void;
}

/** The error the host reported for a call, with its name and code kept. */
export class RemoteStoreError extends Error {
  constructor(
    name: string,
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = name;
  }
}

/** core's `Store` inside the webview: every call goes to the extension host, which runs it on the real store. */
export class WebviewStore implements Store {
  private next = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private readonly listeners = new Set<StoreListener>();

  constructor(private readonly host: HostChannel) {}

  /** Feed every message from the host here. */
  receive(message: StoreReply): void {
    const call = this.pending.get(message.id);
    if (!call) return;
    this.pending.delete(message.id);
    if (message.ok) call.resolve(message.value);
    else
      call.reject(
        new RemoteStoreError(message.error?.name ?? 'Error', message.error?.message ?? 'failed', message.error?.code),
      );
  }

  private call<T>(method: StoreMethod, args: unknown[]): Promise<T> {
    const id = this.next++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      const message: StoreCall = { type: 'store', id, method, args };
      this.host.postMessage(message);
    });
  }

  create: Store['create'] = (kind, value) => this.call('create', [kind, value]);
  get: Store['get'] = (kind, id) => this.call('get', [kind, id]);
  getByKey: Store['getByKey'] = (kind, key) => this.call('getByKey', [kind, key]);
  update: Store['update'] = (kind, id, patch, etag) => this.call('update', [kind, id, patch, etag]);
  delete: Store['delete'] = (kind, id, etag) => this.call('delete', [kind, id, etag]);
  query: Store['query'] = (kind, options) => this.call('query', options === undefined ? [kind] : [kind, options]);

  watch(listener: StoreListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
