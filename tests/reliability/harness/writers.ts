/**
 * The four writers of the fault matrix, each driven through the code its host runs: the CLI's import and its
 * commit publishing as child processes (`tandem import`, `tandem scan-commits`), the Teams tab's store (`openSite`,
 * the tab's own GraphStore path) and the Outlook add-in's tagging action (`tagItem`).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Initiative, Objective, Store, Stored } from '@tandem/core';
import { GraphStore, keysOnMailItem, localTokenProvider, type MailItemRef } from '@tandem/graph';
import { openSite, type OpenedStore } from '../../../teams-app/src/host/openStore.js';
import { tagItem } from '../../../teams-app/src/outlook/tagActions.js';
import type { SuiteServer } from './localServer.js';
import { runTandem } from './tandemProcess.js';

/** What a writer did under faults, and whether every write landed exactly once. */
export interface WriterOutcome {
  writes: number;
  /** Runs or user retries beyond the first attempt that the writer needed (a failed run says "run it again"). */
  reruns: number;
  /** Problems found on the server afterwards: empty when every write is there exactly once. */
  problems: string[];
}

/** One writer of the matrix. */
export interface Writer {
  name: string;
  /** Puts what the writer needs on a fresh server (before any fault is injected). */
  prepare(server: SuiteServer): Promise<unknown>;
  /** Makes the writes (faults are on). */
  write(server: SuiteServer, prepared: unknown): Promise<{ writes: number; reruns: number }>;
  /** Reads the server (faults off) and lists anything missing or doubled. */
  verify(server: SuiteServer, prepared: unknown): Promise<string[]>;
}

/** How many times a user (or a CI job) tries again before the matrix calls the writer failed. */
const maxAttempts = 6;

/** Calls `attempt` until it succeeds, as a user retries after an error; returns how many retries it took. */
async function withUserRetries(attempt: () => Promise<void>): Promise<number> {
  for (let i = 0; ; i++) {
    try {
      await attempt();
      return i;
    } catch (error) {
      if (i + 1 >= maxAttempts) throw error;
    }
  }
}

function person(n: string) {
  return { email: `${n}@contoso.test`, displayName: n };
}

function objective(n: number): Objective {
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    key: `OBJ-${n}`,
    kind: 'business',
    title: `Objective ${n}`,
    owner: person('adele'),
    periodStart: '2026-01-01',
    periodEnd: '2026-06-30',
    status: 'active',
  } as Objective;
}

/** A valid initiative with key `INI-n`. */
export function initiative(n: number): Initiative {
  return {
    id: `10000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    key: `INI-${n}`,
    title: `Initiative ${n}`,
    objectiveKeys: [],
    dependsOn: [],
    itOwner: person('megan'),
    businessSponsor: person('adele'),
    start: '2026-02-01',
    end: '2026-05-31',
    status: 'inProgress',
    percentComplete: 0,
    businessValue: 8,
    timeCriticality: 5,
    riskReduction: 3,
    jobSize: 5,
    reach: 100,
    impact: 2,
    confidence: 80,
    effort: 3,
  } as Initiative;
}

/** Each id's count in `ids`, with the ones not seen exactly once named. */
function exactlyOnce(what: string, expected: readonly string[], found: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const id of found) counts.set(id, (counts.get(id) ?? 0) + 1);
  const problems: string[] = [];
  for (const id of expected) if (counts.get(id) !== 1) problems.push(`${what} ${id} is there ${counts.get(id) ?? 0}×`);
  const extra = found.length - expected.length;
  if (extra > 0 && problems.length === 0) problems.push(`${extra} unexpected ${what} items`);
  return problems;
}

/** A clean store over the server's lists, for reading back. */
async function cleanStore(server: SuiteServer): Promise<GraphStore> {
  return new GraphStore(server.client(), await server.site());
}

const tabUser = 'adele@contoso.test';

/** The sizes of one cell. */
export interface WriterSizes {
  importRows: number;
  tabEdits: number;
  taggedMessages: number;
  commits: number;
}

/** The matrix's writers, at the given sizes. */
export function writers(sizes: WriterSizes): Writer[] {
  const scratch: string[] = [];
  const tempDir = (prefix: string) => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    scratch.push(dir);
    return dir;
  };
  const cleanUp = () => {
    for (const d of scratch.splice(0)) rmSync(d, { recursive: true, force: true });
  };

  const cliImport: Writer = {
    name: 'CLI import',
    async prepare(server) {
      await server.site();
      const dir = tempDir('tandem-import-');
      const rows = Array.from({ length: sizes.importRows }, (_, i) => objective(i + 1));
      const file = join(dir, 'objectives.json');
      writeFileSync(file, JSON.stringify(rows));
      return { file, rows };
    },
    async write(server, prepared) {
      const { file, rows } = prepared as { file: string; rows: Objective[] };
      let reruns = 0;
      for (let run = 0; ; run++) {
        const r = await runTandem(['import', file, '--kind', 'objective', '--graph', server.url, '--json']);
        if (r.code === 0) break;
        if (run + 1 >= maxAttempts) throw new Error(`tandem import failed ${maxAttempts} times: ${r.stderr}`);
        reruns++;
      }
      return { writes: rows.length, reruns };
    },
    async verify(server, prepared) {
      const { rows } = prepared as { rows: Objective[] };
      const stored = await (await cleanStore(server)).query('objective');
      const problems = exactlyOnce(
        'objective',
        rows.map((r) => r.key),
        stored.map((s) => s.value.key),
      );
      for (const row of rows) {
        const s = stored.find((x) => x.value.key === row.key);
        if (s && s.value.title !== row.title) problems.push(`${row.key} has title '${s.value.title}'`);
      }
      cleanUp();
      return problems;
    },
  };

  const tabEdit: Writer = {
    name: 'tab edit',
    async prepare(server) {
      const store = await cleanStore(server);
      const items = Array.from({ length: 10 }, (_, i) => initiative(i + 1));
      await store.createMany('initiative', items);
      const before = new Map<string, number>();
      for (const s of await store.query('initiative')) before.set(s.value.id, etagVersion(s.etag));
      return { items, before };
    },
    async write(server, prepared) {
      const { items } = prepared as { items: Initiative[] };
      let store: Store | undefined;
      let reruns = await withUserRetries(async () => {
        store = (await openSite(server.url, localTokenProvider(server.origin, tabUser), 'root')).store;
      });
      for (let e = 0; e < sizes.tabEdits; e++) {
        const item = items[e % items.length]!;
        // The tab edits the version it shows, and a retry after an error re-sends the same edit on that version.
        let shown: Stored<Initiative> | undefined;
        reruns += await withUserRetries(async () => {
          shown = await read(store!, item.id);
        });
        const patch = { title: `Edit ${e} of ${item.key}`, percentComplete: e };
        reruns += await withUserRetries(async () => {
          await store!.update('initiative', item.id, patch, shown!.etag);
        });
      }
      return { writes: sizes.tabEdits, reruns };
    },
    async verify(server, prepared) {
      const { items, before } = prepared as { items: Initiative[]; before: Map<string, number> };
      const stored = await (await cleanStore(server)).query('initiative');
      const problems: string[] = [];
      items.forEach((item, i) => {
        const s = stored.find((x) => x.value.id === item.id);
        if (!s) return void problems.push(`${item.key} is gone`);
        const edits = Math.floor((sizes.tabEdits - 1 - i) / items.length) + 1;
        const last = i + (edits - 1) * items.length;
        const versions = etagVersion(s.etag) - before.get(item.id)!;
        if (versions !== edits) problems.push(`${item.key}: ${edits} edits made, ${versions} versions written`);
        if (s.value.title !== `Edit ${last} of ${item.key}` || s.value.percentComplete !== last)
          problems.push(`${item.key} does not hold its last edit (${s.value.title})`);
      });
      return problems;
    },
  };

  const addInTag: Writer = {
    name: 'add-in tagging',
    async prepare(server) {
      const store = await cleanStore(server);
      await store.create('initiative', initiative(7));
      const ids: string[] = [];
      for (let m = 0; m < sizes.taggedMessages; m++) {
        const message = (await server.local('POST', `mailboxes/${tabUser}/messages`, {
          subject: `Budget thread ${m}`,
          from: 'nestor@contoso.test',
          categories: ['Blue category'],
        })) as { id: string };
        ids.push(message.id);
      }
      return { ids };
    },
    async write(server, prepared) {
      const { ids } = prepared as { ids: string[] };
      let opened: OpenedStore | undefined;
      let reruns = await withUserRetries(async () => {
        opened = await openSite(server.url, localTokenProvider(server.origin, tabUser), 'root');
      });
      const tagger = { client: opened!.graph, store: opened!.store, user: person('adele') };
      for (const id of ids) {
        const ref: MailItemRef = { type: 'message', id };
        reruns += await withUserRetries(() => tagItem(tagger, ref, 'INI-7'));
      }
      return { writes: ids.length, reruns };
    },
    async verify(server, prepared) {
      const { ids } = prepared as { ids: string[] };
      const client = server.client(tabUser);
      const problems: string[] = [];
      for (const id of ids) {
        const message = await client.get<{ categories: string[] }>(
          `/me/messages/${encodeURIComponent(id)}?$select=categories`,
        );
        const tags = message.categories.filter((c) => c === 'INI-7').length;
        if (tags !== 1 || !message.categories.includes('Blue category'))
          problems.push(`message ${id} has categories ${JSON.stringify(message.categories)}`);
        const keys = await keysOnMailItem(client, { type: 'message', id });
        if (keys.filter((k) => k === 'INI-7').length !== 1) problems.push(`message ${id} has keys ${keys.join(',')}`);
      }
      const links = (await (await cleanStore(server)).query('link')).filter((l) => l.value.kind === 'email');
      problems.push(
        ...exactlyOnce(
          'email link',
          ids.map((_, m) => `Budget thread ${m}`),
          links.map((l) => l.value.title),
        ),
      );
      const categories = await client.get<{ value: { displayName: string }[] }>('/me/outlook/masterCategories');
      const ini7 = categories.value.filter((c) => c.displayName === 'INI-7').length;
      if (ini7 !== 1) problems.push(`the master category INI-7 is there ${ini7}×`);
      return problems;
    },
  };

  const publish: Writer = {
    name: 'commit publishing',
    async prepare(server) {
      const store = await cleanStore(server);
      await store.createMany(
        'initiative',
        Array.from({ length: 5 }, (_, i) => initiative(i + 1)),
      );
      const repo = tempDir('tandem-repo-');
      const git = (...args: string[]) =>
        execFileSync('git', args, {
          cwd: repo,
          env: { ...process.env, GIT_AUTHOR_DATE: '2026-03-01T10:00:00Z', GIT_COMMITTER_DATE: '2026-03-01T10:00:00Z' },
        })
          .toString()
          .trim();
      git('init', '-q', '-b', 'main');
      git('config', 'user.email', 'megan@contoso.test');
      git('config', 'user.name', 'Megan Bowen');
      const shas: string[] = [];
      for (let c = 0; c < sizes.commits; c++) {
        writeFileSync(join(repo, 'work.txt'), `change ${c}\n`);
        git('add', 'work.txt');
        git('commit', '-q', '-m', `[INI-${(c % 5) + 1}] change ${c}`);
        shas.push(git('rev-parse', 'HEAD'));
      }
      return { repo, shas };
    },
    async write(server, prepared) {
      const { repo, shas } = prepared as { repo: string; shas: string[] };
      let reruns = 0;
      for (let run = 0; ; run++) {
        const r = await runTandem([
          'scan-commits',
          '--repo',
          repo,
          '--repository-url',
          'https://git.contoso.test/tandem',
          '--graph',
          server.url,
          '--json',
        ]);
        if (r.code === 0) break;
        if (run + 1 >= maxAttempts) throw new Error(`tandem scan-commits failed ${maxAttempts} times: ${r.stderr}`);
        reruns++;
      }
      return { writes: shas.length, reruns };
    },
    async verify(server, prepared) {
      const { shas } = prepared as { shas: string[] };
      const links = (await (await cleanStore(server)).query('link')).filter((l) => l.value.kind === 'commit');
      const problems = exactlyOnce(
        'commit link',
        shas,
        links.map((l) => l.value.sha ?? ''),
      );
      cleanUp();
      return problems;
    },
  };

  return [cliImport, tabEdit, addInTag, publish];
}

/** The N of an ETag `"{GUID},N"`. */
export function etagVersion(etag: string): number {
  const match = /,(\d+)"?$/.exec(etag);
  if (!match) throw new Error(`not a SharePoint ETag: ${etag}`);
  return Number(match[1]);
}

async function read(store: Store, id: string) {
  const found = await store.get('initiative', id);
  if (!found) throw new Error(`initiative ${id} is missing`);
  return found;
}
