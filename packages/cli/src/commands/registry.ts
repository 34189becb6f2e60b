import type { Command } from '../command.js';
import { digestCommand } from './digest.js';
import { exportCommand } from './export.js';
import { graphLocalCommand } from './graphLocal.js';
import { importCommand } from './import.js';
import { loginCommand } from './login.js';
import { outboxCommand } from './outbox.js';
import { logoutCommand } from './logout.js';
import { provisionCommand } from './provision.js';
import { reportCommand } from './report.js';
import { startCommand } from './start.js';
import { scanCommitsCommand } from './scanCommits.js';
import { seedCommand } from './seed.js';

/** Every `tandem` subcommand, one line each, in the order `tandem --help` lists them. */
export const commands: Command[] = [
  startCommand,
  graphLocalCommand,
  loginCommand,
  logoutCommand,
  provisionCommand,
  seedCommand,
  importCommand,
  exportCommand,
  reportCommand,
  digestCommand,
  scanCommitsCommand,
  outboxCommand,
];
