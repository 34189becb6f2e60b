/**
 * The in-host test entry: VS Code's extension host loads this module (extensionTestsPath) and awaits `run()`.
 * It runs the mocha suites bundled beside it and prints one machine-readable summary line for the driver.
 */
import Mocha from 'mocha';

/** The line prefix the driver looks for in the extension host's console output. */
export const RESULT_PREFIX = 'TANDEM_HOST_RESULT ';

/** Runs every in-host suite; rejects when any test failed, so that the host exits non-zero. */
export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 30_000, color: false, reporter: 'spec' });
  mocha.suite.emit('pre-require', globalThis, 'host-tests', mocha);
  await import(/* webpackMode: "eager" */ './suites.js');
  const failures = await new Promise<{ passed: number; failed: number; skipped: number }>((resolve) => {
    const runner = mocha.run(() => {
      const s = runner.stats;
      resolve({ passed: s?.passes ?? 0, failed: s?.failures ?? 0, skipped: s?.pending ?? 0 });
    });
  });
  console.log(RESULT_PREFIX + JSON.stringify(failures));
  if (failures.failed > 0) throw new Error(`${failures.failed} in-host test(s) failed`);
}
