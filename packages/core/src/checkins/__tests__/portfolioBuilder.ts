// A typed builder of small portfolios for the loop's tests: one valid item of each kind, changed field by field.
import type { EntityKind, EntityOf, PortfolioData } from '@tandem/core';
import { samples } from '../../model/__tests__/samples.js';

let counter = 0;

/** A fresh UUID-shaped id, unique within the run. */
export function testId(): string {
  counter++;
  return `00000000-0000-4000-8000-${counter.toString(16).padStart(12, '0')}`;
}

/** A valid `kind` item with `changes` applied and a fresh id. */
export function build<K extends EntityKind>(kind: K, changes: Partial<EntityOf<K>> = {}): EntityOf<K> {
  return { ...samples()[kind], id: testId(), ...changes } as EntityOf<K>;
}

/** A portfolio of the items given, grouped by kind. */
export function portfolioOf(items: { [K in EntityKind]?: EntityOf<K>[] }): PortfolioData {
  return items as PortfolioData;
}

export const adele = { email: 'adele@contoso.test', displayName: 'Adele Vance' };
export const megan = { email: 'megan@contoso.test', displayName: 'Megan Bowen' };
export const lee = { email: 'lee@contoso.test', displayName: 'Lee Gu' };
export const nestor = { email: 'nestor@contoso.test', displayName: 'Nestor Wilke' };
