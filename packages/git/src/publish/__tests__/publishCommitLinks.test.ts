import * as assert from 'node:assert/strict';
import { StoreError } from '@tandem/core';
import { MemoryStore } from '@tandem/ui/testing';
import { TempRepo } from '../../testing/tempRepo.js';
import { GitError } from '../../run/gitError.js';
import { PublishCancelledError, publishCommitLinks } from '../publishCommitLinks.js';
import type { PublishState } from '../publishMark.js';

function memoryState(): PublishState & { marks: Map<string, string> } {
  const marks = new Map<string, string>();
  return {
    marks,
    lastPublished: (repo) => marks.get(repo),
    setLastPublished: async (repo, sha) => void marks.set(repo, sha),
  };
}

describe('publishCommitLinks (real git, store in memory)', () => {
  let repo: TempRepo;
  beforeEach(() => {
    repo = new TempRepo();
    repo.git('remote', 'add', 'origin', 'git@github.com:contoso-retail/webshop.git');
  });
  afterEach(() => repo.remove());

  const request = (store: MemoryStore, state: PublishState) => ({
    cwd: repo.dir,
    store,
    state,
    linkedBy: { email: 'megan@contoso.test', displayName: 'Megan Bowen' },
    knownKeys: new Set(['INI-1', 'INI-3']),
    batchSize: 2,
  });

  it('publishes incrementally, in batches, and never twice', async () => {
    const store = new MemoryStore();
    const state = memoryState();
    repo.commit('One\n\nInitiative: INI-1');
    repo.commit('[INI-3] Two');
    repo.commit('Three for INI-1 and INI-3');
    const progress: number[] = [];
    const first = await publishCommitLinks({ ...request(store, state), onProgress: (p) => progress.push(p.published) });
    assert.equal(first.published, 4);
    assert.deepEqual(progress, [2, 4]);
    assert.equal((await store.query('link')).length, 4);
    assert.equal(state.marks.get('https://github.com/contoso-retail/webshop'), repo.git('rev-parse', 'HEAD'));

    const again = await publishCommitLinks(request(store, state));
    assert.deepEqual([again.scanned, again.published], [0, 0]);

    repo.commit('Four\n\nInitiative: INI-3');
    const third = await publishCommitLinks(request(store, state));
    assert.deepEqual([third.scanned, third.published], [1, 1]);
    assert.equal((await store.query('link')).length, 5);
  });

  it('writes nothing twice even when the mark is lost (ids are stable)', async () => {
    const store = new MemoryStore();
    repo.commit('One\n\nInitiative: INI-1');
    await publishCommitLinks(request(store, memoryState()));
    await publishCommitLinks(request(store, memoryState()));
    assert.equal((await store.query('link')).length, 1);
  });

  it('keeps the mark when a write fails, so the next run retries', async () => {
    const store = new MemoryStore();
    const state = memoryState();
    repo.commit('One\n\nInitiative: INI-1');
    store.failWith(new StoreError('unavailable', 'down'));
    await assert.rejects(publishCommitLinks(request(store, state)));
    assert.equal(state.marks.size, 0);
    store.failWith(undefined);
    assert.equal((await publishCommitLinks(request(store, state))).published, 1);
  });

  it('stops between batches when cancelled, and the next run writes the rest', async () => {
    const store = new MemoryStore();
    const state = memoryState();
    for (let i = 0; i < 5; i++) repo.commit(`Change ${i}\n\nInitiative: INI-1`);
    let asked = 0;
    await assert.rejects(
      publishCommitLinks({ ...request(store, state), isCancelled: () => ++asked > 1 }),
      (e: unknown) => e instanceof PublishCancelledError && e.published === 2,
    );
    assert.equal((await store.query('link')).length, 2);
    assert.equal(state.marks.size, 0);
    // The rerun reads all five commits again; the two links already stored are recognised, the other three written.
    const rest = await publishCommitLinks(request(store, state));
    assert.deepEqual([rest.scanned, rest.published + rest.alreadyPublished, rest.published], [5, 5, 3]);
    assert.equal((await store.query('link')).length, 5);
  });

  it('refuses a repository without a remote', async () => {
    repo.git('remote', 'remove', 'origin');
    repo.commit('One\n\nInitiative: INI-1');
    await assert.rejects(
      publishCommitLinks(request(new MemoryStore(), memoryState())),
      (e: unknown) => e instanceof GitError && e.code === 'NO_REMOTE',
    );
  });
});
