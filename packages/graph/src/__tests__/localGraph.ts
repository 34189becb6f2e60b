import { startGraphLocal, type GraphLocalServer } from '@tandem/graph-local';
import { createGraphClient, type GraphClient } from '../client/graphClient.js';
import { localTokenProvider } from '../client/localTokenProvider.js';
import type { RetryPolicy } from '../client/retryPolicy.js';

/** A local Graph server for one suite, and helpers to reach its `/_local` endpoints. */
export interface LocalGraph {
  server: GraphLocalServer;
  /** A client signed in as `user` (Adele by default), with fast retries unless told otherwise. */
  client(options?: {
    user?: string;
    retry?: Partial<RetryPolicy>;
    timeoutMs?: number;
    batchReads?: boolean;
  }): GraphClient;
  /** `POST /_local/faults` */
  faults(rule: Record<string, unknown>): Promise<void>;
  /** `DELETE /_local/faults` */
  clearFaults(): Promise<void>;
  /** `GET /_local/stats` */
  stats(): Promise<LocalStats>;
  /** `DELETE /_local/stats` */
  resetStats(): Promise<void>;
  close(): Promise<void>;
}

/** Request and resource-unit counts kept by the local server. */
export interface LocalStats {
  /** HTTP requests (a `$batch` counts once). */
  requests: number;
  /** Requests inside `$batch` bodies. */
  batchedRequests: number;
  resourceUnits: number;
  /** Answers of 429 or 503. */
  throttled: number;
}

/** Fast retries for tests: the same logic, waits of a few milliseconds. */
export const testRetry: Partial<RetryPolicy> = { baseDelayMs: 2, maxDelayMs: 20, maxRetries: 10 };

/** Starts an in-memory local Graph server. */
export async function startLocalGraph(): Promise<LocalGraph> {
  const server = await startGraphLocal({ port: 0, memory: true });
  const local = async (method: string, path: string, body?: unknown): Promise<unknown> => {
    const response = await fetch(`${server.origin}/_local/${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? null : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} /_local/${path}: ${response.status} ${await response.text()}`);
    const text = await response.text();
    return text ? (JSON.parse(text) as unknown) : undefined;
  };
  return {
    server,
    client: (options = {}) =>
      createGraphClient({
        baseUrl: server.url,
        tokenProvider: localTokenProvider(server.origin, options.user ?? 'adele@contoso.test'),
        retry: { ...testRetry, ...options.retry },
        ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
        ...(options.batchReads ? { batchReads: true } : {}),
      }),
    faults: async (rule) => {
      await local('POST', 'faults', rule);
    },
    clearFaults: async () => {
      await local('DELETE', 'faults');
    },
    stats: async () => {
      const snapshot = (await local('GET', 'stats')) as { apps: Record<string, LocalStats> };
      const total: LocalStats = { requests: 0, batchedRequests: 0, resourceUnits: 0, throttled: 0 };
      for (const app of Object.values(snapshot.apps)) {
        for (const k of ['requests', 'batchedRequests', 'resourceUnits', 'throttled'] as const) total[k] += app[k];
      }
      return total;
    },
    resetStats: async () => {
      await local('DELETE', 'stats');
    },
    close: () => server.close(),
  };
}
