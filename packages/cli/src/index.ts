/** @tandem/cli — the `tandem` command: its entry point and the shape of a subcommand. */
export { main, overview } from './main.js';
export { UsageError } from './command.js';
export type { Command, CommandIO } from './command.js';
export { startAppServer } from './start/appServer.js';
export type { AppServer, AppServerOptions } from './start/appServer.js';
export { seedDemo, demoUser } from './start/seedDemo.js';
export type { SeedSummary } from './start/seedDemo.js';
export { buildApp, buildStaleness, repoRoot } from './start/appBuild.js';
