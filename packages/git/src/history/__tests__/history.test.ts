import * as assert from 'node:assert/strict';
import { TempRepo } from '../../testing/tempRepo.js';
import { GitError } from '../../run/gitError.js';
import { isAncestor, readHistory, streamHistory } from '../history.js';
import { branchOnlyShas, currentBranch, headSha, remoteUrl } from '../repository.js';

describe('history and repository (real git)', () => {
  let repo: TempRepo;
  beforeEach(() => (repo = new TempRepo()));
  afterEach(() => repo.remove());

  it('reads commits newest first, and only those after `since`', async () => {
    const a = repo.commit('First');
    const b = repo.commit('Second\n\nInitiative: INI-2');
    const c = repo.commit('[INI-3] Third');
    assert.deepEqual(
      (await readHistory(repo.dir)).map((x) => x.sha),
      [c, b, a],
    );
    const since = await readHistory(repo.dir, { since: a });
    assert.deepEqual(
      since.map((x) => x.message),
      ['[INI-3] Third', 'Second\n\nInitiative: INI-2'],
    );
    assert.deepEqual(await readHistory(repo.dir, { since: c }), []);
    assert.equal(await isAncestor(repo.dir, a, c), true);
    assert.equal(await isAncestor(repo.dir, c, a), false);
    assert.equal(await isAncestor(repo.dir, 'f'.repeat(40)), false);
  });

  it('knows the branch, a detached HEAD, and the branch’s own commits', async () => {
    repo.commit('Base');
    assert.equal(await currentBranch(repo.dir), 'main');
    repo.git('switch', '-q', '-c', 'ini-7/hub');
    const own = repo.commit('Work');
    assert.deepEqual([...(await branchOnlyShas(repo.dir, 'ini-7/hub'))], [own]);
    repo.git('checkout', '-q', '--detach');
    assert.equal(await currentBranch(repo.dir), undefined);
    assert.equal(await headSha(repo.dir), own);
  });

  it('rejects with NO_REMOTE when there is no remote, and NOT_A_REPOSITORY outside one', async () => {
    repo.commit('x');
    await assert.rejects(remoteUrl(repo.dir), (e: unknown) => e instanceof GitError && e.code === 'NO_REMOTE');
    await assert.rejects(currentBranch('/'), (e: unknown) => e instanceof GitError && e.code === 'NOT_A_REPOSITORY');
  });

  it('has no head in an empty repository', async () => {
    assert.equal(await headSha(repo.dir), undefined);
  });
});

describe('streamHistory (real git)', () => {
  let repo: TempRepo;
  beforeEach(() => (repo = new TempRepo()));
  afterEach(() => repo.remove());

  it('yields commits as git writes them, and stops git when the reader stops early', async () => {
    const shas = [repo.commit('a'), repo.commit('b\n\nInitiative: INI-1'), repo.commit('c')];
    const read: string[] = [];
    for await (const commit of streamHistory(repo.dir)) {
      read.push(commit.sha);
      if (read.length === 2) break;
    }
    assert.deepEqual(read, [shas[2], shas[1]]);
    assert.deepEqual(
      (await readHistory(repo.dir, { maxCount: 1 })).map((c) => c.sha),
      [shas[2]],
    );
  });

  it('rejects with UNKNOWN_REVISION for a tip git does not know', async () => {
    repo.commit('a');
    await assert.rejects(
      readHistory(repo.dir, { tip: 'no-such-branch' }),
      (e: unknown) => e instanceof GitError && e.code === 'UNKNOWN_REVISION',
    );
  });
});
