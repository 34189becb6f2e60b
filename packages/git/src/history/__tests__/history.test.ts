import * as assert from 'node:assert/strict';
import { TempRepo } from '../../testing/tempRepo.js';
import { GitError } from '../../run/gitError.js';
import { isAncestor, readHistory } from '../history.js';
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
