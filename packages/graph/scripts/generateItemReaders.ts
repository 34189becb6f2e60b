/**
 * Writes `src/store/itemReaders.generated.ts` from the list schema and core's entity schemas (see `itemReaders.ts`).
 * Run it after changing an entity's schema or its columns: `npm run generate -w @tandem/graph`.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { itemReadersSource } from '../src/store/itemReaderSource.js';

const file = fileURLToPath(new URL('../src/store/itemReaders.generated.ts', import.meta.url));
const options = (await resolveConfig(file)) ?? {};
writeFileSync(file, await format(itemReadersSource(), { ...options, filepath: file }));
console.log(`Wrote ${file}`);
