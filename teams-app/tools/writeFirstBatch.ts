/**
 * `npm run generate -w @tandem/teams-app`: writes `src/tab/firstBatch.generated.ts` (see `firstBatch.ts`). Run it after
 * changing what the store reads first (a list's columns, provisioning's reads, the tab's first-view kinds).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { firstBatchSource, recordFirstBatch } from './firstBatch.js';

const file = fileURLToPath(new URL('../src/tab/firstBatch.generated.ts', import.meta.url));
const options = (await resolveConfig(file)) ?? {};
const text = await format(firstBatchSource(await recordFirstBatch()), { ...options, filepath: file });
// An unchanged file is left as it is: a newer file would make `npm start` build the app again for nothing.
if (existsSync(file) && readFileSync(file, 'utf8') === text) console.log(`${file} is current`);
else {
  writeFileSync(file, text);
  console.log(`Wrote ${file}`);
}
