import { ENTITY_KINDS, type EntityKind, type PortfolioData } from '@tandem/core';
import type { PortfolioTables } from './portfolioSnapshot.js';

/** The loaded tables as core's plain lists, for core's pure functions (drafts, digests, notifications). */
export function portfolioData(tables: PortfolioTables): PortfolioData {
  const data: Partial<Record<EntityKind, unknown[]>> = {};
  for (const kind of ENTITY_KINDS) data[kind] = [...tables[kind].values()].map((s) => s.value);
  return data as PortfolioData;
}
