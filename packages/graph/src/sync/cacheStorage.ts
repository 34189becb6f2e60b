/**
 * Where the adapter keeps what must outlive the process: the portfolio cache and the outbox.
 * A tiny named-text store, so every host can supply one: memory (tests, a browser without storage), the
 * browser's `localStorage`, or a folder on disk in Node and VS Code (`FileCacheStorage` from `@tandem/graph/node`).
 */
export interface CacheStorage {
  /** The text saved under `name`, or undefined. */
  read(name: string): Promise<string | undefined>;
  /** Saves `text` under `name`, replacing what was there; resolves once it is durable. */
  write(name: string, text: string): Promise<void>;
  /** Forgets `name`. */
  remove(name: string): Promise<void>;
}

/** Keeps everything in memory: lost with the process. */
export class MemoryCacheStorage implements CacheStorage {
  private readonly entries = new Map<string, string>();

  async read(name: string): Promise<string | undefined> {
    return this.entries.get(name);
  }

  async write(name: string, text: string): Promise<void> {
    this.entries.set(name, text);
  }

  async remove(name: string): Promise<void> {
    this.entries.delete(name);
  }
}

/** The part of the DOM's `Storage` (`localStorage`) that {@link WebCacheStorage} uses. */
export interface WebStorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Keeps entries in a browser `Storage` (e.g. `localStorage`) under a prefix. */
export class WebCacheStorage implements CacheStorage {
  constructor(
    private readonly storage: WebStorageLike,
    private readonly prefix = 'tandem:',
  ) {}

  async read(name: string): Promise<string | undefined> {
    return this.storage.getItem(this.prefix + name) ?? undefined;
  }

  async write(name: string, text: string): Promise<void> {
    this.storage.setItem(this.prefix + name, text);
  }

  async remove(name: string): Promise<void> {
    this.storage.removeItem(this.prefix + name);
  }
}
