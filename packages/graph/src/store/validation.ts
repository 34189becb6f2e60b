/** Core's validation, loaded on first use: see entityValidation.ts. */
import type * as EntityValidation from './entityValidation.js';

let loading: Promise<typeof EntityValidation> | undefined;

/** The general way of checking entities and list items, once zod and the entity schemas have loaded. */
export function loadValidation(): Promise<typeof EntityValidation> {
  return (loading ??= import('./entityValidation.js'));
}
