import type { Store } from '@tandem/core';

/**
 * A store for when Graph could not be reached at all (no site, no lists): every call rejects with the failure that
 * said so. An outbox over it, told it is offline, only keeps writes; it never calls the store.
 */
export function unreachableStore(cause: unknown): Store {
  const fail = () => Promise.reject(cause instanceof Error ? cause : new Error(String(cause)));
  return {
    create: fail,
    get: fail,
    getByKey: fail,
    update: fail,
    delete: fail,
    query: fail,
    watch: () => () => undefined,
  };
}
