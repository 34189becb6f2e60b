/**
 * Writes `src/store/itemReaders.generated.ts` from the list schema and core's entity schemas (see `itemReaders.ts`).
 * Run it after changing an entity's schema or its columns: `npm run generate` (or `-w @tandem/graph`).
 */
import { fileURLToPath } from 'node:url';
import { writeGenerated } from '../../../shared/generated.mjs';
import { itemReadersSource } from '../src/store/itemReaderSource.js';

await writeGenerated(
  fileURLToPath(new URL('../src/store/itemReaders.generated.ts', import.meta.url)),
  itemReadersSource(),
);
