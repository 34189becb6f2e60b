import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { eq, odataString, parseODataString, type Link } from '@tandem/core';
import { conversationMessages, GraphStore, senderTaggedKeys } from '@tandem/graph';
import { isFullRun, recordFigures, repoRoot } from '../reliability/harness/figures.js';
import { startSuiteServer, type SuiteServer } from '../reliability/harness/localServer.js';

/** The shipped sources (not tests) of every package and host. */
const sourceRoots = ['packages', 'teams-app/src', 'vscode-extension/src'];

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (['node_modules', 'dist', '__tests__', 'build', 'out', 'host-tests'].includes(name)) continue;
    if (statSync(path).isDirectory()) sources(path, out);
    else if (/\.(ts|tsx)$/.test(name) && !/\.(test|bench)\.tsx?$/.test(name)) out.push(path);
  }
  return out;
}

/** Strings that try to break out of an OData string literal, or a URL. */
const hostile = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(
    "x' or true or 'x",
    "' or 1 eq 1",
    "a'') or (''a",
    '%27 or true',
    '&$top=5000',
    '#fragment',
    '?$filter=true',
    "O'Brien",
    '\u202Eevil',
    "fields/Key eq 'OBJ-1'",
  ),
);

describe('security: user input in OData filters', function () {
  this.timeout(300_000);
  const runs = isFullRun() ? 200 : 40;
  const figures = { filterSitesInSources: 0, filterSitesUsingCoreBuilder: 0, propertyRuns: 0 };
  let server: SuiteServer;
  before(async () => {
    server = await startSuiteServer();
  });
  after(async () => {
    await server.close();
    recordFigures('security-odata', {
      title: 'Security: OData filters',
      summary:
        "Every `$filter` the shipped code builds goes through core's escaping builder (`eq`/`and`/`or`/`odataString`); hostile strings (quotes, `or true`, `&`, `#`, `%27`, RTL, any Unicode) round-trip as values and never widen a query.",
      figures,
    });
  });

  it("builds every $filter in shipped code with core's escaping builder, never by pasting a value into quotes", () => {
    const offenders: string[] = [];
    for (const root of sourceRoots) {
      for (const file of sources(join(repoRoot, root))) {
        if (file.includes(join('packages', 'graph-local'))) continue; // the server parses filters, it builds none
        if (file.includes(join('packages', 'core', 'src', 'odata'))) continue; // the builder itself
        const text = readFileSync(file, 'utf8');
        const lines = text.split('\n');
        lines.forEach((line, i) => {
          if (!/\$filter/.test(line) || /^\s*(\*|\/\/)/.test(line)) return;
          figures.filterSitesInSources++;
          // A value spliced between quotes in a template (`eq '${x}'`) is the mistake this guards against.
          if (/'\$\{/.test(line) || /\+\s*"'"|"'"\s*\+/.test(line))
            offenders.push(`${relative(repoRoot, file)}:${i + 1}`);
          else figures.filterSitesUsingCoreBuilder++;
        });
      }
    }
    assert.ok(figures.filterSitesInSources > 3, 'the scan finds the filter sites');
    assert.deepEqual(offenders, []);
  });

  it('escapes any string so that it parses back to itself', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        assert.equal(parseODataString(odataString(s)), s);
        assert.equal(eq('fields/Key', s), `fields/Key eq ${odataString(s)}`);
      }),
      { numRuns: runs * 5 },
    );
  });

  it("GraphStore's query and create look-ups match exactly the item holding a hostile value, nothing more", async () => {
    const lists = await server.site();
    const store = new GraphStore(server.client(), lists);
    const base: Link = {
      id: '50000000-0000-4000-8000-000000000000',
      kind: 'email',
      targetKey: 'INI-1',
      externalId: 'plain',
      title: 'A decoy every widened query would return',
      linkedBy: { email: 'adele@contoso.test', displayName: 'Adele Vance' },
      linkedAt: '2026-03-01T09:30:00Z',
    };
    await store.create('link', base);
    let n = 0;
    await fc.assert(
      fc.asyncProperty(hostile, async (s) => {
        const externalId = s.slice(0, 255);
        if (externalId.trim() === '' || externalId.trim() === 'plain') return;
        n++;
        const id = `50000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
        const created = await store.create('link', { ...base, id, externalId, title: `Link ${n}` });
        const again = await store.create('link', { ...base, id, externalId, title: `Link ${n}` }); // by id look-up
        assert.equal(again.etag, created.etag);
        // The schema trims text: the value stored is what a later query asks for.
        const stored = created.value.externalId;
        const found = await store.query('link', { where: { externalId: stored } });
        assert.deepEqual(
          found.map((f) => f.value.id),
          (await store.query('link')).filter((l) => l.value.externalId === stored).map((l) => l.value.id),
        );
        assert.ok(found.some((f) => f.value.id === id));
        assert.ok(!found.some((f) => f.value.id === base.id));
        figures.propertyRuns++;
      }),
      { numRuns: runs },
    );
  });

  it("the add-in's mailbox queries (conversation, sender) never widen with a hostile value", async () => {
    await server.local('POST', 'mailboxes/adele@contoso.test/messages', {
      subject: 'Decoy',
      from: 'nestor@contoso.test',
    });
    const client = server.client('adele@contoso.test');
    await fc.assert(
      fc.asyncProperty(hostile, async (s) => {
        assert.deepEqual(await conversationMessages(client, s), []);
        assert.deepEqual(await senderTaggedKeys(client, s), []);
        figures.propertyRuns++;
      }),
      { numRuns: runs },
    );
  });
});
