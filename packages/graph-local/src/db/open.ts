import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { migrate } from './schema.js';

/** Where the data lives: a folder (one `graph.sqlite` in it) or memory. */
export type DataLocation = { dataDir: string } | { memory: true };

/**
 * Opens (creating if need be) the server's database: WAL so readers never block the writer, a busy timeout so
 * concurrent processes on one folder wait rather than fail with SQLITE_BUSY, foreign keys on.
 */
export function openDatabase(location: DataLocation): Database {
  let db: Database;
  if ('dataDir' in location) {
    mkdirSync(location.dataDir, { recursive: true });
    db = new BetterSqlite3(join(location.dataDir, 'graph.sqlite'));
    db.pragma('journal_mode = WAL');
  } else {
    db = new BetterSqlite3(':memory:');
  }
  db.pragma('busy_timeout = 10000');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  migrate(db);
  return db;
}
