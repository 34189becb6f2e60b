import type { EntityKind } from '@tandem/core';
import type { PortfolioCache } from '@tandem/graph';
import type { Portfolio } from './portfolio.js';

/** The lists the extension reads: one delta call each a refresh. Parents come before what points at them (the host suite seeds in this order). */
export const PORTFOLIO_KINDS: readonly EntityKind[] = [
  'objective',
  'keyResult',
  'initiative',
  'kpi',
  'kpiMeasurement',
  'checkIn',
  'link',
  'glossaryTerm',
];

/** Where a portfolio comes from: a quick read of what was cached, and a refresh over the network. */
export interface PortfolioSource {
  /** The cached portfolio, without the network; undefined when there is none yet. */
  load(): Promise<Portfolio | undefined>;
  /** The portfolio brought up to date. */
  refresh(): Promise<Portfolio>;
  /** Stops following the store's writes. */
  dispose(): void;
}

/** Takes the portfolio out of the delta-synced cache. */
export function snapshotOf(cache: PortfolioCache, now: Date): Portfolio {
  const values = <K extends EntityKind>(kind: K) => cache.list(kind).map((s) => s.value);
  return {
    objectives: values('objective'),
    keyResults: values('keyResult'),
    initiatives: values('initiative'),
    kpis: values('kpi'),
    measurements: values('kpiMeasurement'),
    checkIns: values('checkIn'),
    links: values('link'),
    glossaryTerms: values('glossaryTerm'),
    loadedAt: now.toISOString(),
  };
}

/**
 * The portfolio through `@tandem/graph`'s cache: restored from its file at start, then kept fresh with SharePoint
 * delta queries (one batched round trip when nothing changed). The extension's own writes show at once.
 */
export function deltaPortfolioSource(cache: PortfolioCache, now: () => Date = () => new Date()): PortfolioSource {
  return {
    load: async () => ((await cache.load()) ? snapshotOf(cache, now()) : undefined),
    refresh: async () => {
      await cache.refresh();
      return snapshotOf(cache, now());
    },
    dispose: () => cache.dispose(),
  };
}
