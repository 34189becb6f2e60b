import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Objective } from '@tandem/core';
import { GraphStore } from '@tandem/graph';
import { isFullRun, recordFigures } from './harness/figures.js';
import { callLocal, suiteServerAt } from './harness/localServer.js';
import { runTandem, startGraphLocalProcess, type GraphLocalProcess } from './harness/tandemProcess.js';

const rows = 1000;

function objective(n: number): Objective {
  return {
    id: `20000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    key: `OBJ-${n}`,
    kind: 'business',
    title: `Crash-tested objective ${n}`,
    description: `Row ${n} of the import the server is killed in the middle of.`,
    owner: { email: 'adele@contoso.test', displayName: 'Adele Vance' },
    periodStart: '2026-01-01',
    periodEnd: '2026-06-30',
    status: 'active',
  } as Objective;
}

/** What the database file says right after the kill, before anything reopens it through the server. */
function inspectDatabase(file: string) {
  const db = new BetterSqlite3(file);
  try {
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
    const list = db.prepare(`SELECT id, next_item_id FROM lists WHERE display_name = 'Tandem Objectives'`).get() as
      { id: string; next_item_id: number } | undefined;
    if (!list) throw new Error('the objectives list is missing');
    const items = db
      .prepare('SELECT id, fields, change_seq FROM items WHERE list_id = ? AND deleted = 0')
      .all(list.id) as { id: number; fields: string; change_seq: number }[];
    const changeSeq = Number(
      (db.prepare(`SELECT value FROM meta WHERE key = 'change_seq'`).get() as { value: string }).value,
    );
    return { integrity, list, items, changeSeq };
  } finally {
    db.close();
  }
}

describe('reliability: the local server killed in the middle of a 1,000-row import', function () {
  this.timeout(600_000);
  let dataDir: string;
  let server: GraphLocalProcess | undefined;

  before(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'tandem-crash-'));
  });
  after(async () => {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps the database intact, applies no sub-request by half, and a re-run lands each row exactly once', async () => {
    server = await startGraphLocalProcess(join(dataDir, 'graph'));
    const port = new URL(server.url).port;
    const file = join(dataDir, 'objectives.json');
    const source = Array.from({ length: rows }, (_, i) => objective(i + 1));
    writeFileSync(file, JSON.stringify(source));
    // The site's lists first, so that the kill lands among the item writes.
    const first = suiteServerAt(server.origin, server.url, () => Promise.resolve());
    await first.site();

    let importer: ChildProcess | undefined;
    const importing = runTandem(
      ['import', file, '--kind', 'objective', '--graph', server.url, '--json'],
      {},
      undefined,
      (c) => {
        importer = c;
      },
    );
    let written = 0;
    for (;;) {
      const stats = (await callLocal(server.origin, 'GET', 'stats')) as {
        apps: Record<string, { batchedRequests: number }>;
      };
      written = Object.values(stats.apps).reduce((n, a) => n + a.batchedRequests, 0);
      if (written >= (isFullRun() ? 400 : 300)) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    await server.kill();
    // The short version loses the machine: the import dies with the server. The full one lets it retry into the restart.
    if (!isFullRun()) importer?.kill('SIGKILL');

    const after = inspectDatabase(join(dataDir, 'graph', 'graph.sqlite'));
    assert.deepEqual(after.integrity, ['ok']);
    assert.ok(after.items.length > 0 && after.items.length < rows, `killed mid-import (${after.items.length} rows in)`);
    const byId = new Map(source.map((o) => [o.id, o]));
    for (const item of after.items) {
      const fields = JSON.parse(item.fields) as Record<string, unknown>;
      const row = byId.get(String(fields.TandemId));
      assert.ok(row, `item ${item.id} is one of the import's rows`);
      // A create is one sub-request: either all its columns are there, or the item is not.
      assert.equal(fields.Title, row.title, `item ${item.id}'s title`);
      assert.equal(fields.Key, row.key, `item ${item.id}'s key`);
      assert.equal(fields.Description, row.description, `item ${item.id}'s description`);
      assert.ok(item.change_seq <= after.changeSeq, `item ${item.id} is in the change log`);
      assert.ok(item.id < after.list.next_item_id, `item ${item.id} below the list's next id`);
    }

    server = await startGraphLocalProcess(join(dataDir, 'graph'), Number(port));
    const crashedRun = await importing; // may have finished against the restarted server, or given up
    const rerun = await runTandem(['import', file, '--kind', 'objective', '--graph', server.url, '--json']);
    assert.equal(rerun.code, 0, rerun.stderr);

    const restarted = suiteServerAt(server.origin, server.url, () => Promise.resolve());
    const stored = await new GraphStore(restarted.client(), await restarted.site()).query('objective');
    const counts = new Map<string, number>();
    for (const s of stored) counts.set(s.value.key, (counts.get(s.value.key) ?? 0) + 1);
    assert.equal(stored.length, rows);
    for (const o of source) {
      assert.equal(counts.get(o.key), 1, `${o.key} exactly once`);
      assert.equal(stored.find((s) => s.value.key === o.key)?.value.title, o.title);
    }
    const final = inspectDatabase(join(dataDir, 'graph', 'graph.sqlite'));
    assert.deepEqual(final.integrity, ['ok']);
    recordFigures('crash', {
      rows,
      subRequestsBeforeKill: written,
      rowsAtKill: after.items.length,
      integrityAfterKill: after.integrity.join(','),
      interruptedRunExit: crashedRun.code,
      rerunExit: rerun.code,
      rowsAfterRerun: stored.length,
      duplicates: stored.length - counts.size,
    });
  });
});
