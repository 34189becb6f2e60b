import { badRequest } from '../http/graphError.js';

/** The most requests one `$batch` may hold. */
export const maxBatchRequests = 20;

/** One validated request of a batch. */
export interface BatchSubRequest {
  id: string;
  method: string;
  /** The URL below `/v1.0`, starting with `/`. */
  url: string;
  headers: Record<string, string>;
  body: unknown;
  dependsOn: string[];
}

const methods = ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'];

/**
 * Validates a `$batch` body as Graph does before running anything: a `requests` array of 1–20 entries with unique
 * ids, a method, a relative URL, headers as strings, and `dependsOn` naming earlier requests of the same batch.
 */
export function parseBatchRequest(body: unknown): BatchSubRequest[] {
  if (typeof body !== 'object' || body === null || !Array.isArray((body as { requests?: unknown }).requests)) {
    throw badRequest(`A $batch body must be an object with a 'requests' array.`);
  }
  const raw = (body as { requests: unknown[] }).requests;
  if (raw.length === 0) throw badRequest('A $batch must hold at least one request.');
  if (raw.length > maxBatchRequests) {
    throw badRequest(`A $batch may hold at most ${maxBatchRequests} requests; this one holds ${raw.length}.`);
  }
  const seen = new Set<string>();
  return raw.map((entry, index) => {
    const where = `requests[${index}]`;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry))
      throw badRequest(`${where} must be an object.`);
    const r = entry as Record<string, unknown>;
    if (typeof r.id !== 'string' || r.id === '') throw badRequest(`${where}.id must be a non-empty string.`);
    if (seen.has(r.id)) throw badRequest(`Batch request ids must be unique; '${r.id}' appears twice.`);
    if (typeof r.method !== 'string' || !methods.includes(r.method.toUpperCase())) {
      throw badRequest(`${where}.method must be one of ${methods.join(', ')}.`);
    }
    if (typeof r.url !== 'string' || r.url === '') throw badRequest(`${where}.url must be a relative URL.`);
    if (/^[a-z]+:\/\//i.test(r.url))
      throw badRequest(`${where}.url must be relative to the service root, not '${r.url}'.`);
    let url = r.url.startsWith('/') ? r.url : `/${r.url}`;
    if (url.toLowerCase().startsWith('/v1.0/')) url = url.slice('/v1.0'.length);
    if (url.split('?')[0]!.toLowerCase() === '/$batch')
      throw badRequest(`${where}: a $batch cannot hold another $batch.`);
    const headers: Record<string, string> = {};
    if (r.headers !== undefined) {
      if (typeof r.headers !== 'object' || r.headers === null || Array.isArray(r.headers)) {
        throw badRequest(`${where}.headers must be an object of strings.`);
      }
      for (const [k, v] of Object.entries(r.headers)) {
        if (typeof v !== 'string') throw badRequest(`${where}.headers.${k} must be a string.`);
        headers[k.toLowerCase()] = v;
      }
    }
    if (r.body !== undefined && headers['content-type'] === undefined) {
      throw badRequest(`${where} has a body but no Content-Type header.`);
    }
    let dependsOn: string[] = [];
    if (r.dependsOn !== undefined) {
      if (!Array.isArray(r.dependsOn) || r.dependsOn.some((d) => typeof d !== 'string')) {
        throw badRequest(`${where}.dependsOn must be an array of request ids.`);
      }
      dependsOn = r.dependsOn as string[];
      for (const d of dependsOn) {
        if (!seen.has(d))
          throw badRequest(`${where}.dependsOn names '${d}', which is not an earlier request of this batch.`);
      }
    }
    seen.add(r.id);
    return { id: r.id, method: r.method.toUpperCase(), url, headers, body: r.body, dependsOn };
  });
}
