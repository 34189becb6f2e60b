import {
  ENTITY_KINDS,
  type EntityKind,
  type EntityOf,
  type StoreChange,
  type StoreListener,
  type Stored,
  ValidationError,
} from '@tandem/core';
import { runBatch, type BatchRequest } from '../batch/batch.js';
import { GraphError } from '../client/graphError.js';
import { schemaFingerprint } from '../provisioning/listSchema.js';
import type { GraphStore } from '../store/graphStore.js';
import { decodeRefused, readItem, type GraphListItem } from '../store/itemCodec.js';
import type { CacheStorage } from './cacheStorage.js';

/** Tuning of a {@link PortfolioCache}. */
export interface PortfolioCacheOptions {
  /** Where the cache survives restarts; none keeps it in memory only. */
  storage?: CacheStorage;
  /** Items a delta page asks for (`$top`). Default 1000. */
  pageSize?: number;
  /** Called for a list item that fails validation: it is reported here and left out of the cache. Default: the store's `onInvalidItem`. */
  onInvalidItem?: (kind: EntityKind, error: ValidationError) => void;
  /** Default polling interval of {@link PortfolioCache.startPolling}, in ms. Default {@link defaultPollIntervalMs}. */
  pollIntervalMs?: number;
  /** The lists to keep (a view that shows only the roadmap needs fewer); default every kind. Each costs 1 unit a refresh. */
  kinds?: readonly EntityKind[];
}

/** What one refresh did. */
export interface RefreshResult {
  /** HTTP round trips (each a `$batch` of delta calls). */
  roundTrips: number;
  /** Items created, changed or deleted in the cache. */
  changes: number;
  /** Lists whose delta token had expired (410) and were read again from scratch. */
  resynced: EntityKind[];
}

interface ListState {
  deltaLink: string | undefined;
  /** SharePoint item id → entity id. */
  itemToId: Record<string, string>;
  /** Entity id → stored entity. */
  entities: Record<string, Stored<unknown>>;
}

interface Snapshot {
  schema: string;
  siteId: string;
  lists: Partial<Record<EntityKind, ListState>>;
}

interface DeltaPage {
  value?: GraphListItem[];
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
}

/**
 * The default time between polls: five minutes. A warm refresh is one round trip but costs one resource unit per list,
 * and a 1,000-seat tenant has 1,200 units a minute for the app: with 15 lists, 400 clients fit at five minutes, 80 at one.
 * Portfolio data changes slowly, a client's own writes show at once, and hosts refresh on focus as well.
 */
export const defaultPollIntervalMs = 300_000;

/**
 * The whole portfolio in memory, kept fresh with SharePoint delta queries. A refresh sends the delta call of every
 * list in one JSON batch — one HTTP round trip, however big the portfolio, when nothing changed — and follows
 * `@odata.nextLink` pages in further batches only for lists that have more. A 410 (expired token) resyncs that list.
 * Writes made through the store show at once; `watch` reports every change, local or remote.
 */
export class PortfolioCache {
  private lists = new Map<EntityKind, ListState>();
  private readonly listeners = new Set<StoreListener>();
  private readonly storage: CacheStorage | undefined;
  private readonly pageSize: number;
  private readonly onInvalidItem: PortfolioCacheOptions['onInvalidItem'];
  private readonly pollIntervalMs: number;
  private refreshing: Promise<RefreshResult> | undefined;
  private readonly unwatchStore: () => void;
  private readonly kinds: readonly EntityKind[];

  constructor(
    readonly store: GraphStore,
    options: PortfolioCacheOptions = {},
  ) {
    this.storage = options.storage;
    this.pageSize = options.pageSize ?? 1000;
    this.onInvalidItem = options.onInvalidItem;
    this.pollIntervalMs = options.pollIntervalMs ?? defaultPollIntervalMs;
    this.kinds = options.kinds ?? ENTITY_KINDS;
    this.unwatchStore = store.watch((change) => this.applyLocal(change));
  }

  private get storageName(): string {
    return `portfolio-${this.store.lists.siteId.replace(/[^A-Za-z0-9-]/g, '_')}.json`;
  }

  /** Restores the cache from storage (if any); the next refresh then only fetches what changed. */
  async load(): Promise<boolean> {
    const text = await this.storage?.read(this.storageName);
    if (!text) return false;
    let snapshot: Snapshot;
    try {
      snapshot = JSON.parse(text) as Snapshot;
    } catch {
      // A torn or foreign file: start from scratch rather than trust it.
      await this.storage?.remove(this.storageName);
      return false;
    }
    if (snapshot.schema !== schemaFingerprint() || snapshot.siteId !== this.store.lists.siteId) return false;
    this.lists = new Map(Object.entries(snapshot.lists) as [EntityKind, ListState][]);
    return true;
  }

  /** Brings every list up to date. Concurrent calls share one refresh. */
  refresh(): Promise<RefreshResult> {
    this.refreshing ??= this.doRefresh().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  /** Every cached entity of `kind`. */
  list<K extends EntityKind>(kind: K): Stored<EntityOf<K>>[] {
    return Object.values(this.state(kind).entities) as Stored<EntityOf<K>>[];
  }

  /** One cached entity. */
  get<K extends EntityKind>(kind: K, id: string): Stored<EntityOf<K>> | undefined {
    return this.state(kind).entities[id] as Stored<EntityOf<K>> | undefined;
  }

  /** Calls `listener` for every change the cache sees; returns the unsubscribe. */
  watch(listener: StoreListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Refreshes every `intervalMs` (default {@link defaultPollIntervalMs}) until the returned function is called. Errors go to `onError`. */
  startPolling(onError: (error: unknown) => void, intervalMs = this.pollIntervalMs): () => void {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      try {
        await this.refresh();
      } catch (error) {
        onError(error);
      }
      if (!stopped) timer = setTimeout(tick, intervalMs);
    };
    timer = setTimeout(tick, 0);
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }

  /** Stops following the store's writes. */
  dispose(): void {
    this.unwatchStore();
    this.listeners.clear();
  }

  private state(kind: EntityKind): ListState {
    let s = this.lists.get(kind);
    if (!s) {
      s = { deltaLink: undefined, itemToId: {}, entities: {} };
      this.lists.set(kind, s);
    }
    return s;
  }

  private async doRefresh(): Promise<RefreshResult> {
    const client = this.store.client;
    const paths = this.store.listPaths;
    const result: RefreshResult = { roundTrips: 0, changes: 0, resynced: [] };
    // Per list: the link to call next, and (for a full enumeration) the item ids seen, to drop what vanished.
    const next = new Map<EntityKind, string>();
    const seenInFullSync = new Map<EntityKind, Set<string>>();
    for (const kind of this.kinds) {
      const state = this.state(kind);
      if (state.deltaLink) next.set(kind, state.deltaLink);
      else {
        next.set(kind, `${paths.delta(kind)}&$top=${this.pageSize}`);
        seenInFullSync.set(kind, new Set());
      }
    }
    while (next.size > 0) {
      const kinds = [...next.keys()];
      const requests: BatchRequest[] = kinds.map((kind) => ({
        id: kind,
        method: 'GET',
        url: client.relativePath(next.get(kind)!),
      }));
      result.roundTrips += Math.ceil(requests.length / 20);
      const answers = await runBatch(client, requests);
      for (const kind of kinds) {
        const answer = answers.get(kind)!;
        if (answer.error) {
          if (answer.status === 410) {
            // The change log moved past our token: read the list again from the start.
            result.resynced.push(kind);
            this.state(kind).deltaLink = undefined;
            next.set(kind, `${paths.delta(kind)}&$top=${this.pageSize}`);
            seenInFullSync.set(kind, new Set());
            continue;
          }
          throw answer.error;
        }
        const page = answer.body as DeltaPage;
        result.changes += await this.applyPage(kind, page.value ?? [], seenInFullSync.get(kind));
        if (page['@odata.nextLink']) next.set(kind, page['@odata.nextLink']);
        else if (page['@odata.deltaLink']) {
          next.delete(kind);
          const seen = seenInFullSync.get(kind);
          if (seen) result.changes += this.dropUnseen(kind, seen);
          this.state(kind).deltaLink = page['@odata.deltaLink'];
        } else {
          throw new GraphError({
            code: 'invalidResponse',
            status: answer.status,
            message: `the delta page of ${kind} has neither a nextLink nor a deltaLink`,
            request: 'GET items/delta',
          });
        }
      }
    }
    await this.save();
    return result;
  }

  private async applyPage(kind: EntityKind, items: GraphListItem[], seen: Set<string> | undefined): Promise<number> {
    const state = this.state(kind);
    let changes = 0;
    for (const item of items) {
      if (item.deleted) {
        const id = state.itemToId[item.id];
        delete state.itemToId[item.id];
        if (id !== undefined && state.entities[id]) {
          delete state.entities[id];
          this.store.observeDeleted(kind, id);
          this.emit({ kind, id, deleted: true } as StoreChange);
          changes++;
        }
        continue;
      }
      seen?.add(item.id);
      let decoded;
      try {
        decoded = readItem(kind, item) ?? (await decodeRefused(kind, item));
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        if (this.onInvalidItem) this.onInvalidItem(kind, error);
        else this.store.reportInvalidItem(kind, error);
        continue;
      }
      const id = (decoded.value as { id: string }).id;
      state.itemToId[item.id] = id;
      this.store.observe(kind, decoded);
      if (state.entities[id]?.etag === decoded.etag) continue;
      state.entities[id] = { value: decoded.value, etag: decoded.etag };
      this.emit({ kind, id, value: decoded.value, etag: decoded.etag } as StoreChange);
      changes++;
    }
    return changes;
  }

  private dropUnseen(kind: EntityKind, seen: Set<string>): number {
    const state = this.state(kind);
    let changes = 0;
    for (const [itemId, id] of Object.entries(state.itemToId)) {
      if (seen.has(itemId)) continue;
      delete state.itemToId[itemId];
      if (state.entities[id]) {
        delete state.entities[id];
        this.emit({ kind, id, deleted: true } as StoreChange);
        changes++;
      }
    }
    return changes;
  }

  /** A write made through the store: shown at once, before the next delta confirms it. */
  private applyLocal(change: StoreChange): void {
    const state = this.state(change.kind);
    if (change.deleted) {
      if (!state.entities[change.id]) return;
      delete state.entities[change.id];
    } else {
      // Remember the item id, so that a deletion reported by delta (which names only the item id) is recognised.
      const itemId = this.store.itemIdOf(change.kind, change.id);
      if (itemId) state.itemToId[itemId] = change.id;
      if (state.entities[change.id]?.etag === change.etag) return;
      state.entities[change.id] = { value: change.value, etag: change.etag };
    }
    this.emit(change);
  }

  private emit(change: StoreChange): void {
    for (const listener of [...this.listeners]) listener(change);
  }

  private async save(): Promise<void> {
    if (!this.storage) return;
    const snapshot: Snapshot = {
      schema: schemaFingerprint(),
      siteId: this.store.lists.siteId,
      lists: Object.fromEntries(this.lists),
    };
    await this.storage.write(this.storageName, JSON.stringify(snapshot));
  }
}
