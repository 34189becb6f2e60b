import type { GraphClient, GraphMethod } from '../client/graphClient.js';
import { GraphError, graphErrorFromResponse, isRetryableStatus, parseRetryAfter } from '../client/graphError.js';
import { retryDelayMs } from '../client/retryPolicy.js';

/** Graph's documented limit of requests in one `$batch`. */
export const maxBatchSize = 20;

/** One request of a JSON batch. `url` is relative to the version root (`/sites/{id}/lists`). */
export interface BatchRequest {
  id: string;
  method: GraphMethod;
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
  /** Ids of earlier requests that must succeed first (Graph answers 424 otherwise). */
  dependsOn?: string[];
}

/** The outcome of one request of a batch. `error` is set for every non-2xx status. */
export interface BatchResult<T = unknown> {
  id: string;
  status: number;
  headers: Record<string, string>;
  body: T;
  error?: GraphError;
}

interface BatchResponseBody {
  responses?: { id?: unknown; status?: unknown; headers?: Record<string, string>; body?: unknown }[];
}

/**
 * Sends `requests` as JSON batches of at most {@link maxBatchSize}, split in order; a dependency in an earlier
 * batch has completed by the time a later one is sent (and a request whose dependency failed is answered 424
 * without being sent). Throttled or unavailable sub-requests (429/503/504) are sent again, with their dependants,
 * after the longest `Retry-After` among them, up to the client's retry cap. Returns one result per request, by id.
 */
export async function runBatch(
  client: GraphClient,
  requests: readonly BatchRequest[],
): Promise<Map<string, BatchResult>> {
  checkRequests(requests);
  const results = new Map<string, BatchResult>();
  for (let start = 0; start < requests.length; start += maxBatchSize) {
    await runChunk(client, requests.slice(start, start + maxBatchSize), results);
  }
  return results;
}

/** Like {@link runBatch}, but throws the first failure (in request order). */
export async function runBatchOrThrow(
  client: GraphClient,
  requests: readonly BatchRequest[],
): Promise<Map<string, BatchResult>> {
  const results = await runBatch(client, requests);
  for (const request of requests) {
    const error = results.get(request.id)?.error;
    if (error) throw error;
  }
  return results;
}

function checkRequests(requests: readonly BatchRequest[]): void {
  const seen = new Set<string>();
  for (const request of requests) {
    if (seen.has(request.id)) throw new Error(`batch: request id ${request.id} is used twice`);
    for (const dependency of request.dependsOn ?? []) {
      if (!seen.has(dependency))
        throw new Error(`batch: ${request.id} depends on ${dependency}, which does not come before it`);
    }
    seen.add(request.id);
  }
}

async function runChunk(
  client: GraphClient,
  chunk: readonly BatchRequest[],
  results: Map<string, BatchResult>,
): Promise<void> {
  const policy = client.retryPolicy;
  let pending = [...chunk];
  for (let attempt = 0; pending.length > 0; attempt++) {
    const toSend: BatchRequest[] = [];
    const inChunk = new Set(pending.map((r) => r.id));
    for (const request of pending) {
      const failedDependency = (request.dependsOn ?? []).find((d) => !inChunk.has(d) && results.get(d)?.error);
      if (failedDependency) {
        results.set(request.id, failedDependencyResult(request, failedDependency));
        inChunk.delete(request.id);
        continue;
      }
      toSend.push(request);
    }
    if (toSend.length === 0) return;
    const sentIds = new Set(toSend.map((r) => r.id));
    const body = {
      requests: toSend.map((r) => ({
        id: r.id,
        method: r.method,
        url: r.url,
        ...(r.body !== undefined ? { body: r.body } : {}),
        headers: { ...(r.body !== undefined ? { 'content-type': 'application/json' } : {}), ...r.headers },
        // Dependencies already completed in an earlier round are not named: Graph only knows this batch.
        ...(r.dependsOn?.some((d) => sentIds.has(d)) ? { dependsOn: r.dependsOn.filter((d) => sentIds.has(d)) } : {}),
      })),
    };
    const reads = toSend.every((r) => r.method === 'GET');
    const response = await client.post<BatchResponseBody>('/$batch', body, { safeToRepeat: reads });
    const byId = new Map((response?.responses ?? []).map((r) => [String(r.id), r]));
    const retry: BatchRequest[] = [];
    let retryAfter: number | undefined;
    for (const request of toSend) {
      const answer = byId.get(request.id);
      if (!answer) {
        throw new GraphError({
          code: 'invalidResponse',
          status: 200,
          message: `the batch response has no answer for request ${request.id}`,
          request: 'POST /$batch',
        });
      }
      const status = Number(answer.status);
      const headers = lowerKeys(answer.headers ?? {});
      const transient = isRetryableStatus(status) && (status !== 504 || request.method !== 'POST');
      const blockedByTransient = status === 424 && (request.dependsOn ?? []).some((d) => retry.some((r) => r.id === d));
      if ((transient || blockedByTransient) && attempt < policy.maxRetries) {
        retry.push(request);
        const seconds = parseRetryAfter(headers['retry-after']);
        if (seconds !== undefined) retryAfter = Math.max(retryAfter ?? 0, seconds);
        continue;
      }
      const result: BatchResult = { id: request.id, status, headers, body: answer.body };
      if (status < 200 || status >= 300) {
        result.error = graphErrorFromResponse(
          `${request.method} ${request.url.split('?')[0]} (in $batch)`,
          status,
          { get: (name) => headers[name.toLowerCase()] ?? null },
          answer.body,
        );
      }
      results.set(request.id, result);
    }
    if (retry.length === 0) return;
    await policy.sleep(retryDelayMs(policy, attempt, retryAfter));
    pending = retry;
  }
}

function failedDependencyResult(request: BatchRequest, dependency: string): BatchResult {
  const body = { error: { code: 'failedDependency', message: `request ${dependency} failed` } };
  return {
    id: request.id,
    status: 424,
    headers: {},
    body,
    error: graphErrorFromResponse(
      `${request.method} ${request.url.split('?')[0]} (in $batch)`,
      424,
      { get: () => null },
      body,
    ),
  };
}

function lowerKeys(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
}
