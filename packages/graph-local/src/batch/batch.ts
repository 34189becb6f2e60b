import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { jsonContentType } from '../graphService.js';
import type { BatchHandler, ServiceResponse } from '../graphService.js';
import { GraphError, badRequest } from '../http/graphError.js';
import { errorBody } from '../http/errorBody.js';
import { parseBatchRequest } from './batchRequest.js';

/** One entry of a `$batch` answer. */
export interface BatchResponseEntry {
  id: string;
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

/**
 * `POST /$batch` (JSON batching): up to 20 requests, each run as its own request (its own transaction, its own
 * faults, its own status and headers — a throttled one carries its own Retry-After). A request whose `dependsOn`
 * names a failed request is not run and answers 424 Failed Dependency. The batch itself answers 200.
 */
export const handleBatch: BatchHandler = async (service, request, principal) => {
  const query = new URL(request.target, 'http://local').searchParams;
  for (const key of query.keys())
    if (key.startsWith('$')) throw badRequest(`Query option '${key}' is not allowed on $batch.`);
  const requests = parseBatchRequest(request.body);
  const outcome = new Map<string, number>();
  const responses: BatchResponseEntry[] = [];
  for (const sub of requests) {
    const failed = sub.dependsOn.find((id) => (outcome.get(id) ?? 0) >= 400);
    if (failed !== undefined) {
      const error = new GraphError(
        424,
        'FailedDependency',
        `The request depends on request '${failed}', which failed.`,
      );
      const requestId = randomUUID();
      outcome.set(sub.id, 424);
      responses.push({
        id: sub.id,
        status: 424,
        headers: { 'Content-Type': jsonContentType },
        body: errorBody(error, service.clock.now(), requestId, requestId),
      });
      continue;
    }
    const headers: IncomingHttpHeaders = { ...sub.headers, authorization: request.headers.authorization };
    const answer: ServiceResponse = await service.execute(
      { method: sub.method, target: sub.url, headers, body: sub.body, serviceRoot: request.serviceRoot },
      true,
      principal,
    );
    outcome.set(sub.id, answer.status);
    const entry: BatchResponseEntry = { id: sub.id, status: answer.status, headers: canonicalHeaders(answer.headers) };
    if (answer.body !== undefined && answer.status !== 204) {
      entry.headers['Content-Type'] = jsonContentType;
      entry.body = answer.body;
    }
    responses.push(entry);
  }
  return { status: 200, body: { responses } };
};

/**
 * Header names as Graph writes them inside a batch answer (`Retry-After`, `Content-Type`, `ETag`): the SDK's
 * BatchResponseContent looks for `Content-Type` spelled exactly so.
 */
function canonicalHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    const canonical =
      name.toLowerCase() === 'etag'
        ? 'ETag'
        : name.replace(/(^|-)([a-z])/g, (_m, dash: string, c: string) => dash + c.toUpperCase());
    out[canonical] = value;
  }
  return out;
}
