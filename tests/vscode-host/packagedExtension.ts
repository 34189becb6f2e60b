/**
 * The packaged extension as a user gets it: `vsce package` over the built bundles, installed into a fresh code-server
 * with `--install-extension`, then seen to activate (its views fill from the local server).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { startCodeServer } from './codeServer.js';
import { repoRoot } from './install.js';
import { openWorkbench } from './workbench.js';
import { openTandem } from './workbenchChecks.js';

/** Packages `vscode-extension/` (already built) into a temporary `.vsix`; returns its path. */
export function packageExtension(outDir: string): string {
  const vsix = join(outDir, 'tandem.vsix');
  execFileSync(
    join(repoRoot, 'node_modules', '.bin', 'vsce'),
    ['package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '-o', vsix],
    { cwd: join(repoRoot, 'vscode-extension'), stdio: ['ignore', 'ignore', 'inherit'] },
  );
  return vsix;
}

/** What the package may hold: the two bundles, the icons, the manifest with its strings, and the documents. */
export const PACKAGE_FILES = [
  '[Content_Types].xml',
  'extension.vsixmanifest',
  'extension/package.json',
  'extension/package.nls.json',
  'extension/readme.md',
  'extension/changelog.md',
  'extension/LICENSE.txt',
  'extension/dist/extension.cjs',
  'extension/dist/webview.js',
  'extension/media/icon.png',
  'extension/media/tandem.svg',
];

/** Throws unless the package holds exactly the runtime files (no sources, tests or source maps). */
export async function checkPackageContents(vsix: string): Promise<void> {
  const zip = await JSZip.loadAsync(readFileSync(vsix));
  const files = Object.keys(zip.files)
    .filter((f) => !zip.files[f]!.dir)
    .sort();
  const expected = [...PACKAGE_FILES].sort();
  if (JSON.stringify(files) !== JSON.stringify(expected)) {
    throw new Error(`the .vsix holds ${files.join(', ')}; expected ${expected.join(', ')}`);
  }
}

/** Packages, installs into a fresh code-server, and checks that the Tandem views fill. Throws when they do not. */
export async function checkPackagedExtension(graphOrigin: string, folder: string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-vsix-'));
  try {
    const vsix = packageExtension(dir);
    await checkPackageContents(vsix);
    const server = await startCodeServer({
      install: [vsix],
      settings: { 'tandem.graphUrl': graphOrigin, 'tandem.localUser': 'megan@contoso.test' },
    });
    try {
      const workbench = await openWorkbench({ server, folder });
      try {
        await openTandem(workbench.page);
      } finally {
        await workbench.close();
      }
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
