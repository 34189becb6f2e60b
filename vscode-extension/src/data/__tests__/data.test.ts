import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SettingsError, dataMode, localOrigin } from '../connect.js';
import { emptyPortfolio } from '../portfolio.js';
import { FilePortfolioCache } from '../portfolioCache.js';

describe('settings', () => {
  it('picks local mode from tandem.graphUrl, tenant mode from tenant and client ids', () => {
    assert.equal(dataMode({ graphUrl: 'http://127.0.0.1:4300', localUser: 'a@b.c' }), 'local');
    assert.equal(dataMode({ localUser: 'a@b.c', tenantId: 't', clientId: 'c' }), 'tenant');
    assert.equal(dataMode({ localUser: 'a@b.c', tenantId: 't' }), undefined);
  });

  it('reads the local origin, with or without /v1.0, and names the bad setting', () => {
    assert.equal(localOrigin('http://127.0.0.1:4300/v1.0/'), 'http://127.0.0.1:4300');
    assert.equal(localOrigin(' http://localhost:4300 '), 'http://localhost:4300');
    assert.throws(
      () => localOrigin('not a url'),
      (e: unknown) => e instanceof SettingsError && e.field === 'tandem.graphUrl',
    );
    assert.throws(() => localOrigin('ftp://x'), SettingsError);
  });
});

describe('FilePortfolioCache', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'tandem-cache-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps one portfolio per connection and reads it back', async () => {
    const cache = new FilePortfolioCache(join(dir, 'nested'));
    assert.equal(await cache.read('local:a'), undefined);
    const p = emptyPortfolio('2026-11-20T12:00:00.000Z');
    await cache.write('local:a', p);
    assert.deepEqual(await cache.read('local:a'), p);
    assert.equal(await cache.read('local:b'), undefined);
  });

  it('ignores a torn file, and never writes a token', async () => {
    const cache = new FilePortfolioCache(dir);
    await cache.write('c', emptyPortfolio());
    const [file] = readdirSync(dir);
    writeFileSync(join(dir, file!), '{"version":1,"portf');
    assert.equal(await cache.read('c'), undefined);
  });
});
