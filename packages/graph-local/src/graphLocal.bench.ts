// Benchmarks of the local Graph server against bare SQLite doing the same work in the same run:
// item creates through $batch, and a delta call and a filtered query on a 10,000-item list.
import BetterSqlite3 from 'better-sqlite3';
import { compare } from '@tandem/tests/bench';
import { startGraphLocal } from './server.js';

const group = 'graph-local';
const server = await startGraphLocal({ memory: true });
const token = (
  (await (
    await fetch(`${server.origin}/_local/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user: 'bench@contoso.test' }),
    })
  ).json()) as { access_token: string }
).access_token;

async function graph<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

async function createList(name: string): Promise<string> {
  const list = await graph<{ id: string }>('POST', '/sites/root/lists', {
    displayName: name,
    columns: [
      { name: 'Key', text: {}, indexed: true },
      { name: 'Score', number: {} },
    ],
  });
  return `/sites/root/lists/${list.id}`;
}

/** Creates `count` items through $batch, 20 a batch, `parallel` batches at a time. */
async function createThroughBatch(base: string, count: number, offset: number, parallel = 1): Promise<void> {
  const batches: Array<Array<Record<string, unknown>>> = [];
  for (let i = 0; i < count; i += 20) {
    batches.push(
      Array.from({ length: Math.min(20, count - i) }, (_, j) => ({
        id: String(j + 1),
        method: 'POST',
        url: `${base}/items`,
        headers: { 'Content-Type': 'application/json' },
        body: { fields: { Title: `Item ${offset + i + j}`, Key: `K-${offset + i + j}`, Score: i + j } },
      })),
    );
  }
  for (let i = 0; i < batches.length; i += parallel) {
    const answers = await Promise.all(
      batches
        .slice(i, i + parallel)
        .map((requests) => graph<{ responses: Array<{ status: number }> }>('POST', '/$batch', { requests })),
    );
    for (const a of answers) if (a.responses.some((r) => r.status !== 201)) throw new Error('a batched create failed');
  }
}

// A bare SQLite table holding the same rows: id, the indexed key, the fields as JSON, a change counter.
const bare = new BetterSqlite3(':memory:');
bare.exec(`CREATE TABLE items (id INTEGER PRIMARY KEY, key TEXT, fields TEXT NOT NULL, change_seq INTEGER NOT NULL);
           CREATE INDEX items_key ON items (key); CREATE INDEX items_change ON items (change_seq);`);
const insert = bare.prepare('INSERT INTO items (key, fields, change_seq) VALUES (?, ?, ?)');
const insertOne = bare.transaction((i: number) =>
  insert.run(`K-${i}`, JSON.stringify({ Title: `Item ${i}`, Key: `K-${i}`, Score: i }), i),
);
let bareCounter = 0;

// 1. Creating 100 items: $batch (5 batches of 20, each sub-request its own transaction) vs 100 one-row transactions.
const createBase = await createList('Creates');
let created = 0;
await compare(
  group,
  'create 100 items',
  {
    label: 'SQLite, 100 one-row transactions',
    run: () => {
      for (let i = 0; i < 100; i++) insertOne(bareCounter++);
    },
  },
  {
    label: '$batch, 5 × 20 over HTTP',
    run: async () => {
      await createThroughBatch(createBase, 100, created);
      created += 100;
    },
  },
  { runs: 5, note: 'each sub-request is validated, runs in its own transaction and is rendered as Graph JSON' },
);

// 2. A 10,000-item list.
const bigBase = await createList('TenThousand');
await createThroughBatch(bigBase, 10_000, 0, 4);
bare.exec('DELETE FROM items');
bare.transaction(() => {
  for (let i = 0; i < 10_000; i++)
    insert.run(`K-${i}`, JSON.stringify({ Title: `Item ${i}`, Key: `K-${i}`, Score: i }), i + 1);
})();

// A delta call with a token after 10 changes vs the bare "rows changed since N" query.
const latest = await graph<{ '@odata.deltaLink': string }>('GET', `${bigBase}/items/delta?token=latest`);
for (let i = 1; i <= 10; i++) await graph('PATCH', `${bigBase}/items/${i * 7}/fields`, { Score: -i });
const deltaPath = latest['@odata.deltaLink'].slice(server.url.length) + '&$expand=fields';
const changedSince = bare.prepare('SELECT id, fields FROM items WHERE change_seq > ? ORDER BY change_seq LIMIT 200');
await compare(
  group,
  'delta with a token, 10 changes in 10,000 items',
  {
    label: 'SQLite rows changed since N',
    run: () => changedSince.all(9_990).map((r) => JSON.parse((r as { fields: string }).fields) as unknown),
  },
  {
    label: 'GET items/delta?token over HTTP',
    run: async () => {
      const page = await graph<{ value: unknown[] }>('GET', deltaPath);
      if (page.value.length !== 10) throw new Error(`expected 10 changes, got ${page.value.length}`);
    },
  },
  { runs: 15 },
);

// A filtered query on the indexed Key column vs the bare indexed lookup.
const byKey = bare.prepare('SELECT id, fields FROM items WHERE key = ?');
await compare(
  group,
  'filter on an indexed column in 10,000 items',
  {
    label: 'SQLite indexed lookup',
    run: () => byKey.all('K-5000').map((r) => JSON.parse((r as { fields: string }).fields) as unknown),
  },
  {
    label: `GET items?$filter=fields/Key eq … over HTTP`,
    run: async () => {
      const page = await graph<{ value: unknown[] }>(
        'GET',
        `${bigBase}/items?$expand=fields&$filter=fields/Key eq 'K-5000'`,
      );
      if (page.value.length !== 1) throw new Error('expected one item');
    },
  },
  { runs: 15 },
);

await server.close();
bare.close();
