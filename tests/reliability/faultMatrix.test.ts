import assert from 'node:assert/strict';
import { isFullRun, recordFigures, textTable } from './harness/figures.js';
import { startSuiteServer } from './harness/localServer.js';
import { writers, type WriterSizes } from './harness/writers.js';

/** A kind of injected fault, as rules for `POST /_local/faults` at a given rate. */
interface FaultKind {
  name: string;
  rules(rate: number): Record<string, unknown>[];
}

const faultKinds: FaultKind[] = [
  { name: '429', rules: (rate) => [{ match: '/v1.0', status: 429, retryAfter: 0, rate }] },
  { name: '503', rules: (rate) => [{ match: '/v1.0', status: 503, retryAfter: 0, rate }] },
  { name: 'reset', rules: (rate) => [{ match: '/v1.0', reset: true, rate }] },
  // The write lands and is committed, then the connection drops: the writer cannot tell it from a lost request.
  { name: 'applied+reset', rules: (rate) => [{ match: '/v1.0', reset: true, afterApply: true, rate }] },
  { name: 'latency', rules: (rate) => [{ match: '/v1.0', delayMs: 40, rate }] },
];

/** The short version inside `npm test`: every writer at 30% of every fault at once. */
const mixed: FaultKind = {
  name: faultKinds.map((k) => k.name).join('+'),
  rules: (rate) => faultKinds.flatMap((k) => k.rules(rate / faultKinds.length)),
};

const full = isFullRun();
const rates = full ? [0.1, 0.3, 0.5] : [0.3];
const kinds = full ? faultKinds : [mixed];
const sizes: WriterSizes = full
  ? { importRows: 60, tabEdits: 30, taggedMessages: 6, commits: 30 }
  : { importRows: 40, tabEdits: 20, taggedMessages: 4, commits: 20 };

interface Cell {
  writer: string;
  fault: string;
  rate: number;
  writes: number;
  reruns: number;
  requests: number;
  throttled: number;
  exactlyOnce: boolean;
}

describe(`reliability: fault matrix (${full ? 'full' : 'short'})`, function () {
  this.timeout(full ? 1_800_000 : 300_000);
  const cells: Cell[] = [];

  after(() => {
    const table = textTable(
      ['writer', 'fault', 'rate', 'writes', 'reruns', 'requests', '429/503 sent', 'exactly once'],
      cells.map((c) => [
        c.writer,
        c.fault,
        `${c.rate * 100}%`,
        c.writes,
        c.reruns,
        c.requests,
        c.throttled,
        c.exactlyOnce ? 'yes' : 'NO',
      ]),
    );
    console.log(`\n${table}\n`);
    recordFigures(full ? 'faultMatrix' : 'faultMatrix-short', { sizes, cells });
  });

  for (const writer of writers(sizes)) {
    for (const kind of kinds) {
      for (const rate of rates) {
        it(`${writer.name} under ${kind.name} at ${rate * 100}%: every write lands exactly once`, async () => {
          const server = await startSuiteServer();
          try {
            const prepared = await writer.prepare(server);
            await server.local('DELETE', 'stats');
            for (const rule of kind.rules(rate)) await server.local('POST', 'faults', rule);
            const { writes, reruns } = await writer.write(server, prepared);
            const stats = (await server.local('GET', 'stats')) as {
              apps: Record<string, { requests: number; throttled: number }>;
            };
            await server.local('DELETE', 'faults');
            const problems = await writer.verify(server, prepared);
            const apps = Object.values(stats.apps);
            cells.push({
              writer: writer.name,
              fault: kind.name,
              rate,
              writes,
              reruns,
              requests: apps.reduce((n, a) => n + a.requests, 0),
              throttled: apps.reduce((n, a) => n + a.throttled, 0),
              exactlyOnce: problems.length === 0,
            });
            assert.deepEqual(problems, []);
          } finally {
            await server.close();
          }
        });
      }
    }
  }
});
