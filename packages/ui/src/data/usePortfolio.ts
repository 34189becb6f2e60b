import type { Store } from '@tandem/core';
import { useSyncExternalStore } from 'react';
import { loaderFor } from './PortfolioLoader.js';
import type { PortfolioSnapshot } from './portfolioSnapshot.js';

/** What {@link usePortfolio} returns: the snapshot and a way to load again. */
export interface PortfolioState {
  snapshot: PortfolioSnapshot;
  reload(): Promise<void>;
}

/**
 * The whole portfolio of `store`, loaded once per store and re-rendered on every `store.watch` change.
 * Every view uses this one hook, so a page with several views still makes one load.
 */
export function usePortfolio(store: Store): PortfolioState {
  const loader = loaderFor(store);
  const snapshot = useSyncExternalStore(loader.subscribe, loader.getSnapshot, loader.getSnapshot);
  return { snapshot, reload: loader.reload };
}
