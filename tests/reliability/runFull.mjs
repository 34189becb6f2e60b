#!/usr/bin/env node
// `npm run test:reliability`: the full fault matrix, crash, concurrency, outbox and security suites (with the Outlook
// pane's read-only suite), then docs/reliability.md rewritten from the figures they recorded and `npm run audit`'s
// answer. Exits non-zero when a suite failed (the report is still written, and says so). `npm run test:reliability -- security/tokenLeaks.test.ts` runs only the suites
// named and rewrites the report with their new figures beside the others' from the last run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeReliabilityReport } from './writeReport.mjs';
import { runAudit, shippedDependencies } from '../../shared/security/audit.mjs';

const testsDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const root = join(testsDir, '..');
// Outside .test-results, which any `npm test` started meanwhile clears.
const figuresDir = join(tmpdir(), 'tandem-reliability-figures');
const only = process.argv.slice(2);
const specs =
  only.length > 0 ? only : ['reliability/**/*.test.ts', 'security/**/*.test.ts', 'e2e/outlookReadOnly.test.ts'];
if (only.length === 0) rmSync(figuresDir, { recursive: true, force: true });
mkdirSync(figuresDir, { recursive: true });

const mocha = spawnSync('npx', ['--no-install', 'mocha', '--config', '../shared/test/mocharc.cjs', ...specs], {
  cwd: testsDir,
  stdio: 'inherit',
  env: { ...process.env, TANDEM_RELIABILITY: 'full', TANDEM_FIGURES_DIR: figuresDir },
});
const passed = mocha.status === 0;
const runsFile = join(figuresDir, 'runs.json');
const runs = only.length > 0 && existsSync(runsFile) ? JSON.parse(readFileSync(runsFile, 'utf8')) : [];
runs.push({ specs: specs.join(' '), passed, finishedAt: new Date().toISOString().slice(0, 16).replace('T', ' ') });
writeFileSync(runsFile, JSON.stringify(runs, null, 2));

// Shipped dependencies against the registry's advisories (`npm run audit`): the result, or why there is none, and
// the list of what ships, for a reviewer to check by hand when there is no result.
const auditResult = { ...runAudit(root), shipped: shippedDependencies(root) };
writeFileSync(join(figuresDir, 'audit.json'), JSON.stringify(auditResult, null, 2));
const file = writeReliabilityReport(figuresDir, join(root, 'docs', 'reliability.md'));
// The repository's format check covers docs too.
spawnSync('npx', ['--no-install', 'prettier', '--write', '--log-level', 'warn', file], { cwd: root, stdio: 'inherit' });
console.log(`\n${file} rewritten (${passed ? 'all suites passed' : 'some suites FAILED'}).`);
process.exitCode = mocha.status ?? 1;
