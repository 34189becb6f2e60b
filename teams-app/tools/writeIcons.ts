/** `npm run icons -w teams-app`: regenerates appPackage/color.png and outline.png from icons.ts. */
import { writeFile } from 'node:fs/promises';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { colorIcon, outlineIcon } from './icons.js';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'appPackage');
await writeFile(join(dir, 'color.png'), colorIcon());
await writeFile(join(dir, 'outline.png'), outlineIcon());
console.log('wrote appPackage/color.png and appPackage/outline.png');
