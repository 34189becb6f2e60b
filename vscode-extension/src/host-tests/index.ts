/**
 * The in-host test entry: VS Code's extension host loads this module (extensionTestsPath) and awaits `run()`.
 * It runs the mocha suites bundled beside it and prints one machine-readable summary line for the driver.
 */
import { runSuites } from './runSuites.js';

/** Runs every in-host suite of the first session. */
export function run(): Promise<void> {
  return runSuites(() => import(/* webpackMode: "eager" */ './suites.js'));
}
