import type { Link, Store } from '@tandem/core';
import { isRetryableFailure, type GraphStore, type Outbox } from '@tandem/graph';
import type { LinkStore } from '@tandem/git';

/** What a {@link KeepingLinkStore} did with the links handed to it. */
export interface KeptCounts {
  /** Written to Graph now. */
  sent: number;
  /** Kept in the outbox (Graph unreachable), or already waiting there from an earlier run. */
  kept: number;
}

/**
 * The store a publish writes commit links through: batches go to Graph while it answers; from the first retryable
 * failure (after the Graph client's own retries) or when Graph was unreachable from the start, every link goes to the
 * outbox instead, so the publish completes and its mark may move. Links are created by their stable id, and a create
 * is idempotent by id, so a link whose batch was applied but not answered is safe to send again.
 */
export class KeepingLinkStore implements LinkStore {
  readonly counts: KeptCounts = { sent: 0, kept: 0 };
  private keeping: boolean;
  private waiting: Set<string> | undefined;

  /**
   * @param store Graph's store, or undefined when Graph could not be reached
   * @param outbox the outbox over `store`, whose `isOffline` asks {@link keepingAll}
   * @param reads where reads go (Graph's store, or one that says Graph is unreachable)
   */
  constructor(
    private readonly store: GraphStore | undefined,
    private readonly outbox: Outbox,
    private readonly reads: Store,
  ) {
    this.keeping = store === undefined;
  }

  /** Whether links now go to the outbox without trying Graph. */
  keepingAll(): boolean {
    return this.keeping;
  }

  async createMany(_kind: 'link', links: readonly Link[]): Promise<void> {
    if (!this.keeping && this.store && (await this.outbox.pending()).length === 0) {
      try {
        await this.store.createMany('link', links);
        this.counts.sent += links.length;
        return;
      } catch (error) {
        if (!isRetryableFailure(error)) throw error;
        this.keeping = true;
      }
    }
    this.waiting ??= new Set(
      (await this.outbox.pending()).flatMap((e) => (e.write.op === 'create' ? [e.write.value.id] : [])),
    );
    for (const link of links) {
      if (!this.waiting.has(link.id)) {
        // With earlier writes waiting, or offline, the outbox queues without trying: order is kept.
        const result = await this.outbox.submit({ op: 'create', kind: 'link', value: link });
        if (result.status === 'done') {
          this.counts.sent++;
          continue;
        }
        this.waiting.add(link.id);
      }
      this.counts.kept++;
    }
  }

  // A publish writes through createMany only; the rest of the port reads (and writes) directly.
  create: Store['create'] = (kind, value) => this.reads.create(kind, value);
  get: Store['get'] = (kind, id) => this.reads.get(kind, id);
  getByKey: Store['getByKey'] = (kind, key) => this.reads.getByKey(kind, key);
  update: Store['update'] = (kind, id, patch, etag) => this.reads.update(kind, id, patch, etag);
  delete: Store['delete'] = (kind, id, etag) => this.reads.delete(kind, id, etag);
  query: Store['query'] = (kind, options) => this.reads.query(kind, options);
  watch: Store['watch'] = (listener) => this.reads.watch(listener);
}
