import { createHash } from 'node:crypto';
import * as vscode from 'vscode';
import {
  KeepingStore,
  Outbox,
  type BatchCreateStore,
  type FlushResult,
  type OutboxEntry,
  type OutboxWrite,
  type SubmitResult,
} from '@tandem/graph';
import { FileCacheStorage } from '@tandem/graph/node';
import type { Store } from '@tandem/core';
import type { Connection } from '../data/portfolioService.js';

/** The writes waiting and failed, as last read. */
export interface OutboxCounts {
  pending: number;
  failed: number;
}

/** How often writes are tried again while some wait. */
const REPLAY_INTERVAL_MS = 30_000;

/**
 * The extension's outbox: writes made while Graph is unreachable (published commit links, Roadmap edits) are kept in
 * the extension's global storage, one file per connection, and sent on activation, on Refresh, and every 30 s while
 * some wait. A write Graph refuses for good (a conflict, a validation error) stays in the failed list for the user.
 */
export class WriteOutbox implements vscode.Disposable {
  private outbox: Outbox | undefined;
  private connection: Connection | undefined;
  private activePublish: KeepingStore | undefined;
  private stopReplaying: (() => void) | undefined;
  private shown: OutboxCounts = { pending: 0, failed: 0 };
  private readonly changed = new vscode.EventEmitter<OutboxCounts>();
  /** Fires with the new counts whenever writes are kept, sent, failed, retried or discarded. */
  readonly onDidChange = this.changed.event;

  /**
   * @param folder the extension's global storage folder
   * @param log the output channel
   * @param onSent called after kept writes were sent (to read the portfolio again)
   */
  constructor(
    private readonly folder: string,
    private readonly log: { info(m: string): void; warn(m: string): void },
    private readonly onSent: () => void,
  ) {}

  /** The counts as last read. */
  get counts(): OutboxCounts {
    return this.shown;
  }

  /** Uses the outbox of `connection` (kept per connection id), or none when signed out. */
  async use(connection: Connection | undefined): Promise<void> {
    this.stopReplaying?.();
    this.stopReplaying = undefined;
    this.connection = connection;
    this.outbox = connection
      ? new Outbox(connection.store, {
          storage: new FileCacheStorage(this.folder),
          name: outboxName(connection.id),
          // Every VS Code window of this user shares the global storage: read the queue afresh before each change.
          shared: true,
          // During a publish that met an unreachable Graph, the rest is kept without trying again.
          isOffline: () => this.activePublish?.keepingAll() ?? false,
        })
      : undefined;
    await this.update();
  }

  /** Whether the outbox in use is over `connection`. */
  isFor(connection: Connection | undefined): boolean {
    return connection === this.connection;
  }

  /** Makes the write now, or keeps it when Graph is unreachable. */
  async submit(write: OutboxWrite): Promise<SubmitResult> {
    const result = await this.current().submit(write);
    if (result.status === 'queued') this.log.warn(`kept a ${write.op} of a ${write.kind}: Graph is unreachable`);
    await this.update();
    return result;
  }

  /**
   * The store a publish creates links through: batches while Graph answers, this outbox from the first retryable
   * failure on (then the rest of the publish is kept without trying again). Call {@link endPublish} when it is done.
   */
  startPublish(store: Store): KeepingStore {
    if (typeof (store as Partial<BatchCreateStore>).createMany !== 'function')
      throw new TypeError('publishing needs a store that creates in batches');
    this.activePublish = new KeepingStore(store as BatchCreateStore, this.current(), store);
    return this.activePublish;
  }

  /** The publish is over: writes are tried again as usual, and the count is shown. */
  async endPublish(): Promise<void> {
    this.activePublish = undefined;
    await this.update();
  }

  /** Sends what waits, in order; stops at the first retryable failure. */
  async replay(): Promise<FlushResult | undefined> {
    if (!this.outbox) return undefined;
    const result = await this.outbox.flush();
    await this.replayed(result);
    return result;
  }

  /** What waits and what failed, oldest first. */
  async entries(): Promise<{ pending: OutboxEntry[]; failed: OutboxEntry[] }> {
    if (!this.outbox) return { pending: [], failed: [] };
    return this.outbox.entries();
  }

  /** Puts failed writes back in line and sends. */
  async retry(seqs: number[]): Promise<FlushResult | undefined> {
    await this.current().retryFailed(seqs);
    return this.replay();
  }

  /** Forgets failed writes, as the user decided. */
  async discard(seqs: number[]): Promise<void> {
    await this.current().discardFailed(seqs);
    await this.update();
  }

  dispose(): void {
    this.stopReplaying?.();
    this.changed.dispose();
  }

  private current(): Outbox {
    if (!this.outbox) throw new Error('Connect Tandem first (Tandem: Sign In, or set tandem.graphUrl).');
    return this.outbox;
  }

  private async replayed(result: FlushResult): Promise<void> {
    if (result.sent > 0) {
      this.log.info(`sent ${result.sent} kept write(s); ${result.pending} still waiting`);
      this.onSent();
    }
    if (result.failed > 0)
      this.log.warn(`${result.failed} kept write(s) failed for good: see Tandem: Show Writes Waiting for Graph`);
    await this.update();
  }

  /** Reads the counts, tells listeners, and replays periodically exactly while something waits. */
  private async update(): Promise<void> {
    const outbox = this.outbox;
    const counts = outbox ? await outbox.counts() : { pending: 0, failed: 0 };
    this.shown = counts;
    if (outbox && counts.pending > 0 && !this.stopReplaying) {
      this.stopReplaying = outbox.startReplaying(
        (error) => this.log.warn(`replaying kept writes: ${error instanceof Error ? error.message : String(error)}`),
        REPLAY_INTERVAL_MS,
        (result) => void this.replayed(result),
      );
    } else if (counts.pending === 0 && this.stopReplaying) {
      this.stopReplaying();
      this.stopReplaying = undefined;
    }
    this.changed.fire(counts);
  }
}

/** The storage name of a connection's outbox (the connection id names a server and a user: hashed). */
function outboxName(connectionId: string): string {
  return `outbox-${createHash('sha256').update(connectionId).digest('hex').slice(0, 16)}.json`;
}
