import type { PersonRef } from '@tandem/core';
import type { PortfolioTables } from '../data/portfolioSnapshot.js';

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
  return [...byEmail.values()].sort((a, b) => a.displayName.localeCompare(b.displayName));
}
