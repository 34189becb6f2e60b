/**
 * Writes `src/store/itemReaders.generated.ts` from the list schema and core's entity schemas (see `itemReaders.ts`).
 * Run it after changing an entity's schema or its columns: `npm run generate -w @tandem/graph`.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { itemReadersSource } from '../src/store/itemReaderSource.js';

const file = fileURLToPath(new URL('../src/store/itemReaders.generated.ts', import.meta.url));
const options = (await resolveConfig(file)) ?? {};
const text = await format(itemReadersSource(), { ...options, filepath: file });
// An unchanged file is left as it is: a newer file would make `npm start` build the app again for nothing.
if (existsSync(file) && readFileSync(file, 'utf8') === text) console.log(`${file} is current`);
else {
  writeFileSync(file, text);
  console.log(`Wrote ${file}`);
}
