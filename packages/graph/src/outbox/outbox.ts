import { NotFoundError, type EntityKind, type EntityOf, type Patch, type Store, type Stored } from '@tandem/core';
import { isRetryableFailure } from '../store/storeErrors.js';
import type { CacheStorage } from '../sync/cacheStorage.js';

/** A write kept for later. Updates and deletes without an ETag take the one the previous queued write produced. */
export type OutboxWrite =
  | { op: 'create'; kind: EntityKind; value: EntityOf<EntityKind> }
  | { op: 'update'; kind: EntityKind; id: string; patch: Patch<EntityOf<EntityKind>>; etag?: string }
  | { op: 'delete'; kind: EntityKind; id: string; etag?: string };

/** A queued write with its place in line. */
export interface OutboxEntry {
  seq: number;
  write: OutboxWrite;
  queuedAt: string;
  /** Replay attempts so far. */
  attempts: number;
  /** The last error, for the UI. */
  lastError?: string;
}

/** The result of {@link Outbox.submit}: done now, or queued to be replayed. */
export type SubmitResult = { status: 'done'; stored?: Stored<unknown> } | { status: 'queued'; seq: number };

/** What one replay did. */
export interface FlushResult {
  sent: number;
  /** Still waiting (the first one failed again for a retryable reason). */
  pending: number;
  /** Moved to the failed list: they can never succeed as they are (a conflict, a validation error). */
  failed: number;
}

/** Tuning of an {@link Outbox}. */
export interface OutboxOptions {
  /** Where the queue survives restarts (the browser's storage, a file). Without it the queue lives in memory. */
  storage?: CacheStorage;
  /** Storage name. Default `outbox.json`. */
  name?: string;
  /** The time, for `queuedAt`. */
  now?: () => Date;
  /** Whether the host is offline now (writes are then queued without trying). */
  isOffline?: () => boolean;
  /**
   * Other processes use the same storage (another VS Code window, another CLI run): the queue is read afresh before
   * every change instead of once, so that one process never writes back a queue without another's writes. There is no
   * file lock; what remains is the moment between one read and its write.
   */
  shared?: boolean;
}

interface Persisted {
  nextSeq: number;
  pending: OutboxEntry[];
  failed: OutboxEntry[];
}

/**
 * Writes that could not be made now — offline, throttled, Graph unavailable, connection dropped — are kept (persisted
 * through the storage port) and replayed in order; none is ever dropped. A write that can never succeed as it is
 * (a conflict, a validation error) moves to {@link failed} for the user to resolve, with the error, rather than vanish.
 * Once anything is queued, later writes queue behind it so that order is kept.
 */
export class Outbox {
  private state: Persisted = { nextSeq: 1, pending: [], failed: [] };
  private loaded = false;
  private flushing: Promise<FlushResult> | undefined;
  /** Every read-change-save of the queue runs alone, in order (a replay and a submit may overlap). */
  private queue: Promise<unknown> = Promise.resolve();
  private readonly shared: boolean;
  private readonly storage: CacheStorage | undefined;
  private readonly name: string;
  private readonly now: () => Date;
  private readonly isOffline: () => boolean;

  constructor(
    private readonly store: Store,
    options: OutboxOptions = {},
  ) {
    this.storage = options.storage;
    this.name = options.name ?? 'outbox.json';
    this.now = options.now ?? (() => new Date());
    this.isOffline = options.isOffline ?? (() => false);
    this.shared = options.shared ?? false;
  }

  /** Writes waiting to be replayed, oldest first. */
  pending(): Promise<OutboxEntry[]> {
    return this.exclusive(async () => {
      await this.load();
      return this.state.pending.map((e) => ({ ...e }));
    });
  }

  /** Writes that failed for good; they stay here until {@link discardFailed} or {@link retryFailed}. */
  failed(): Promise<OutboxEntry[]> {
    return this.exclusive(async () => {
      await this.load();
      return this.state.failed.map((e) => ({ ...e }));
    });
  }

  /**
   * What waits and what failed for good, oldest first, from one read of the queue: with the queue shared between
   * processes, two reads could show a write that failed in between in both lists, or in neither.
   */
  entries(): Promise<{ pending: OutboxEntry[]; failed: OutboxEntry[] }> {
    return this.exclusive(async () => {
      await this.load();
      return { pending: this.state.pending.map((e) => ({ ...e })), failed: this.state.failed.map((e) => ({ ...e })) };
    });
  }

  /** How many writes wait and how many failed, from one read of the queue. */
  counts(): Promise<{ pending: number; failed: number }> {
    return this.exclusive(async () => {
      await this.load();
      return { pending: this.state.pending.length, failed: this.state.failed.length };
    });
  }

  /**
   * Makes the write now if nothing is queued and the host is online; if that fails for a retryable reason, or the host
   * is offline, or earlier writes are waiting, queues it. Other failures (conflict, validation) reject as usual.
   */
  async submit(write: OutboxWrite): Promise<SubmitResult> {
    const waiting = (await this.pending()).length;
    if (waiting === 0 && !this.isOffline()) {
      try {
        const stored = await this.apply(write, undefined);
        return stored ? { status: 'done', stored } : { status: 'done' };
      } catch (error) {
        if (!isRetryableFailure(error)) throw error;
        return { status: 'queued', seq: await this.enqueue(write, error) };
      }
    }
    return { status: 'queued', seq: await this.enqueue(write, undefined) };
  }

  /** Replays queued writes in order, stopping at the first retryable failure. Concurrent calls share one replay. */
  flush(): Promise<FlushResult> {
    this.flushing ??= this.doFlush().finally(() => {
      this.flushing = undefined;
    });
    return this.flushing;
  }

  /**
   * Replays every `intervalMs` (default 30 s) while writes are waiting, until the returned function is called;
   * errors of a replay go to `onError` and the next tick tries again. `onReplayed` hears what each replay did (a host
   * updates its pending count with it).
   */
  startReplaying(
    onError: (error: unknown) => void,
    intervalMs = 30_000,
    onReplayed?: (result: FlushResult) => void,
  ): () => void {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      try {
        if ((await this.pending()).length > 0) {
          const result = await this.flush();
          if (!stopped) onReplayed?.(result);
        }
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

  /** Puts failed writes back in the queue (after the user resolved what was wrong). */
  retryFailed(seqs?: number[]): Promise<void> {
    return this.exclusive(async () => {
      await this.load();
      const back = this.state.failed.filter((e) => !seqs || seqs.includes(e.seq));
      this.state.failed = this.state.failed.filter((e) => !back.includes(e));
      this.state.pending.push(...back);
      this.state.pending.sort((a, b) => a.seq - b.seq);
      await this.save();
    });
  }

  /** Forgets failed writes, as the user decided. */
  discardFailed(seqs: number[]): Promise<void> {
    return this.exclusive(async () => {
      await this.load();
      this.state.failed = this.state.failed.filter((e) => !seqs.includes(e.seq));
      await this.save();
    });
  }

  private async doFlush(): Promise<FlushResult> {
    const result: FlushResult = { sent: 0, pending: 0, failed: 0 };
    // ETags produced by this replay, so a queued update after a queued create/update of the same item chains on it.
    const etags = new Map<string, string>();
    for (;;) {
      const entry = await this.exclusive(async () => {
        await this.load();
        return this.isOffline() ? undefined : this.state.pending[0];
      });
      if (!entry) break;
      let stored: Stored<unknown> | undefined;
      let failure: unknown;
      let sent = false;
      try {
        stored = await this.apply(entry.write, etags);
        sent = true;
      } catch (error) {
        failure = error;
      }
      const retryLater = !sent && isRetryableFailure(failure);
      // The outcome is written onto the queue as it is now (another process may have changed it meanwhile).
      await this.exclusive(async () => {
        await this.load();
        const index = this.state.pending.findIndex((e) => e.seq === entry.seq);
        const current = index >= 0 ? this.state.pending[index]! : undefined;
        if (current) {
          current.attempts++;
          if (!sent) current.lastError = failure instanceof Error ? failure.message : String(failure);
          if (!retryLater) this.state.pending.splice(index, 1);
          if (!sent && !retryLater) this.state.failed.push(current);
        }
        await this.save();
      });
      if (retryLater) break;
      if (sent) {
        if (stored) etags.set(entityKey(entry.write, stored), stored.etag);
        result.sent++;
      } else result.failed++;
    }
    result.pending = (await this.pending()).length;
    return result;
  }

  private async apply(
    write: OutboxWrite,
    etags: Map<string, string> | undefined,
  ): Promise<Stored<unknown> | undefined> {
    switch (write.op) {
      case 'create':
        return this.store.create(write.kind, write.value);
      case 'update': {
        const etag =
          etags?.get(`${write.kind}:${write.id}`) ?? write.etag ?? (await this.currentEtag(write.kind, write.id));
        return this.store.update(write.kind, write.id, write.patch, etag);
      }
      case 'delete': {
        const etag =
          etags?.get(`${write.kind}:${write.id}`) ?? write.etag ?? (await this.currentEtag(write.kind, write.id));
        try {
          await this.store.delete(write.kind, write.id, etag);
        } catch (error) {
          // Gone already — an earlier attempt landed but its answer was lost, or someone else deleted it: either way
          // the item is gone, which is all this write asked for.
          if (!(error instanceof NotFoundError)) throw error;
        }
        return undefined;
      }
    }
  }

  private async currentEtag(kind: EntityKind, id: string): Promise<string> {
    // No ETag given: the write was made blind (e.g. offline, on a cached copy); the store's merge still guards it.
    const current = await this.store.get(kind, id);
    return current?.etag ?? '*';
  }

  private enqueue(write: OutboxWrite, error: unknown): Promise<number> {
    return this.exclusive(async () => {
      await this.load();
      const entry: OutboxEntry = {
        seq: this.state.nextSeq++,
        write,
        queuedAt: this.now().toISOString(),
        attempts: error === undefined ? 0 : 1,
        ...(error instanceof Error ? { lastError: error.message } : {}),
      };
      this.state.pending.push(entry);
      await this.save();
      return entry.seq;
    });
  }

  /** Runs `work` after every earlier read-change-save of this outbox has finished. */
  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async load(): Promise<void> {
    if (this.loaded && !this.shared) return;
    const first = !this.loaded;
    this.loaded = true;
    const text = await this.storage?.read(this.name);
    if (text && !first) {
      // Shared storage: every change of this process is saved at once, so the stored queue is the whole truth.
      this.state = JSON.parse(text) as Persisted;
    } else if (text) {
      const saved = JSON.parse(text) as Persisted;
      // Writes queued before this load (none normally) keep their place after the saved ones.
      this.state = {
        nextSeq: Math.max(saved.nextSeq, this.state.nextSeq),
        pending: [...saved.pending, ...this.state.pending],
        failed: [...saved.failed, ...this.state.failed],
      };
    }
  }

  private async save(): Promise<void> {
    await this.storage?.write(this.name, JSON.stringify(this.state));
  }
}

function entityKey(write: OutboxWrite, stored: Stored<unknown>): string {
  const id = write.op === 'create' ? (stored.value as { id: string }).id : write.id;
  return `${write.kind}:${id}`;
}
