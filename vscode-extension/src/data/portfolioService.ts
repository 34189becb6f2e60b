import type { PersonRef, Store } from '@tandem/core';
import { deriveInsights, type Insights } from './insights.js';
import { emptyPortfolio, type Portfolio } from './portfolio.js';
import type { PortfolioSource } from './portfolioSource.js';

/** Where the portfolio comes from right now. */
export type ConnectionState = 'disconnected' | 'connecting' | 'online' | 'offline';

/** A store to read from and who the user is. */
export interface Connection {
  store: Store;
  me: PersonRef;
  /** Names the tenant and site (or local server): the cache is kept per connection. */
  id: string;
  mode: 'local' | 'tenant';
  /** The portfolio: cached, and refreshed. */
  source: PortfolioSource;
}

/**
 * Holds the portfolio the views, hovers and status bar show: the cached copy at once, then a fresh one from the source.
 * Loading never blocks the caller; listeners hear about every change.
 */
export class PortfolioService {
  private current: Portfolio = emptyPortfolio();
  private derived: Insights;
  private connection: Connection | undefined;
  private status: ConnectionState = 'disconnected';
  private lastError: Error | undefined;
  private readonly listeners = new Set<() => void>();
  private loading: Promise<void> | undefined;

  constructor(private readonly now: () => Date = () => new Date()) {
    this.derived = deriveInsights(this.current, this.now());
  }

  /** The portfolio as last read. */
  get portfolio(): Portfolio {
    return this.current;
  }

  /** Progress, health and ranks of the current portfolio. */
  get insights(): Insights {
    return this.derived;
  }

  get state(): ConnectionState {
    return this.status;
  }

  /** Why the last refresh failed, if it did. */
  get error(): Error | undefined {
    return this.lastError;
  }

  /** The connection in use, if any. */
  get active(): Connection | undefined {
    return this.connection;
  }

  /** Registers a listener; returns its disposer. */
  onDidChange(listener: () => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** Uses `connection` from now on: shows its cached portfolio at once, then refreshes in the background. */
  async connect(connection: Connection): Promise<void> {
    this.connection?.source.dispose();
    this.connection = connection;
    this.status = 'connecting';
    const cached = await connection.source.load().catch((error: unknown) => {
      this.lastError = error instanceof Error ? error : new Error(String(error));
      return undefined; // an unreadable cache is only a slower start
    });
    if (cached) this.set(cached);
    else this.emit();
    return this.refresh();
  }

  /** Connecting failed before a store existed (bad settings, sign-in, the server unreachable): keep the cache, say why. */
  fail(error: unknown): void {
    this.status = 'offline';
    this.lastError = error instanceof Error ? error : new Error(String(error));
    this.emit();
  }

  /** Forgets the connection (signed out); the cache stays for next time. */
  disconnect(): void {
    this.connection?.source.dispose();
    this.connection = undefined;
    this.status = 'disconnected';
    this.set(emptyPortfolio());
  }

  /** Reads the portfolio again; on failure keeps what it has and goes offline. Concurrent calls share one load. */
  refresh(): Promise<void> {
    const connection = this.connection;
    if (!connection) return Promise.resolve();
    this.loading ??= (async () => {
      try {
        const portfolio = await connection.source.refresh();
        if (this.connection !== connection) return;
        this.status = 'online';
        this.lastError = undefined;
        this.set(portfolio);
      } catch (error) {
        if (this.connection !== connection) return;
        this.status = 'offline';
        this.lastError = error instanceof Error ? error : new Error(String(error));
        this.emit();
      } finally {
        this.loading = undefined;
      }
    })();
    return this.loading;
  }

  private set(portfolio: Portfolio): void {
    this.current = portfolio;
    this.derived = deriveInsights(portfolio, this.now());
    this.emit();
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}
