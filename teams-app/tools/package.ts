/** `npm run package -w teams-app`: writes build/tandem-app.zip, or prints what is wrong with the manifest. */
import { relative } from 'node:path';
import { ManifestError, writeAppPackage } from './appPackage.js';

try {
  const out = await writeAppPackage();
  console.log(`app package: ${relative(process.cwd(), out)}`);
} catch (error) {
  if (error instanceof ManifestError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
