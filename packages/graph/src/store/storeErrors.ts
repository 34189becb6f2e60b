import { StoreError, type StoreErrorCode } from '@tandem/core';
import { GraphError } from '../client/graphError.js';

/** The store error code for a Graph failure, so hosts can branch on it without knowing Graph. */
export function storeCodeOf(error: GraphError): StoreErrorCode {
  if (error.status === 429) return 'throttled';
  if (error.status === 503 || error.status === 504 || error.status === 0) return 'unavailable';
  if (error.status === 401) return 'unauthorized';
  if (error.status === 403) return 'forbidden';
  if (error.status === 404) return 'notFound';
  if (error.status === 409 || error.status === 412) return 'conflict';
  return 'unknown';
}

/** A Graph failure as core's `StoreError` (the `GraphError`, with Graph's code and request id, is its cause). */
export function toStoreError(error: unknown, doing: string): unknown {
  if (!(error instanceof GraphError)) return error;
  return new StoreError(storeCodeOf(error), `${doing}: ${error.message}`, { cause: error });
}

/** Whether a failure is worth trying again later (throttled, unavailable, a dropped connection). */
export function isRetryableFailure(error: unknown): boolean {
  if (error instanceof GraphError) return error.retryable;
  if (error instanceof StoreError) {
    if (error.code === 'throttled' || error.code === 'unavailable') return true;
    return error.cause instanceof GraphError && error.cause.retryable;
  }
  return false;
}
