import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StoreError, type Objective } from '@tandem/core';
import { GraphStore } from '@tandem/graph';
import { recordFigures } from '../reliability/harness/figures.js';
import { callLocal, startSuiteServer, type SuiteServer } from '../reliability/harness/localServer.js';

async function token(server: SuiteServer, user: string, extra: Record<string, unknown> = {}): Promise<string> {
  return ((await callLocal(server.origin, 'POST', 'token', { user, ...extra })) as { access_token: string })
    .access_token;
}

async function call(server: SuiteServer, method: string, path: string, bearer: string | undefined, body?: unknown) {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      ...(bearer === undefined ? {} : { authorization: `Bearer ${bearer}` }),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? null : JSON.stringify(body),
  });
  const text = await res.text();
  return {
    status: res.status,
    code: text ? ((JSON.parse(text) as { error?: { code: string } }).error?.code ?? '') : '',
  };
}

/** A token with one character of its signature (or payload) changed. */
function tamper(t: string, part: 0 | 1): string {
  const pieces = t.split('.');
  const s = pieces[part]!;
  const i = Math.floor(s.length / 2);
  pieces[part] = s.slice(0, i) + (s[i] === 'A' ? 'B' : 'A') + s.slice(i + 1);
  return pieces.join('.');
}

describe('security: tokens, mailboxes and site permissions', function () {
  this.timeout(60_000);
  let server: SuiteServer;
  let other: SuiteServer;
  let folder: string;
  const figures = { tokenCases: 0, isolationCases: 0, readerWritesRefused: 0 };
  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'tandem-tokens-'));
    server = await startSuiteServer({ dataDir: join(folder, 'a') });
    other = await startSuiteServer({ dataDir: join(folder, 'b') });
  });
  after(async () => {
    await server.close();
    await other.close();
    rmSync(folder, { recursive: true, force: true });
    recordFigures('security-access', {
      title: 'Security: tokens, mailboxes, site permissions',
      summary:
        "Forged, expired, foreign and malformed tokens are 401; another user's mailbox items, events, extensions and categories are 403/404; a site reader's writes are 403 accessDenied.",
      figures,
    });
  });

  it('answers 401 InvalidAuthenticationToken to a missing, malformed, forged, expired or foreign token', async () => {
    const good = await token(server, 'adele@contoso.test');
    assert.equal((await call(server, 'GET', '/me', good)).status, 200);
    const [payload] = good.split('.');
    const forgedPayload = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), upn: 'megan@contoso.test' }),
    ).toString('base64url');
    const cases: [string, string | undefined][] = [
      ['missing', undefined],
      ['not a token', 'hello'],
      ['signature changed', tamper(good, 1)],
      ['payload changed', tamper(good, 0)],
      ['payload swapped, old signature', `${forgedPayload}.${good.split('.')[1]}`],
      ['expired', await token(server, 'adele@contoso.test', { expiresIn: 0 })],
      ['signed by another data folder', await token(other, 'adele@contoso.test')],
    ];
    for (const [name, bearer] of cases) {
      const answer = await call(server, 'GET', '/me', bearer);
      assert.deepEqual(answer, { status: 401, code: 'InvalidAuthenticationToken' }, name);
      figures.tokenCases++;
    }
  });

  it("keeps one user out of another's mailbox, events, extensions and categories", async () => {
    const adele = await token(server, 'adele@contoso.test');
    const megan = await token(server, 'megan@contoso.test');
    const message = (await server.local('POST', 'mailboxes/adele@contoso.test/messages', {
      subject: 'Board pack',
      from: 'nestor@contoso.test',
    })) as { id: string };
    const event = (await server.local('POST', 'mailboxes/adele@contoso.test/events', {
      subject: 'Steering',
      start: '2026-03-02T10:00:00Z',
      end: '2026-03-02T11:00:00Z',
    })) as { id: string };
    const ext = {
      '@odata.type': '#microsoft.graph.openTypeExtension',
      extensionName: 'com.tandem.links',
      keys: ['INI-1'],
    };
    assert.equal((await call(server, 'POST', `/me/messages/${message.id}/extensions`, adele, ext)).status, 201);
    const category = (await (
      await fetch(`${server.url}/me/outlook/masterCategories`, {
        method: 'POST',
        headers: { authorization: `Bearer ${adele}`, 'content-type': 'application/json' },
        body: JSON.stringify({ displayName: 'INI-1', color: 'preset1' }),
      })
    ).json()) as { id: string };

    const attempts: [string, string, unknown?][] = [
      ['GET', `/me/messages/${message.id}`],
      ['PATCH', `/me/messages/${message.id}`, { categories: ['Mine'] }],
      ['GET', `/me/messages/${message.id}/extensions`],
      ['GET', `/me/messages/${message.id}/extensions/com.tandem.links`],
      ['PATCH', `/me/messages/${message.id}/extensions/com.tandem.links`, ext],
      ['DELETE', `/me/messages/${message.id}/extensions/com.tandem.links`],
      ['POST', `/me/messages/${message.id}/extensions`, { ...ext, extensionName: 'com.other' }],
      ['GET', `/me/events/${event.id}`],
      ['PATCH', `/me/events/${event.id}`, { subject: 'Moved' }],
      ['GET', `/me/outlook/masterCategories/${category.id}`],
      ['DELETE', `/me/outlook/masterCategories/${category.id}`],
      ['GET', '/users/adele@contoso.test/messages'],
      ['GET', `/users/adele@contoso.test/messages/${message.id}`],
      ['PATCH', `/users/adele@contoso.test/messages/${message.id}`, { categories: [] }],
      ['GET', `/users/adele@contoso.test/events/${event.id}/extensions`],
      [
        'GET',
        '/users/adele@contoso.test/calendarView?startDateTime=2026-03-01T00:00:00Z&endDateTime=2026-03-09T00:00:00Z',
      ],
      ['POST', '/users/adele@contoso.test/outlook/masterCategories', { displayName: 'X', color: 'preset2' }],
    ];
    for (const [method, path, body] of attempts) {
      const { status } = await call(server, method, path, megan, body);
      assert.ok(status === 403 || status === 404, `${method} ${path} as Megan: ${status}`);
      figures.isolationCases++;
    }
    // Megan's own view of her mailbox does not show Adele's mail either.
    const mine = (await (
      await fetch(`${server.url}/me/messages?$select=subject`, { headers: { authorization: `Bearer ${megan}` } })
    ).json()) as { value: { subject: string }[] };
    assert.ok(!mine.value.some((m) => m.subject === 'Board pack'));
    // And nothing of Adele's changed.
    const still = (await (
      await fetch(`${server.url}/me/messages/${message.id}?$select=categories&$expand=extensions`, {
        headers: { authorization: `Bearer ${adele}` },
      })
    ).json()) as { categories: string[]; extensions: { keys: string[] }[] };
    assert.deepEqual(still.categories, []);
    assert.deepEqual(still.extensions[0]?.keys, ['INI-1']);
  });

  it("refuses a site reader's writes through the app's store with 403 (forbidden), and leaves the item as it was", async () => {
    const lists = await server.site();
    const objective = {
      id: '40000000-0000-4000-8000-000000000001',
      key: 'OBJ-1',
      kind: 'business',
      title: 'Lower churn',
      owner: { email: 'adele@contoso.test', displayName: 'Adele Vance' },
      periodStart: '2026-01-01',
      periodEnd: '2026-06-30',
      status: 'active',
    } as Objective;
    const stored = await new GraphStore(server.client(), lists).create('objective', objective);
    await token(server, 'rita@contoso.test', { role: 'reader' });
    const reader = new GraphStore(server.client('rita@contoso.test'), lists);
    assert.equal((await reader.get('objective', objective.id))?.value.title, 'Lower churn');
    const writes = [
      () => reader.update('objective', objective.id, { title: 'Churn is fine' }, stored.etag),
      () => reader.create('objective', { ...objective, id: '40000000-0000-4000-8000-000000000002', key: 'OBJ-2' }),
      () => reader.delete('objective', objective.id, stored.etag),
      () =>
        reader.createMany('objective', [{ ...objective, id: '40000000-0000-4000-8000-000000000003', key: 'OBJ-3' }]),
    ];
    for (const write of writes) {
      const error = await write().then(
        () => undefined,
        (e: unknown) => e,
      );
      assert.ok(error instanceof StoreError && error.code === 'forbidden', String(error));
      figures.readerWritesRefused++;
    }
    const after = await new GraphStore(server.client(), lists).query('objective');
    assert.deepEqual(
      after.map((s) => [s.value.key, s.value.title]),
      [['OBJ-1', 'Lower churn']],
    );
  });
});
