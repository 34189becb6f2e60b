import type { CheckIn, GlossaryTerm, Initiative, KeyResult, Kpi, KpiMeasurement, Link, Objective } from '@tandem/core';

/** Everything the extension shows, read once and cached: the portfolio as of `loadedAt`. */
export interface Portfolio {
  objectives: Objective[];
  keyResults: KeyResult[];
  initiatives: Initiative[];
  kpis: Kpi[];
  measurements: KpiMeasurement[];
  checkIns: CheckIn[];
  links: Link[];
  /** The site's glossary: business and technical terms, explained in hovers and cards. */
  glossaryTerms: GlossaryTerm[];
  /** When it was read (ISO timestamp). */
  loadedAt: string;
}

/** A portfolio with nothing in it (before the first load, or when signed out). */
export function emptyPortfolio(loadedAt = new Date(0).toISOString()): Portfolio {
  return {
    objectives: [],
    keyResults: [],
    initiatives: [],
    kpis: [],
    measurements: [],
    checkIns: [],
    links: [],
    glossaryTerms: [],
    loadedAt,
  };
}

/** The entity a key names in the portfolio, with its kind; undefined for an unknown key. */
export type KeyedEntity =
  | { kind: 'objective'; value: Objective }
  | { kind: 'keyResult'; value: KeyResult }
  | { kind: 'initiative'; value: Initiative }
  | { kind: 'kpi'; value: Kpi };

/** Looks a key up in the portfolio. */
export function findByKey(portfolio: Portfolio, key: string): KeyedEntity | undefined {
  const objective = portfolio.objectives.find((o) => o.key === key);
  if (objective) return { kind: 'objective', value: objective };
  const initiative = portfolio.initiatives.find((i) => i.key === key);
  if (initiative) return { kind: 'initiative', value: initiative };
  const keyResult = portfolio.keyResults.find((k) => k.key === key);
  if (keyResult) return { kind: 'keyResult', value: keyResult };
  const kpi = portfolio.kpis.find((k) => k.key === key);
  if (kpi) return { kind: 'kpi', value: kpi };
  return undefined;
}
