import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoPortfolio, type EntityKind } from '@tandem/core';
import {
  GraphStore,
  PortfolioCache,
  connectSite,
  createGraphClient,
  localTokenProvider,
  provision,
  resolveSite,
} from '@tandem/graph';
import { FileCacheStorage } from '@tandem/graph/node';
import { startGraphLocal } from '@tandem/graph-local';
import { emptyPortfolio } from '../portfolio.js';
import { PORTFOLIO_KINDS, deltaPortfolioSource, type PortfolioSource } from '../portfolioSource.js';
import { PortfolioService, type Connection } from '../portfolioService.js';

const now = new Date('2026-11-20T12:00:00Z');
const me = { email: 'megan@contoso.test', displayName: 'Megan Bowen' };

function connection(source: PortfolioSource): Connection {
  return { store: undefined as never, me, id: 'test', mode: 'local', source };
}

describe('PortfolioService', () => {
  it('shows the cached portfolio at once, and keeps it when the refresh fails (offline)', async () => {
    const cached = { ...emptyPortfolio(now.toISOString()), objectives: demoPortfolio(now).objective };
    const service = new PortfolioService(() => now);
    let changes = 0;
    service.onDidChange(() => changes++);
    await service.connect(
      connection({
        load: async () => cached,
        refresh: () => Promise.reject(new Error('ECONNREFUSED')),
        dispose: () => undefined,
      }),
    );
    assert.equal(service.state, 'offline');
    assert.equal(service.error?.message, 'ECONNREFUSED');
    assert.equal(service.portfolio.objectives.length, 9);
    assert.ok(service.insights.health.has('OBJ-1'));
    assert.ok(changes >= 2);
  });

  it('shares one refresh between concurrent callers', async () => {
    let refreshes = 0;
    const service = new PortfolioService(() => now);
    await service.connect(
      connection({
        load: async () => undefined,
        refresh: async () => (refreshes++, emptyPortfolio()),
        dispose: () => undefined,
      }),
    );
    await Promise.all([service.refresh(), service.refresh(), service.refresh()]);
    assert.equal(refreshes, 2);
    assert.equal(service.state, 'online');
  });
});

describe('deltaPortfolioSource (local server, file cache)', () => {
  it('refreshes through delta, then a later start reads the file cache with the server gone', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'tandem-delta-'));
    const server = await startGraphLocal({ port: 0, memory: true });
    let running = true;
    try {
      const client = createGraphClient({
        baseUrl: server.url,
        tokenProvider: localTokenProvider(server.origin, me.email),
      });
      const site = await resolveSite(client);
      await provision(client, site.id);
      const lists = await connectSite(client);
      const seeding = new GraphStore(client, lists);
      const demo = demoPortfolio(now);
      for (const kind of ['objective', 'initiative'] satisfies EntityKind[])
        await seeding.createMany(kind, demo[kind] as never[]);

      const online = deltaPortfolioSource(
        new PortfolioCache(new GraphStore(client, lists), {
          storage: new FileCacheStorage(folder),
          kinds: PORTFOLIO_KINDS,
        }),
      );
      assert.equal(await online.load(), undefined);
      const fresh = await online.refresh();
      assert.equal(fresh.objectives.length, 9);
      assert.equal(fresh.initiatives.length, 20);
      online.dispose();
      await server.close();
      running = false;

      const offline = deltaPortfolioSource(
        new PortfolioCache(new GraphStore(client, lists), {
          storage: new FileCacheStorage(folder),
          kinds: PORTFOLIO_KINDS,
        }),
      );
      const cached = await offline.load();
      assert.equal(cached?.objectives.length, 9);
      assert.equal(cached?.initiatives.find((i) => i.key === 'INI-1')?.title, 'One-page checkout');
      offline.dispose();
    } finally {
      if (running) await server.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
