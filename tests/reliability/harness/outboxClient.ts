/**
 * One run of a host's write path with a file-backed outbox (what the CLI's `.tandem/` and the extension's global
 * storage hold), in its own process: `queue` makes writes (the server may be down), `replay` flushes what is queued.
 * Prints one JSON line: what the outbox reported.
 */
import { createGraphClient, GraphStore, localTokenProvider, Outbox, type SiteLists } from '@tandem/graph';
import { FileCacheStorage } from '@tandem/graph/node';
import { initiative } from './writers.js';

const [mode, folder, url, listsJson, countText] = process.argv.slice(2);
if (!mode || !folder || !url || !listsJson || !countText) throw new Error('usage: MODE FOLDER URL LISTS COUNT');
const lists = JSON.parse(listsJson) as SiteLists;
const count = Number(countText);
const origin = url.replace(/\/v1\.0$/, '');
const client = createGraphClient({
  baseUrl: url,
  tokenProvider: localTokenProvider(origin, 'adele@contoso.test'),
  retry: { baseDelayMs: 5, maxDelayMs: 20, maxRetries: 2 },
});
const outbox = new Outbox(new GraphStore(client, lists), { storage: new FileCacheStorage(folder) });

if (mode === 'queue') {
  const results = [];
  for (let n = 1; n <= count; n++) {
    const value = initiative(100 + n);
    results.push((await outbox.submit({ op: 'create', kind: 'initiative', value })).status);
    const patch = { title: `Planned offline ${n}` };
    results.push((await outbox.submit({ op: 'update', kind: 'initiative', id: value.id, patch })).status);
  }
  console.log(JSON.stringify({ results, pending: (await outbox.counts()).pending }));
} else {
  const flushed = await outbox.flush();
  console.log(JSON.stringify({ ...flushed, ...(await outbox.counts()) }));
}
