/**
 * Writes a suite's counts where `npm test` collects them (the same JSON shape as shared/test/reporter.cjs),
 * so that a suite that is not a plain mocha run is counted in the total line.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Test counts. */
export interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

/** Writes `{suite, passed, failed, skipped}` into `$TANDEM_RESULTS_DIR` when set; prints it either way. */
export function writeResults(suite: string, counts: Counts): void {
  const summary = { suite: process.env.TANDEM_SUITE ?? suite, ...counts };
  console.log(`${suite}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
  const dir = process.env.TANDEM_RESULTS_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, `${summary.suite.replace(/[^\w.-]+/g, '_')}-host-${process.pid}.json`),
    JSON.stringify(summary),
  );
}

/** A small runner for checks done from outside the host (through the workbench UI): counts and reports each one. */
export class CheckList {
  readonly counts: Counts = { passed: 0, failed: 0, skipped: 0 };

  /** Runs one named check; a thrown error marks it failed and is printed, the run goes on. */
  async check(name: string, body: () => Promise<void>): Promise<void> {
    try {
      await body();
      this.counts.passed++;
      console.log(`  ✔ ${name}`);
    } catch (error) {
      this.counts.failed++;
      console.log(`  ✖ ${name}\n    ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }
}

/** Parses the in-host summary line (`TANDEM_HOST_RESULT {...}`) out of the extension host's output. */
export function parseHostResult(logs: string[], prefix = 'TANDEM_HOST_RESULT '): Counts | undefined {
  for (const line of logs) {
    const at = line.indexOf(prefix);
    if (at < 0) continue;
    const parsed = JSON.parse(line.slice(at + prefix.length)) as Partial<Counts>;
    if ([parsed.passed, parsed.failed, parsed.skipped].every((n) => typeof n === 'number')) return parsed as Counts;
  }
  return undefined;
}
