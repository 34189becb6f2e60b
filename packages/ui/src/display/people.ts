import type { PersonRef } from '@tandem/core';
import type { PortfolioTables } from '../data/portfolioSnapshot.js';

/**
 * Orders people's names alphabetically, setting accents and case aside (`Émile` sorts with `Emile`), for the lists
 * people pick a person from. Written without `localeCompare`: the first collation a page asks for loads the browser's
 * collation data (~20 ms), and the roadmap's first screen sorts its owners.
 */
export function compareNames(a: string, b: string): number {
  const ka = nameKey(a);
  const kb = nameKey(b);
  if (ka !== kb) return ka < kb ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A name without its accents (the combining marks NFD splits off) and in lower case. */
const nameKey = (name: string) =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/** Everyone the portfolio names (owners, sponsors, approvers) plus `me`, once each by email, sorted by name. */
export function knownPeople(tables: PortfolioTables, me: PersonRef): PersonRef[] {
  const byEmail = new Map<string, PersonRef>();
  const add = (p: PersonRef | undefined) => {
    if (p && !byEmail.has(p.email.toLowerCase())) byEmail.set(p.email.toLowerCase(), p);
  };
  add(me);
  for (const { value } of tables.objective.values()) add(value.owner);
  for (const { value } of tables.initiative.values()) {
    add(value.itOwner);
    add(value.businessSponsor);
  }
  for (const { value } of tables.decision.values()) {
    add(value.businessApprover);
    add(value.itApprover);
  }
  for (const { value } of tables.service.values()) add(value.owner);
  return [...byEmail.values()].sort((a, b) => compareNames(a.displayName, b.displayName));
}
