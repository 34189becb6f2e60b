import type { EntityKind, EntityOf } from './kinds.js';

/**
 * The portfolio as plain lists, one per kind (any kind may be missing: it counts as empty).
 * What the loop's pure functions read: a host's snapshot, the demo portfolio, or a test's builder.
 */
export type PortfolioData = { readonly [K in EntityKind]?: readonly EntityOf<K>[] };

/** The items of `kind` in `portfolio` (empty when absent). */
export function itemsOf<K extends EntityKind>(portfolio: PortfolioData, kind: K): readonly EntityOf<K>[] {
  return (portfolio[kind] as readonly EntityOf<K>[] | undefined) ?? [];
}
