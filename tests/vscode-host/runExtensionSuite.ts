/**
 * `npm run test -w vscode-extension` (second half): the Tandem extension in a real VS Code.
 * Builds the extension, prepares a real git repository (and, once available, the local Graph server with seeded data),
 * starts code-server, runs the mocha suites inside the extension host, then checks the workbench UI from Chromium.
 * Counts from both go to `$TANDEM_RESULTS_DIR`.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { startCodeServer } from './codeServer.js';
import { createRepository } from './git.js';
import { repoRoot } from './install.js';
import { CheckList, parseHostResult, writeResults } from './results.js';
import { openWorkbench, runInExtensionHost } from './workbench.js';

const extensionDir = join(repoRoot, 'vscode-extension');

async function main(): Promise<number> {
  execFileSync(join(repoRoot, 'node_modules', '.bin', 'webpack'), ['--mode', 'development'], {
    cwd: extensionDir,
    stdio: 'inherit',
  });
  const repo = createRepository({ 'src/app.ts': '// INI-1 starts here\nexport const x = 1;\n' });
  const server = await startCodeServer({ env: { TANDEM_TEST_REPO: repo } });
  const checks = new CheckList();
  let host = { passed: 0, failed: 0, skipped: 0 };
  try {
    console.log(`vscode-host: code-server at ${server.url}`);
    const run = await runInExtensionHost({
      server,
      folder: repo,
      extensionDevelopmentPath: extensionDir,
      extensionTestsPath: join(extensionDir, 'dist', 'host-tests.cjs'),
    });
    const parsed = parseHostResult(run.logs);
    host = parsed ?? { passed: 0, failed: 1, skipped: 0 };
    if (!parsed) console.log(`vscode-host: no result line from the extension host (exit ${run.exitCode})`);

    const workbench = await openWorkbench({ server, folder: repo, extensionDevelopmentPath: extensionDir });
    try {
      const { page } = workbench;
      await checks.check('the Tandem container opens from the activity bar and shows the Goals rows', async () => {
        await page.locator('.activitybar [aria-label^="Tandem"]').first().click();
        await page.locator('.monaco-list-row', { hasText: 'OBJ-1' }).first().waitFor({ timeout: 20_000 });
      });
      const shots = join(repoRoot, 'docs', 'screenshots');
      mkdirSync(shots, { recursive: true });
      await page.screenshot({ path: join(shots, 'vscode-goals.png') });
    } finally {
      await workbench.close();
    }
  } finally {
    await server.stop();
    rmSync(repo, { recursive: true, force: true });
  }
  const total = {
    passed: host.passed + checks.counts.passed,
    failed: host.failed + checks.counts.failed,
    skipped: host.skipped + checks.counts.skipped,
  };
  writeResults('vscode-extension (host)', total);
  return total.failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    writeResults('vscode-extension (host)', { passed: 0, failed: 1, skipped: 0 });
    process.exit(1);
  },
);
