/**
 * What the tab's first screen reads, known before any of its code but sign-in has loaded (see `startApp`).
 */
import type { EntityKind } from '@tandem/core';

/**
 * The kinds the tab's first screen reads, asked for before the UI has loaded: the roadmap's kinds (the UI's
 * `FIRST_KINDS`, which its loader asks for first). Another landing view waits for the rest either way.
 */
export const firstViewKinds: readonly EntityKind[] = ['objective', 'initiative', 'checkIn'];

export { firstBatchOnRootSite } from './firstBatch.generated.js';
