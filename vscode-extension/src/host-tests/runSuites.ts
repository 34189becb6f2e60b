import Mocha from 'mocha';

/** The line prefix the driver looks for in the extension host's console output. */
export const RESULT_PREFIX = 'TANDEM_HOST_RESULT ';

/**
 * Runs the suites `load` imports (statically named, so the bundle holds them), prints one machine-readable summary
 * line for the driver, and rejects when any test failed, so that the host exits non-zero.
 */
export async function runSuites(load: () => Promise<unknown>): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 30_000, color: false, reporter: 'spec' });
  mocha.suite.emit('pre-require', globalThis, 'host-tests', mocha);
  await load();
  const failures = await new Promise<{ passed: number; failed: number; skipped: number }>((resolve) => {
    const runner = mocha.run(() => {
      const s = runner.stats;
      resolve({ passed: s?.passes ?? 0, failed: s?.failures ?? 0, skipped: s?.pending ?? 0 });
    });
  });
  console.log(RESULT_PREFIX + JSON.stringify(failures));
  if (failures.failed > 0) throw new Error(`${failures.failed} in-host test(s) failed`);
}
