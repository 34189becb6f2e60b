/**
 * @tandem/graph-local — a Microsoft Graph-compatible server on SQLite for development and tests:
 * SharePoint sites, lists and items, delta, `$batch`, Outlook mail and calendar, Teams, with local endpoints
 * for tokens, faults, usage stats and seeding.
 */
export { startGraphLocal, maxBodyBytes } from './server.js';
export type { GraphLocalOptions, GraphLocalServer } from './server.js';
export type { ServerClock } from './http/clock.js';
export type { GraphErrorBody } from './http/errorBody.js';
export type { FaultRule } from './local/faults.js';
export type { AppUsage } from './local/usageStats.js';
