/** @tandem/cli — the `tandem` command: its entry point and the shape of a subcommand. */
export { main, overview } from './main.js';
export { UsageError } from './command.js';
export type { Command, CommandIO } from './command.js';
