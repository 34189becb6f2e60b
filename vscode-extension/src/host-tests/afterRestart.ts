/**
 * The in-host test entry of the second session: a new extension host on the same global storage, after the first
 * session left writes kept in the outbox and the driver made Graph available again.
 */
import { runSuites } from './runSuites.js';

/** Runs the suites of the session after the restart. */
export function run(): Promise<void> {
  return runSuites(() => import(/* webpackMode: "eager" */ './outboxRestart.host.js'));
}
