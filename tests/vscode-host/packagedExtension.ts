/**
 * The packaged extension as a user gets it: `vsce package` over the built bundles, installed into a fresh code-server
 * with `--install-extension`, then seen to activate (its views fill from the local server).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

/** Packages, installs into a fresh code-server, and checks that the Tandem views fill. Throws when they do not. */
export async function checkPackagedExtension(graphOrigin: string, folder: string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-vsix-'));
  try {
    const vsix = packageExtension(dir);
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
