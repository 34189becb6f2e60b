/**
 * `npm run test -w vscode-extension` (second half): the Tandem extension in a real VS Code.
 * Builds the extension, prepares a real git repository (and, once available, the local Graph server with seeded data),
 * starts code-server, runs the mocha suites inside the extension host, then a second extension-host session on the
 * same global storage (writes kept while Graph was unavailable must land after the restart), then checks the workbench
 * UI from Chromium.
 * Counts from both go to `$TANDEM_RESULTS_DIR`.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startCodeServer } from './codeServer.js';
import { createRepository, git } from './git.js';
import { repoRoot } from './install.js';
import { callLocal } from '../reliability/harness/localServer.js';
import { startSeededGraph } from './seed.js';
import { checkPackagedExtension } from './packagedExtension.js';
import { checkWorkbench } from './workbenchChecks.js';
import { CheckList, parseHostResult, writeResults } from './results.js';
import { openWorkbench, runInExtensionHost } from './workbench.js';

const extensionDir = join(repoRoot, 'vscode-extension');

async function main(): Promise<number> {
  execFileSync(join(repoRoot, 'node_modules', '.bin', 'webpack'), ['--mode', 'development'], {
    cwd: extensionDir,
    stdio: 'inherit',
  });
  const graph = await startSeededGraph();
  const repo = createRepository(
    { 'README.md': '# Web shop\n', 'src/search.ts': '// Search, see INI-3\nexport const search = () => [];\n' },
    { remote: 'git@github.com:contoso-retail/webshop.git' },
  );
  writeFileSync(join(repo, 'src', 'checkout.ts'), 'export function checkout() {\n  return "one page";\n}\n');
  git(repo, 'add', '.');
  git(repo, 'commit', '-q', '-m', 'Add the one-page checkout\n\nInitiative: INI-1');
  writeFileSync(join(repo, 'src', 'search.ts'), '// Search, see INI-3\nexport const search = (q: string) => [q];\n');
  git(repo, 'commit', '-q', '-am', '[INI-3] Search takes a query');
  const server = await startCodeServer({
    settings: { 'tandem.graphUrl': graph.server.origin, 'tandem.localUser': 'megan@contoso.test' },
    env: { TANDEM_TEST_REPO: repo, TANDEM_TEST_GRAPH: graph.server.origin },
  });
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

    // The first session's last suite left writes kept while Graph was unavailable. Graph comes back, and a new
    // extension host on the same global storage (code-server's user-data folder) must send them, each once.
    await callLocal(graph.server.origin, 'DELETE', 'faults');
    const restart = await runInExtensionHost({
      server,
      folder: repo,
      extensionDevelopmentPath: extensionDir,
      extensionTestsPath: join(extensionDir, 'dist', 'host-tests-restart.cjs'),
    });
    const restarted = parseHostResult(restart.logs) ?? { passed: 0, failed: 1, skipped: 0 };
    host = {
      passed: host.passed + restarted.passed,
      failed: host.failed + restarted.failed,
      skipped: host.skipped + restarted.skipped,
    };

    // The UI pass starts on the branch the in-host suite created, as a developer would come back to it.
    const workBranch = git(repo, 'for-each-ref', '--format=%(refname:short)', 'refs/heads/ini-5/');
    if (workBranch) git(repo, 'checkout', '-q', workBranch);
    const workbench = await openWorkbench({ server, folder: repo, extensionDevelopmentPath: extensionDir });
    try {
      await checkWorkbench(workbench.page, checks, 'INI-5');
      const shots = join(repoRoot, 'docs', 'screenshots');
      mkdirSync(shots, { recursive: true });
      await workbench.page.screenshot({ path: join(shots, 'vscode-goals.png') });
    } finally {
      await workbench.close();
    }
    await checks.check('the packaged .vsix installs and activates', () =>
      checkPackagedExtension(graph.server.origin, repo),
    );
  } finally {
    await server.stop();
    await graph.close();
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
