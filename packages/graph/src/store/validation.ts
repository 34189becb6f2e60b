/** Core's validation, loaded on first use: see entityValidation.ts. */
import { StoreError } from '@tandem/core';

/**
 * `load`, run when first needed and its answer kept. A load that fails (a page that cannot download the chunk, say)
 * is forgotten, so that the next call tries again, and rejects as an `unavailable` `StoreError`: a failure worth
 * trying again, which a write keeps rather than drops.
 */
export function loadedOnce<T>(load: () => Promise<T>, what: string): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      const reason = error instanceof Error ? error.message : String(error);
      throw new StoreError('unavailable', `Tandem could not load ${what}: ${reason}`, { cause: error });
    }));
}

/** The general way of checking entities and list items, once zod and the entity schemas have loaded. */
export const loadValidation = loadedOnce(() => import('./entityValidation.js'), 'the code that checks entities');
