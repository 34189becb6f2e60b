import { ENTITY_KINDS, type EntityKind, type Store } from '@tandem/core';
import type { ReactNode } from 'react';
import { ErrorState } from '../feedback/ErrorState.js';
import { LoadingState } from '../feedback/LoadingState.js';
import { hasLoaded, type PortfolioTables } from './portfolioSnapshot.js';
import { usePortfolio } from './usePortfolio.js';

/** Props of {@link PortfolioGate}. */
export interface PortfolioGateProps {
  store: Store;
  /** What the view shows, for the loading and error messages ("the roadmap"). */
  what: string;
  /** The kinds the view reads; it renders once these are in (the rest may still be loading). @default every kind */
  needs?: readonly EntityKind[];
  /** Renders the view once the portfolio is loaded. */
  children(tables: PortfolioTables, version: number): ReactNode;
}

/** Shows a skeleton while the portfolio loads, an error with Retry when it fails, and the view once it is there. */
export function PortfolioGate({ store, what, needs = ENTITY_KINDS, children }: PortfolioGateProps) {
  const { snapshot, reload } = usePortfolio(store);
  if (snapshot.status === 'loading' || (snapshot.status === 'ready' && !hasLoaded(snapshot, needs))) {
    return <LoadingState label={`Loading ${what}`} />;
  }
  if (snapshot.status === 'error') {
    return (
      <ErrorState
        title={`Could not load ${what}`}
        error={snapshot.error}
        hint="Check your connection or sign-in, then retry."
        onRetry={() => void reload()}
      />
    );
  }
  return <>{children(snapshot.tables, snapshot.version)}</>;
}
