#!/usr/bin/env node
// `npm run test:reliability`: the full fault matrix, crash, concurrency, outbox and security suites, then
// docs/reliability.md rewritten from the figures they recorded. Exits non-zero when a suite failed (the report
// is still written, and says so).
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeReliabilityReport } from './writeReport.mjs';

const testsDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const root = join(testsDir, '..');
const figuresDir = join(root, '.test-results', 'reliability-figures');
rmSync(figuresDir, { recursive: true, force: true });

const mocha = spawnSync(
  'npx',
  [
    '--no-install',
    'mocha',
    '--config',
    '../shared/test/mocharc.cjs',
    'reliability/**/*.test.ts',
    'security/**/*.test.ts',
  ],
  {
    cwd: testsDir,
    stdio: 'inherit',
    env: { ...process.env, TANDEM_RELIABILITY: 'full', TANDEM_FIGURES_DIR: figuresDir },
  },
);
const passed = mocha.status === 0;
const file = writeReliabilityReport(figuresDir, join(root, 'docs', 'reliability.md'), passed);
console.log(`\n${file} rewritten (${passed ? 'all suites passed' : 'some suites FAILED'}).`);
process.exitCode = mocha.status ?? 1;
