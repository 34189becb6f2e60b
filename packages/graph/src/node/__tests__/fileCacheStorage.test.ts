import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileCacheStorage } from '../fileCacheStorage.js';

describe('FileCacheStorage', () => {
  let folder: string;
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'tandem-cache-'));
  });
  afterEach(() => rm(folder, { recursive: true, force: true }));

  it('writes, reads back, replaces and removes entries, leaving no temporary files', async () => {
    const storage = new FileCacheStorage(join(folder, 'nested'));
    assert.equal(await storage.read('outbox.json'), undefined);
    await storage.write('outbox.json', '{"a":1}');
    await storage.write('outbox.json', '{"a":2}');
    assert.equal(await new FileCacheStorage(join(folder, 'nested')).read('outbox.json'), '{"a":2}');
    assert.deepEqual(await readdir(join(folder, 'nested')), ['outbox.json']);
    await storage.remove('outbox.json');
    assert.equal(await storage.read('outbox.json'), undefined);
  });

  it('refuses names that would leave its folder', async () => {
    await assert.rejects(new FileCacheStorage(folder).write('../escape', 'x'), RangeError);
  });
});
