/**
 * The first screen's reads sent before the UI has loaded. The page knows what its first view reads as soon as the store
 * is open, while the UI bundle may still be loading and starting; asking then lets the answers travel meanwhile.
 */
import type { EntityKind, Store } from '@tandem/core';

/** A store whose first reads are on their way. */
export interface Prefetched {
  /** The store: the first `query(kind)` of each prefetched kind takes the answer already asked for. */
  store: Store;
  /** Forgets the answers not yet taken (when they may be out of date): the next query of each kind asks again. */
  drop(): void;
}

/**
 * The store with `query(kind)` (no options) for each of `kinds` sent at once; the first identical query takes that
 * answer, later ones go to the store. A change `watch` reports for a kind before its answer is taken drops the answer
 * (the query is sent again), so a taken answer is never older than what the taker's own `watch` has missed.
 * Everything else passes through untouched.
 */
export function prefetchedStore(store: Store, kinds: readonly EntityKind[]): Prefetched {
  const answers = new Map<EntityKind, ReturnType<Store['query']>>();
  for (const kind of new Set(kinds)) {
    const answer = store.query(kind);
    // Whoever takes the answer hears of its failure; an answer dropped after a change, or never taken, must not
    // surface as an unhandled rejection.
    answer.catch(() => undefined);
    answers.set(kind, answer);
  }
  let unwatch: (() => void) | undefined = answers.size
    ? store.watch((change) => {
        answers.delete(change.kind);
        stopWatching();
      })
    : undefined;
  function stopWatching() {
    if (answers.size === 0 && unwatch) {
      unwatch();
      unwatch = undefined;
    }
  }
  const prefetched = new Proxy(store, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      const method = value as (...args: unknown[]) => unknown;
      if (property !== 'query') return method.bind(target);
      return (kind: EntityKind, options?: object) => {
        const answer = answers.get(kind);
        if (!answer || (options !== undefined && Object.keys(options).length > 0))
          return method.call(target, kind, options);
        answers.delete(kind);
        stopWatching();
        return answer;
      };
    },
  });
  return {
    store: prefetched,
    drop() {
      answers.clear();
      stopWatching();
    },
  };
}
