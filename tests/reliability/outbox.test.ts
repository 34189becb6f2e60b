import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GraphStore } from '@tandem/graph';
import { isFullRun, recordFigures } from './harness/figures.js';
import { startSuiteServer, type SuiteServer } from './harness/localServer.js';
import { runNode } from './harness/tandemProcess.js';
import { etagVersion } from './harness/writers.js';

const outboxClient = fileURLToPath(new URL('./harness/outboxClient.ts', import.meta.url));
const items = 10;

describe('reliability: writes made while the server is down survive a client restart', function () {
  this.timeout(180_000);
  let dir: string;
  let server: SuiteServer | undefined;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'tandem-outbox-'));
  });
  after(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('queues them in the outbox file, and a new process replays them once the server is back: each lands once', async () => {
    const dataDir = join(dir, 'graph');
    const outboxDir = join(dir, 'client');
    server = await startSuiteServer({ dataDir });
    const port = Number(new URL(server.url).port);
    const lists = await server.site();
    const url = server.url;
    await server.close();
    server = undefined;

    // The first client process: every write is kept, none made.
    const queued = await runNode(outboxClient, ['queue', outboxDir, url, JSON.stringify(lists), String(items)]);
    assert.equal(queued.code, 0, queued.stderr);
    const first = JSON.parse(queued.stdout) as { results: string[]; pending: number };
    assert.deepEqual(new Set(first.results), new Set(['queued']));
    assert.equal(first.pending, items * 2);
    const file = JSON.parse(readFileSync(join(outboxDir, 'outbox.json'), 'utf8')) as { pending: unknown[] };
    assert.equal(file.pending.length, items * 2, 'the queue is on disk');

    // A second process with the same outbox file, once the server is back on the same folder.
    server = await startSuiteServer({ dataDir, port });
    const replayed = await runNode(outboxClient, ['replay', outboxDir, url, JSON.stringify(lists), String(items)]);
    assert.equal(replayed.code, 0, replayed.stderr);
    const second = JSON.parse(replayed.stdout) as { sent: number; pending: number; failed: number };
    assert.deepEqual(second, { sent: items * 2, pending: 0, failed: 0 });

    // A third run has nothing left to send.
    const again = await runNode(outboxClient, ['replay', outboxDir, url, JSON.stringify(lists), String(items)]);
    assert.equal((JSON.parse(again.stdout) as { sent: number }).sent, 0);

    const stored = await new GraphStore(server.client(), lists).query('initiative');
    assert.equal(stored.length, items, 'each queued create exactly once');
    for (const s of stored) {
      const n = Number(s.value.key.replace('INI-', '')) - 100;
      assert.equal(s.value.title, `Planned offline ${n}`);
      assert.equal(etagVersion(s.etag), 2, `${s.value.key}: created, then updated once`);
    }
    recordFigures(isFullRun() ? 'outbox' : 'outbox-short', {
      writesQueuedWhileDown: first.pending,
      replayedAfterRestart: second.sent,
      failed: second.failed,
      itemsOnServer: stored.length,
    });
  });
});
