import { ENTITY_KINDS, type EntityKind, type Store, type StoreChange, type Stored } from '@tandem/core';
import { afterPaint } from '../app/afterPaint.js';
import { FIRST_KINDS, type PortfolioSnapshot, type PortfolioTables } from './portfolioSnapshot.js';

/**
 * Loads every kind of the portfolio once from a `Store` and keeps the result fresh from `store.watch`. The roadmap's
 * kinds ({@link FIRST_KINDS}) are published as soon as they are in, so the tab's first view draws without waiting
 * for the rest; views that need other kinds wait for them (see `PortfolioGate`'s `needs`).
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
        const rest = ENTITY_KINDS.filter((k) => !FIRST_KINDS.includes(k));
        // The roadmap's kinds are asked for alone, so the server and the browser's few connections serve them first;
        // the rest is asked for once the first view is painted (sending a dozen requests takes the main thread a
        // while), and shown when it arrives.
        const firstResults = await Promise.all(FIRST_KINDS.map((kind) => this.store.query(kind)));
        // On a reload the other kinds keep their last tables until theirs are in, so no view falls back to loading.
        const before = this.snapshot.status === 'ready' ? this.snapshot : undefined;
        const tables = before ? ({ ...before.tables } as unknown as Tables) : emptyTables();
        FIRST_KINDS.forEach((kind, i) => (tables[kind] = tableOf(firstResults[i]!)));
        this.publish(tables, new Set([...(before?.loaded ?? []), ...FIRST_KINDS]));
        await new Promise<void>((resolve) => afterPaint(resolve));
        const restResults = await Promise.all(rest.map((kind) => this.store.query(kind)));
        const all = { ...(this.snapshot.status === 'ready' ? this.snapshot.tables : tables) } as Tables;
        rest.forEach((kind, i) => (all[kind] = tableOf(restResults[i]!)));
        this.publish(all, new Set(ENTITY_KINDS));
      } catch (error) {
        this.loading = undefined;
        this.set({ status: 'error', error });
      }
    })();
    return this.loading;
  }

  /** Sets the tables of `loaded` kinds as ready, with the changes seen meanwhile for those kinds applied over them. */
  private publish(tables: Tables, loaded: ReadonlySet<EntityKind>): void {
    const waiting: StoreChange[] = [];
    for (const change of this.pending) {
      if (!loaded.has(change.kind)) waiting.push(change);
      else {
        tables[change.kind] = new Map(tables[change.kind]);
        applyChange(tables, change);
      }
    }
    this.pending = waiting;
    const version = this.snapshot.status === 'ready' ? this.snapshot.version + 1 : 1;
    this.set({ status: 'ready', tables: tables as unknown as PortfolioTables, version, loaded });
  }

  private apply(change: StoreChange): void {
    if (this.snapshot.status !== 'ready' || !this.snapshot.loaded.has(change.kind)) {
      this.pending.push(change);
      return;
    }
    // Copy only the changed kind's table: other tables keep their identity, so memoised views skip work.
    const tables = { ...this.snapshot.tables } as unknown as Record<EntityKind, Map<string, Stored<unknown>>>;
    tables[change.kind] = new Map(tables[change.kind]);
    applyChange(tables, change);
    this.set({ ...this.snapshot, tables: tables as unknown as PortfolioTables, version: this.snapshot.version + 1 });
  }

  private set(snapshot: PortfolioSnapshot): void {
    this.snapshot = snapshot;
    for (const listener of [...this.listeners]) listener();
  }
}

type Tables = Record<EntityKind, Map<string, Stored<unknown>>>;

function emptyTables(): Tables {
  return Object.fromEntries(ENTITY_KINDS.map((k) => [k, new Map()])) as Tables;
}

function tableOf(results: readonly Stored<unknown>[]): Map<string, Stored<unknown>> {
  return new Map(results.map((s) => [(s.value as { id: string }).id, s]));
}

function applyChange(tables: Tables, change: StoreChange): void {
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
