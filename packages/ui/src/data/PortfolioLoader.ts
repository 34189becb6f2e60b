import { ENTITY_KINDS, type EntityKind, type Store, type StoreChange, type Stored } from '@tandem/core';
import type { PortfolioSnapshot, PortfolioTables } from './portfolioSnapshot.js';

/**
 * Loads every kind of the portfolio once from a `Store` and keeps the result fresh from `store.watch`.
 * One loader per store (see {@link loaderFor}) so that every view of a page shares one load and one subscription.
 */
export class PortfolioLoader {
  private snapshot: PortfolioSnapshot = { status: 'loading' };
  private readonly listeners = new Set<() => void>();
  private unwatch: (() => void) | undefined;
  private loading: Promise<void> | undefined;
  /** Changes seen while the first load runs, applied over its result so none is lost. */
  private pending: StoreChange[] = [];

  constructor(private readonly store: Store) {}

  /** The current snapshot (stable between changes, as `useSyncExternalStore` needs). */
  getSnapshot = (): PortfolioSnapshot => this.snapshot;

  /** Subscribes a React listener; the first subscriber starts loading and watching. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    if (!this.unwatch) {
      this.unwatch = this.store.watch((change) => this.apply(change));
      void this.load();
    }
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0 && this.unwatch) {
        this.unwatch();
        this.unwatch = undefined;
      }
    };
  };

  /** Loads everything again (the Retry button of an error, or a refresh the user asks for). */
  reload = (): Promise<void> => {
    this.loading = undefined;
    if (this.snapshot.status === 'error') this.set({ status: 'loading' });
    return this.load();
  };

  private load(): Promise<void> {
    if (this.loading) return this.loading;
    this.pending = [];
    this.loading = (async () => {
      try {
        const results = await Promise.all(ENTITY_KINDS.map((kind) => this.store.query(kind)));
        const tables = {} as Record<EntityKind, Map<string, Stored<unknown>>>;
        ENTITY_KINDS.forEach((kind, i) => {
          tables[kind] = new Map(results[i]!.map((s) => [(s.value as { id: string }).id, s as Stored<unknown>]));
        });
        for (const change of this.pending) applyChange(tables, change);
        this.pending = [];
        const version = this.snapshot.status === 'ready' ? this.snapshot.version + 1 : 1;
        this.set({ status: 'ready', tables: tables as unknown as PortfolioTables, version });
      } catch (error) {
        this.loading = undefined;
        this.set({ status: 'error', error });
      }
    })();
    return this.loading;
  }

  private apply(change: StoreChange): void {
    if (this.snapshot.status !== 'ready') {
      this.pending.push(change);
      return;
    }
    // Copy only the changed kind's table: other tables keep their identity, so memoised views skip work.
    const tables = { ...this.snapshot.tables } as unknown as Record<EntityKind, Map<string, Stored<unknown>>>;
    tables[change.kind] = new Map(tables[change.kind]);
    applyChange(tables, change);
    this.set({ status: 'ready', tables: tables as unknown as PortfolioTables, version: this.snapshot.version + 1 });
  }

  private set(snapshot: PortfolioSnapshot): void {
    this.snapshot = snapshot;
    for (const listener of [...this.listeners]) listener();
  }
}

function applyChange(tables: Record<EntityKind, Map<string, Stored<unknown>>>, change: StoreChange): void {
  if (change.deleted) tables[change.kind].delete(change.id);
  else tables[change.kind].set(change.id, { value: change.value, etag: change.etag });
}

const loaders = new WeakMap<Store, PortfolioLoader>();

/** The one loader of `store`, made on first use. */
export function loaderFor(store: Store): PortfolioLoader {
  let loader = loaders.get(store);
  if (!loader) {
    loader = new PortfolioLoader(store);
    loaders.set(store, loader);
  }
  return loader;
}
