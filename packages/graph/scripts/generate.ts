/**
 * Writes the code graph generates from core's entity schemas: the lists' columns (`listColumns.generated.ts`, see
 * `listSchema.ts`) and the list item readers (`itemReaders.generated.ts`, see `itemReaders.ts`). Run it after changing
 * an entity's schema or its columns: `npm run generate` (or `-w @tandem/graph`).
 */
import { fileURLToPath } from 'node:url';
import { writeGenerated } from '../../../shared/generated.mjs';
import { listColumnsSource } from '../src/provisioning/listSchemaSource.js';
import { itemReadersSource } from '../src/store/itemReaderSource.js';

const source = (path: string) => fileURLToPath(new URL(`../src/${path}`, import.meta.url));
await writeGenerated(source('provisioning/listColumns.generated.ts'), listColumnsSource());
await writeGenerated(source('store/itemReaders.generated.ts'), itemReadersSource());
