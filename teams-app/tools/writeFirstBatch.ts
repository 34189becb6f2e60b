/**
 * Writes `src/tab/firstBatch.generated.ts` (see `firstBatch.ts`). Run it after changing what the store reads first (a
 * list's columns, provisioning's reads, the tab's first-view kinds): `npm run generate` (or `-w @tandem/teams-app`).
 */
import { fileURLToPath } from 'node:url';
import { writeGenerated } from '../../shared/generated.mjs';
import { firstBatchSource, recordFirstBatch } from './firstBatch.js';

await writeGenerated(
  fileURLToPath(new URL('../src/tab/firstBatch.generated.ts', import.meta.url)),
  firstBatchSource(await recordFirstBatch()),
);
