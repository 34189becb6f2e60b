import { randomBytes } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { prepared } from './prepared.js';

/**
 * The schema, as an ordered list of migrations. A data folder records how many it has applied
 * (`PRAGMA user_version`), so an older folder is upgraded in place and a newer one is never touched.
 */
const migrations: string[] = [
  `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE users (
    id TEXT PRIMARY KEY,
    upn TEXT NOT NULL UNIQUE COLLATE NOCASE,
    display_name TEXT NOT NULL,
    created TEXT NOT NULL
  );
  CREATE TABLE sites (
    id TEXT PRIMARY KEY,
    hostname TEXT NOT NULL,
    path TEXT NOT NULL,
    name TEXT NOT NULL,
    display_name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL,
    modified TEXT NOT NULL,
    UNIQUE (hostname, path)
  );
  CREATE TABLE lists (
    id TEXT PRIMARY KEY,
    site_id TEXT NOT NULL REFERENCES sites(id),
    name TEXT NOT NULL,
    display_name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    template TEXT NOT NULL,
    created TEXT NOT NULL,
    modified TEXT NOT NULL,
    created_by TEXT NOT NULL,
    next_item_id INTEGER NOT NULL DEFAULT 1,
    delta_horizon INTEGER NOT NULL DEFAULT 0
  );
  CREATE UNIQUE INDEX lists_by_name ON lists (site_id, name COLLATE NOCASE);
  CREATE TABLE columns (
    id TEXT PRIMARY KEY,
    list_id TEXT NOT NULL REFERENCES lists(id),
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    indexed INTEGER NOT NULL DEFAULT 0,
    definition TEXT NOT NULL,
    position INTEGER NOT NULL
  );
  CREATE UNIQUE INDEX columns_by_name ON columns (list_id, name COLLATE NOCASE);
  CREATE TABLE items (
    list_id TEXT NOT NULL REFERENCES lists(id),
    id INTEGER NOT NULL,
    unique_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    fields TEXT NOT NULL,
    created TEXT NOT NULL,
    modified TEXT NOT NULL,
    created_by TEXT NOT NULL,
    modified_by TEXT NOT NULL,
    change_seq INTEGER NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (list_id, id)
  );
  CREATE INDEX items_by_change ON items (list_id, change_seq);
  CREATE TABLE messages (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id),
    data TEXT NOT NULL,
    received TEXT NOT NULL
  );
  CREATE INDEX messages_by_user ON messages (user_id, received);
  CREATE TABLE events (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id),
    data TEXT NOT NULL,
    start_utc TEXT NOT NULL,
    end_utc TEXT NOT NULL
  );
  CREATE INDEX events_by_user ON events (user_id, start_utc);
  CREATE TABLE master_categories (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id),
    display_name TEXT NOT NULL,
    color TEXT NOT NULL
  );
  CREATE UNIQUE INDEX master_categories_by_name ON master_categories (user_id, display_name COLLATE NOCASE);
  CREATE TABLE extensions (
    owner_kind TEXT NOT NULL,
    owner_id TEXT NOT NULL,
    user_id TEXT NOT NULL REFERENCES users(id),
    name TEXT NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (owner_kind, owner_id, name)
  );
  CREATE TABLE online_meetings (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id),
    join_web_url TEXT NOT NULL,
    chat_id TEXT NOT NULL,
    data TEXT NOT NULL
  );
  CREATE TABLE chats (id TEXT PRIMARY KEY, data TEXT NOT NULL);
  CREATE TABLE chat_members (chat_id TEXT NOT NULL, user_id TEXT NOT NULL, PRIMARY KEY (chat_id, user_id));
  CREATE TABLE teams (id TEXT PRIMARY KEY, display_name TEXT NOT NULL);
  CREATE TABLE team_members (team_id TEXT NOT NULL, user_id TEXT NOT NULL, PRIMARY KEY (team_id, user_id));
  CREATE TABLE channels (
    id TEXT PRIMARY KEY,
    team_id TEXT NOT NULL REFERENCES teams(id),
    display_name TEXT NOT NULL
  );
  CREATE TABLE channel_messages (
    id TEXT PRIMARY KEY,
    channel_id TEXT NOT NULL REFERENCES channels(id),
    data TEXT NOT NULL,
    created TEXT NOT NULL
  );
  CREATE TABLE activity_notifications (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id TEXT NOT NULL,
    sender_id TEXT NOT NULL,
    data TEXT NOT NULL,
    created TEXT NOT NULL
  );
  `,
  // A user's permission level on the tenant's sites (SharePoint's Members and Visitors groups); no row means member.
  `
  CREATE TABLE site_roles (
    user_id TEXT PRIMARY KEY REFERENCES users(id),
    role TEXT NOT NULL CHECK (role IN ('member', 'reader'))
  );
  `,
  // The values held in columns with enforceUniqueValues, one row each (lower-cased), filled from the items already there.
  `
  CREATE TABLE unique_values (
    list_id TEXT NOT NULL,
    column_name TEXT NOT NULL,
    value TEXT NOT NULL,
    item_id INTEGER NOT NULL,
    PRIMARY KEY (list_id, column_name, value)
  );
  CREATE INDEX unique_values_by_item ON unique_values (list_id, item_id);
  INSERT OR IGNORE INTO unique_values (list_id, column_name, value, item_id)
    SELECT i.list_id, lower(c.name), lower(CAST(json_extract(i.fields, '$."' || c.name || '"') AS TEXT)), i.id
    FROM items i JOIN columns c ON c.list_id = i.list_id
    WHERE i.deleted = 0 AND json_extract(c.definition, '$.enforceUniqueValues') = 1
      AND json_extract(i.fields, '$."' || c.name || '"') IS NOT NULL
      AND CAST(json_extract(i.fields, '$."' || c.name || '"') AS TEXT) != '';
  `,
  // A token that every write to the columns table replaces (by trigger, so whatever process or code path writes, and a
  // rolled-back write restores the old token with the old columns): the parsed columns of a list stay valid while it holds.
  `
  INSERT OR IGNORE INTO meta (key, value) VALUES ('columns_version', lower(hex(randomblob(8))));
  CREATE TRIGGER columns_inserted AFTER INSERT ON columns
    BEGIN UPDATE meta SET value = lower(hex(randomblob(8))) WHERE key = 'columns_version'; END;
  CREATE TRIGGER columns_updated AFTER UPDATE ON columns
    BEGIN UPDATE meta SET value = lower(hex(randomblob(8))) WHERE key = 'columns_version'; END;
  CREATE TRIGGER columns_deleted AFTER DELETE ON columns
    BEGIN UPDATE meta SET value = lower(hex(randomblob(8))) WHERE key = 'columns_version'; END;
  `,
];

/** Applies the migrations a database lacks, each in one transaction, and makes sure it has a signing secret. */
export function migrate(db: Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > migrations.length) {
    throw new Error(
      `This data folder was written by a newer server (schema ${current}, this server knows ${migrations.length}).`,
    );
  }
  for (let v = current; v < migrations.length; v++) {
    db.transaction(() => {
      db.exec(migrations[v]!);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
  prepared(db, `INSERT OR IGNORE INTO meta (key, value) VALUES ('token_secret', ?)`).run(
    randomBytes(32).toString('hex'),
  );
  prepared(db, `INSERT OR IGNORE INTO meta (key, value) VALUES ('change_seq', '0')`).run();
}

/** Reads one value of the meta table. */
export function readMeta(db: Database, key: string): string | undefined {
  const row = prepared(db, 'SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value;
}

/** The next number of the server-wide change sequence that orders list item changes for delta. */
export function nextChangeSeq(db: Database): number {
  const row = prepared(
    db,
    `UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'change_seq' RETURNING value`,
  ).get() as { value: string | number };
  return Number(row.value);
}

/** The last change sequence number handed out. */
export function currentChangeSeq(db: Database): number {
  return Number(readMeta(db, 'change_seq') ?? 0);
}
