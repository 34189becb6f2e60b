/** `npm run icons -w teams-app` (with writeIcons.ts): regenerates assets/outlook/icon-*.png from addinIcons.ts. */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { addinIcon, addinIconFile, addinIconSizes } from './addinIcons.js';

/** Where the add-in's icons live; the app server serves this folder at /assets/. */
export const addinIconDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'assets', 'outlook');

await mkdir(addinIconDir, { recursive: true });
for (const size of addinIconSizes) await writeFile(join(addinIconDir, addinIconFile(size)), addinIcon(size));
console.log(`wrote ${addinIconSizes.length} add-in icons to assets/outlook/`);
