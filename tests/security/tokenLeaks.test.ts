import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { inspect } from 'node:util';
import type { LogFields, Objective } from '@tandem/core';
import { createGraphClient, GraphStore, localTokenProvider, Outbox, PortfolioCache, SyncedStore } from '@tandem/graph';
import { FileCacheStorage } from '@tandem/graph/node';
import { fileCachePlugin } from '../../packages/cli/src/signIn/deviceCodeSignIn.js';
import { isFullRun, recordFigures } from '../reliability/harness/figures.js';
import { callLocal, startSuiteServer, type SuiteServer } from '../reliability/harness/localServer.js';
import { runNode, runTandem } from '../reliability/harness/tandemProcess.js';
import { hostLeftoversDir, leftoversManifest, type LeftoversManifest } from '../vscode-host/leftovers.js';
import { filesUnder, needlesOf, tokensIn, tokensInFiles } from './tokenScan.js';
import BetterSqlite3 from 'better-sqlite3';

/**
 * A pass-through proxy in front of the local server that notes every bearer token on the wire (request headers and
 * `/_local/token` answers), so the test knows the exact tokens the flows used without the flows telling it.
 */
function tokenRecordingProxy(target: string, tokens: Set<string>): Promise<{ server: Server; origin: string }> {
  const self = () => `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  const server = createServer((req, res) => {
    const auth = req.headers.authorization;
    if (auth?.startsWith('Bearer ')) tokens.add(auth.slice(7));
    const upstream = request(
      `${target}${req.url}`,
      { method: req.method, headers: { ...req.headers, host: new URL(target).host }, agent: false },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (c: Buffer) => chunks.push(c));
        answer.on('end', () => {
          // Links in answers (nextLink, deltaLink) name the server: point them at the proxy, as an app server's proxy does.
          const body = Buffer.from(Buffer.concat(chunks).toString('utf8').split(target).join(self()));
          if (req.url?.startsWith('/_local/token')) {
            const issued = (JSON.parse(body.toString('utf8')) as { access_token?: string }).access_token;
            if (issued) tokens.add(issued);
          }
          const headers = { ...answer.headers };
          delete headers['content-length'];
          res.writeHead(answer.statusCode ?? 502, headers);
          res.end(body);
        });
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address() as { port: number };
      resolve({ server, origin: `http://127.0.0.1:${address.port}` });
    }),
  );
}

describe('security: tokens never leak into output or files', function () {
  this.timeout(300_000);
  let root: string;
  let graph: SuiteServer;
  let proxy: { server: Server; origin: string };
  const tokens = new Set<string>();
  const outputs: string[] = [];

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'tandem-leaks-'));
    graph = await startSuiteServer({ dataDir: join(root, 'graph') });
    proxy = await tokenRecordingProxy(graph.origin, tokens);
  });
  after(async () => {
    await new Promise<void>((r) => proxy.server.close(() => r()));
    await graph.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('runs the CLI, the stores, the cache and the outbox, failing ones too, and finds no token anywhere', async () => {
    const url = `${proxy.origin}/v1.0`;
    const env = { XDG_CONFIG_HOME: join(root, 'config'), HOME: join(root, 'home'), TANDEM_GRAPH_URL: url };
    const cli = async (args: string[]) => {
      const run = await runTandem(args, env);
      outputs.push(run.stdout, run.stderr);
      return run;
    };
    const rows: Objective[] = Array.from({ length: 30 }, (_, i) => ({
      id: `60000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
      key: `OBJ-${i + 1}`,
      kind: 'business',
      title: `Objective ${i + 1}`,
      owner: { email: 'adele@contoso.test', displayName: 'Adele Vance' },
      periodStart: '2026-01-01',
      periodEnd: '2026-06-30',
      status: 'active',
    }));
    const ok = async (run: Promise<{ code: number; stderr: string }>) => {
      const r = await run;
      return r.code === 0 ? 0 : `exit ${r.code}: ${r.stderr}`;
    };
    const file = join(root, 'objectives.json');
    writeFileSync(file, JSON.stringify(rows));
    writeFileSync(join(root, 'broken.json'), JSON.stringify([{ key: 'OBJ-99', title: 42 }]));

    // The short version inside `npm test` leaves out the commands that only read (import provisions too).
    if (isFullRun()) assert.equal(await ok(cli(['provision', '--json'])), 0);
    assert.equal(await ok(cli(['import', file, '--kind', 'objective'])), 0);
    assert.notEqual((await cli(['import', join(root, 'broken.json'), '--kind', 'objective'])).code, 0);
    if (isFullRun()) {
      assert.equal(await ok(cli(['export', '--kind', 'objective', '--out', join(root, 'export.csv')])), 0);
      assert.equal(await ok(cli(['report', '--format', 'html', '--out', join(root, 'report.html')])), 0);
    }
    const repo = join(root, 'repo');
    mkdirSync(repo);
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repo });
    git('init', '-q', '-b', 'main');
    git('-c', 'user.email=m@contoso.test', '-c', 'user.name=M', 'commit', '-q', '--allow-empty', '-m', '[OBJ-1] work');
    assert.equal(await ok(cli(['scan-commits', '--repo', repo, '--repository-url', 'https://git.contoso.test/r'])), 0);
    // Graph refuses the next links (503): the CLI keeps them in its outbox file, and the next command sends them.
    git('-c', 'user.email=m@contoso.test', '-c', 'user.name=M', 'commit', '-q', '--allow-empty', '-m', '[OBJ-2] more');
    await callLocal(graph.origin, 'POST', 'faults', { match: '/items', method: 'POST', status: 503, retryAfter: 0 });
    assert.equal(await ok(cli(['scan-commits', '--repo', repo, '--repository-url', 'https://git.contoso.test/r'])), 0);
    await callLocal(graph.origin, 'DELETE', 'faults');
    const cliOutbox = filesUnder(join(root, 'config')).filter((f) => f.endsWith('outbox.json'));
    assert.equal(cliOutbox.length, 1, 'the CLI kept the refused links in its outbox file');
    assert.match(readFileSync(cliOutbox[0]!, 'utf8'), /OBJ-2/);
    assert.equal(await ok(cli(['outbox', '--retry'])), 0);
    // A site reader's import is refused (403), and a server error fails another: both print errors.
    await callLocal(graph.origin, 'POST', 'token', { user: 'rita@contoso.test', role: 'reader' });
    writeFileSync(file, JSON.stringify(rows.map((r) => ({ ...r, title: `${r.title} v2` }))));
    assert.notEqual((await cli(['import', file, '--kind', 'objective', '--user', 'rita@contoso.test'])).code, 0);
    await callLocal(graph.origin, 'POST', 'faults', { match: '/items', status: 500, count: 50 });
    assert.notEqual((await cli(['import', file, '--kind', 'objective'])).code, 0);
    await callLocal(graph.origin, 'DELETE', 'faults');

    // The hosts' parts in this process: a logging client, the file cache, the outbox with queued and failed writes.
    const logLines: string[] = [];
    const log = (level: string) => (message: string, fields?: LogFields) =>
      logLines.push(`${level} ${message} ${JSON.stringify(fields ?? {})}`);
    const client = createGraphClient({
      baseUrl: url,
      tokenProvider: localTokenProvider(proxy.origin, 'adele@contoso.test'),
      retry: { baseDelayMs: 1, maxDelayMs: 5, maxRetries: 3 },
      logger: { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') },
    });
    const lists = await graph.site();
    const graphStore = new GraphStore(client, lists);
    const cache = new PortfolioCache(graphStore, { storage: new FileCacheStorage(join(root, 'cache')) });
    const store = new SyncedStore(graphStore, cache);
    await store.ready();
    await callLocal(graph.origin, 'POST', 'faults', { match: '/items', status: 503, rate: 0.5 });
    const outbox = new Outbox(graphStore, { storage: new FileCacheStorage(join(root, 'outbox')) });
    const first = (await store.get('objective', rows[0]!.id))!;
    await outbox.submit({
      op: 'update',
      kind: 'objective',
      id: rows[0]!.id,
      patch: { title: 'Queued' },
      etag: first.etag,
    });
    await callLocal(graph.origin, 'POST', 'faults', { match: '/items', status: 503 });
    await outbox.submit({ op: 'update', kind: 'objective', id: rows[1]!.id, patch: { title: 'Queued too' } });
    await outbox.flush();
    await callLocal(graph.origin, 'DELETE', 'faults');
    for (const failing of [
      () => client.get('/sites/root/lists/nope'),
      () =>
        createGraphClient({
          baseUrl: url,
          tokenProvider: { getToken: async () => [...tokens][0]!.slice(0, -2) + 'xx' },
        }).get('/me'),
    ]) {
      const error = await failing().then(
        () => undefined,
        (e: unknown) => e,
      );
      assert.ok(error, 'the call failed');
      outputs.push(String(error), inspect(error, { depth: 8 }), JSON.stringify(error));
    }
    outputs.push(...logLines);
    await cache.refresh();
    cache.dispose();

    assert.ok(tokens.size >= 3, `the flows used tokens (${tokens.size})`);
    const files = filesUnder(root);
    assert.ok(files.some((f) => f.includes(join(root, 'cache'))) && files.some((f) => f.includes('outbox')));
    const needles = [...tokens].flatMap((t) => [t, t.split('.')[1]!]);
    const hits: string[] = [];
    outputs.forEach((text, i) => {
      for (const n of needles) if (text.includes(n)) hits.push(`output ${i}: ${text.slice(0, 120)}`);
    });
    for (const f of files) {
      if (f === file) continue;
      const content = readFileSync(f).toString('latin1');
      for (const n of needles) if (content.includes(n)) hits.push(f.slice(root.length));
    }
    assert.deepEqual(hits, []);
    recordFigures('security-tokens', {
      title: 'Security: tokens in output and files',
      summary:
        'The CLI (provision, import ok/invalid/403/500, export, report, scan-commits, scan-commits kept in its outbox on 503 and sent by `tandem outbox --retry`), a logging Graph client, the file cache and the outbox (queued and failed writes) ran with tokens recorded on the wire; none appears in any output, error or file written.',
      figures: {
        tokensUsed: tokens.size,
        outputsSearched: outputs.length,
        filesSearched: files.length,
        hits: hits.length,
      },
    });
  });

  it("keeps the CLI's token cache readable by its user alone (0600 in a 0700 folder), whatever the umask", async () => {
    const folder = join(root, 'private', 'tandem');
    const path = join(folder, 'msal-cache.json');
    const previous = process.umask(0);
    try {
      await fileCachePlugin(path).afterCacheAccess({
        cacheHasChanged: true,
        tokenCache: { serialize: () => '{"AccessToken":{}}', deserialize: () => undefined },
      } as never);
    } finally {
      process.umask(previous);
    }
    assert.equal(statSync(path).mode & 0o777, 0o600);
    assert.equal(statSync(folder).mode & 0o777, 0o700);
  });

  it('the VS Code extension host left no token in its logs, settings, globalState, globalStorage, output channel or outbox', async function () {
    // `npm test -- tandem` (run before this workspace by `npm test`) keeps what code-server and the extension wrote;
    // when it has not run here, run its host suite now.
    if (!existsSync(join(hostLeftoversDir, leftoversManifest))) {
      this.timeout(1_800_000);
      const run = await runNode(join(import.meta.dirname, '..', 'vscode-host', 'runExtensionSuite.ts'), [], {
        TANDEM_RESULTS_DIR: join(root, 'host-results'),
      });
      assert.ok(existsSync(join(hostLeftoversDir, leftoversManifest)), `the host suite kept nothing: ${run.stderr}`);
    }
    const manifest = JSON.parse(readFileSync(join(hostLeftoversDir, leftoversManifest), 'utf8')) as LeftoversManifest;
    const files = filesUnder(hostLeftoversDir).filter((f) => basename(f) !== leftoversManifest);
    const covered = (what: string, pattern: RegExp) => {
      const matching = files.filter((f) => pattern.test(f.slice(hostLeftoversDir.length)));
      assert.ok(matching.length > 0, `the leftovers hold ${what}`);
      return matching.length;
    };
    const coverage = {
      'console output of the extension host': covered('its console output', /[\\/]output\.log$/),
      'VS Code logs': covered('VS Code logs', /[\\/]logs[\\/].+\.log$/),
      'the Tandem output channel': covered("the Tandem output channel's log", /[\\/]logs[\\/].*Tandem\.log$/),
      'user settings': covered('the user settings', /[\\/]User[\\/]settings\.json$/),
      // VS Code for the web (code-server) keeps globalState in the browser's IndexedDB: kept from the page.
      'globalState (the workbench IndexedDB)': covered('globalState', /[\\/]browser-indexeddb\.json$/),
      'globalStorage of the extension': covered(
        "the extension's globalStorage",
        /[\\/]globalStorage[\\/]tandem\.tandem[\\/]/,
      ),
      'outbox file': covered('an outbox file', /[\\/]outbox-[0-9a-f]{16}\.json$/),
    };

    // The search finds a token of this server anywhere it could hide: in text, and inside a state database's rows.
    const issued = (await callLocal(graph.origin, 'POST', 'token', { user: 'megan@contoso.test' })) as {
      access_token: string;
    };
    assert.deepEqual(tokensIn(`log line ${issued.access_token} end`), ['something shaped like a local Graph token']);
    assert.deepEqual(tokensIn(`Authorization: Bearer ${issued.access_token.slice(0, 30)}`), [
      'something shaped like a bearer value',
    ]);
    const browserStates = files.filter((f) => f.endsWith('browser-indexeddb.json'));
    const extensionGlobalState = browserStates.filter((f) =>
      (JSON.parse(readFileSync(f, 'utf8')) as Record<string, [string, string][]>)[
        'vscode-web-state-db-global/ItemTable'
      ]?.some(([key]) => key === 'tandem.tandem'),
    );
    assert.ok(extensionGlobalState.length > 0, "the browser state holds the extension's globalState (tandem.tandem)");
    const globalState = extensionGlobalState[0]!;
    const plantedState = join(root, 'planted-indexeddb.json');
    const state = JSON.parse(readFileSync(globalState, 'utf8')) as Record<string, [string, string][]>;
    state['planted/ItemTable'] = [['tandem.tandem', JSON.stringify({ session: issued.access_token })]];
    writeFileSync(plantedState, JSON.stringify(state));
    assert.ok(tokensInFiles([plantedState]).length > 0, 'a token in the browser state is found');
    // Desktop VS Code keeps globalState in SQLite (state.vscdb): a token in one of its rows is found too.
    const planted = join(root, 'planted.vscdb');
    const db = new BetterSqlite3(planted);
    db.exec('CREATE TABLE ItemTable (key TEXT UNIQUE ON CONFLICT REPLACE, value BLOB)');
    db.prepare('INSERT INTO ItemTable (key, value) VALUES (?, ?)').run(
      'tandem.tandem',
      Buffer.from(issued.access_token),
    );
    db.close();
    assert.ok(tokensInFiles([planted]).length > 0, 'a token in a state database is found');

    const hits = tokensInFiles(files, needlesOf(tokens), hostLeftoversDir);
    assert.deepEqual(hits, []);
    recordFigures('security-tokens-vscode', {
      title: 'Security: tokens in the VS Code extension host',
      summary:
        "After `npm test -- tandem` (every in-host suite, the restart with an outbox, the workbench UI pass and the packaged .vsix), everything code-server and the extension wrote — VS Code's logs with the Tandem output channel, the user settings, globalState (kept by VS Code for the web in the workbench's IndexedDB, read from the page after each session), the extension's globalStorage with its outbox file — and the extension host's console output were searched for tokens of the local server, JWTs and bearer values; none was found. A token planted in a copy of the browser state or in a state.vscdb row is found.",
      figures: {
        sessionsKept: manifest.kept.length,
        filesSearched: files.length,
        ...Object.fromEntries(Object.entries(coverage).map(([k, n]) => [`files: ${k}`, n])),
        hits: hits.length,
      },
    });
  });
});
