import type { EntityKind, EntityOf, Store } from '@tandem/core';
import { isRetryableFailure } from '../store/storeErrors.js';
import type { Outbox } from './outbox.js';

/** A store that can create many items at once (Graph's `$batch`, as `GraphStore.createMany`). */
export interface BatchCreateStore extends Store {
  createMany<K extends EntityKind>(kind: K, values: readonly EntityOf<K>[]): Promise<unknown>;
}

/** What a {@link KeepingStore} did with the creates handed to it. */
export interface KeptCounts {
  /** Written to the store now. */
  sent: number;
  /** Kept in the outbox (the store unreachable), or already waiting there from an earlier run. */
  kept: number;
}

/**
 * The store a bulk writer (a commit-link publish) creates through: batches go to the store while it answers; from the
 * first retryable failure (after the Graph client's own retries), or when the store was unreachable from the start,
 * every create goes to the outbox instead, so the writer completes and may record its progress. Creates are made by
 * the entity's own id, and a create is idempotent by id, so a batch that was applied but not answered is safe to send
 * again from the outbox. Reads, updates and deletes go straight to `reads`.
 */
export class KeepingStore implements Store {
  readonly counts: KeptCounts = { sent: 0, kept: 0 };
  private keeping: boolean;
  private waiting: Set<string> | undefined;

  /**
   * @param store the store, or undefined when it could not be reached at all
   * @param outbox the outbox over the same store; give it `isOffline: () => keeping.keepingAll()`
   * @param reads where everything but creates goes (the store, or one that says it is unreachable)
   */
  constructor(
    private readonly store: BatchCreateStore | undefined,
    private readonly outbox: Outbox,
    private readonly reads: Store,
  ) {
    this.keeping = store === undefined;
  }

  /** Whether creates now go to the outbox without trying the store. */
  keepingAll(): boolean {
    return this.keeping;
  }

  /** Creates `values` in one batch, or keeps them in the outbox (each once) when the store is unreachable. */
  async createMany<K extends EntityKind>(kind: K, values: readonly EntityOf<K>[]): Promise<void> {
    if (!this.keeping && this.store && (await this.outbox.pending()).length === 0) {
      try {
        await this.store.createMany(kind, values);
        this.counts.sent += values.length;
        return;
      } catch (error) {
        if (!isRetryableFailure(error)) throw error;
        this.keeping = true;
      }
    }
    this.waiting ??= new Set(
      (await this.outbox.pending()).flatMap((e) =>
        e.write.op === 'create' ? [`${e.write.kind}:${e.write.value.id}`] : [],
      ),
    );
    for (const value of values) {
      const key = `${kind}:${value.id}`;
      if (!this.waiting.has(key)) {
        // With earlier writes waiting, or offline, the outbox queues without trying: order is kept.
        const result = await this.outbox.submit({ op: 'create', kind, value });
        if (result.status === 'done') {
          this.counts.sent++;
          continue;
        }
        this.waiting.add(key);
      }
      this.counts.kept++;
    }
  }

  create: Store['create'] = (kind, value) => this.reads.create(kind, value);
  get: Store['get'] = (kind, id) => this.reads.get(kind, id);
  getByKey: Store['getByKey'] = (kind, key) => this.reads.getByKey(kind, key);
  update: Store['update'] = (kind, id, patch, etag) => this.reads.update(kind, id, patch, etag);
  delete: Store['delete'] = (kind, id, etag) => this.reads.delete(kind, id, etag);
  query: Store['query'] = (kind, options) => this.reads.query(kind, options);
  watch: Store['watch'] = (listener) => this.reads.watch(listener);
}
