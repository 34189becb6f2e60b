#!/usr/bin/env node
// `npm test`: lint and type-check, then every workspace's suites, then one total line over all of them.
// Each mocha run writes a JSON summary (shared/test/reporter.cjs) into a results folder; a suite that
// crashed before reporting counts as one failure, so a broken suite can never look green.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const resultsDir = join(root, '.test-results');
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

const only = process.argv.slice(2); // `npm test -- core graph-local` runs just those workspaces
const rootPkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const rows = [];

function run(name, command, args, cwd = root) {
  const started = Date.now();
  console.log(`\n━━ ${name} ━━`);
  const r = spawnSync(command, args, {
    cwd,
    stdio: 'inherit',
    env: {
      ...process.env,
      TANDEM_RESULTS_DIR: resultsDir,
      TANDEM_SUITE: name,
      FORCE_COLOR: process.env.CI ? '0' : '1',
    },
  });
  return { code: r.status ?? 1, seconds: (Date.now() - started) / 1000 };
}

function check(name, command, args) {
  const { code, seconds } = run(name, command, args);
  rows.push({ suite: name, passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, skipped: 0, seconds });
}

if (only.length === 0) {
  check('lint', 'npx', ['--no-install', 'eslint', '--config', 'shared/eslint.config.js', '.']);
  check('format', 'npx', ['--no-install', 'prettier', '--check', '--log-level', 'warn', '.']);
  check('typecheck', 'npx', ['--no-install', 'tsc', '-b']);
}

for (const ws of rootPkg.workspaces) {
  const pkgFile = join(root, ws, 'package.json');
  if (!existsSync(pkgFile)) continue;
  const pkg = JSON.parse(readFileSync(pkgFile, 'utf8'));
  const name = pkg.name.replace(/^@tandem\//, '');
  if (!pkg.scripts?.test) continue;
  if (only.length > 0 && !only.includes(name)) continue;
  const before = new Set(readdirSync(resultsDir));
  const { code, seconds } = run(name, 'npm', ['run', 'test', '--silent'], join(root, ws));
  // Suites may keep other artefacts beside their summaries: read only new JSON files.
  const reports = readdirSync(resultsDir, { withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.json') && !before.has(e.name))
    .map((e) => e.name);
  const counts = { passed: 0, failed: 0, skipped: 0 };
  for (const f of reports) {
    const r = JSON.parse(readFileSync(join(resultsDir, f), 'utf8'));
    counts.passed += r.passed;
    counts.failed += r.failed;
    counts.skipped += r.skipped;
  }
  if (code !== 0 && counts.failed === 0) counts.failed = 1; // crashed, or failed outside a test
  rows.push({ suite: name, ...counts, seconds });
}

const total = rows.reduce(
  (t, r) => ({ passed: t.passed + r.passed, failed: t.failed + r.failed, skipped: t.skipped + r.skipped }),
  { passed: 0, failed: 0, skipped: 0 },
);
console.log(
  '\nsuite'.padEnd(20) + 'passed'.padStart(8) + 'failed'.padStart(8) + 'skipped'.padStart(9) + 'seconds'.padStart(9),
);
for (const r of rows) {
  console.log(
    r.suite.padEnd(19) +
      String(r.passed).padStart(8) +
      String(r.failed).padStart(8) +
      String(r.skipped).padStart(9) +
      r.seconds.toFixed(1).padStart(9),
  );
}
console.log(`\n${total.passed} passed, ${total.failed} failed` + (total.skipped ? `, ${total.skipped} skipped` : ''));
process.exit(total.failed === 0 ? 0 : 1);
